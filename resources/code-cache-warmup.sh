# The warm-up whose compiled code `npm run build` keeps for the pinsim command (bin/cli-loader.mjs):
# what admins and their scripts run most — the shell's control flow, file tools, procfs, text tools,
# process tools and the truncate-versus-pin case — a few hundred times, so that V8 compiles it all.
d=/mnt/pmem/warmup
mkdir -p $d
count() { wc -l | tr -d ' '; }
i=0
while [ $i -lt 60 ]; do
  truncate -s 1M $d/f$i
  cat /proc/locks > /dev/null
  ls $d | wc -l > /dev/null
  ls -l $d > /dev/null
  grep -c LEASE /proc/locks > /dev/null
  stat -c '%s %n' $d/f$i > /dev/null
  case $((i % 3)) in
    0) n=$(ls $d | count) ;;
    1) echo "$i $d/f$i" | awk '{ print $2 }' | sed 's/f/F/' > /dev/null ;;
    *) printf '%s\n' b a c | sort | uniq | head -n 1 | cut -c 1 > /dev/null ;;
  esac
  if [ -f $d/f$i ]; then truncate -s 0 $d/f$i; fi
  i=$((i+1))
done
truncate -s 1M $d/pinned
rdma-app $d/pinned 2> /dev/null &
sleep 1
truncate -s 0 $d/pinned 2> /dev/null || echo "refused as expected" > /dev/null
ps -ef > /dev/null; ps -o pid,stat,wchan,cmd > /dev/null; pgrep -l rdma-app > /dev/null
lsof $d/pinned > /dev/null; fuser -v $d/pinned > /dev/null 2>&1; lslocks > /dev/null
cat /proc/$!/file_pins > /dev/null; why $d/pinned > /dev/null; rdma resource show mr > /dev/null
kill -9 $!
wait 2> /dev/null
dmesg | tail -n 2 > /dev/null; df -h > /dev/null; findmnt > /dev/null; id > /dev/null
rm -rf $d
echo ok
