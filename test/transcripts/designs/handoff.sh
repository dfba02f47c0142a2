# SCM_RIGHTS hand-off: the server passes its RDMA context to an rdma-keeper process and exits;
# then root truncates the file.
rdma-app --map-direct --handoff --pages=16 /mnt/pmem/foo
echo "rdma-app: status $?"
sleep 1
ps -o pid,stat,wchan:24,cmd -C rdma-keeper
for p in $(pgrep rdma-keeper); do cat /proc/$p/file_pins; done
cat /proc/locks
timeout 10 truncate -s 0 /mnt/pmem/foo &
sleep 1
ps -o pid,stat,wchan:24,cmd -C truncate
wait $!
echo "truncate: status $?"
