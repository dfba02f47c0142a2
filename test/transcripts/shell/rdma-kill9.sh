# A background rdma-app killed with kill -9: bash reports the death at the next foreground job
# (`FILE: line N:  PID Killed …`), the kernel unwinds its pins, truncate works again.
truncate -s 1M /mnt/pmem/db
rdma-app /mnt/pmem/db 2>/dev/null &
sleep 1
cat /proc/locks
kill -9 %1
sleep 1
echo "after the kill"
truncate -s 0 /mnt/pmem/db && echo "truncate succeeds"
# A foreground command killed by another process: reported right after it.
truncate -s 1M /mnt/pmem/db
(sleep 2; kill -9 $(pgrep rdma-app)) &
rdma-app /mnt/pmem/db 2>/dev/null
echo "rdma-app: status $?"
# SIGTERM is not reported in a script; a lease holder killed by SIGIO is.
sleep 100 &
kill $!
wait $!
echo "sleep: status $?"
truncate -s 0 /tmp/leased
lease-hold --type=read --on-sigio=default /tmp/leased &
sleep 1
truncate -s 0 /tmp/leased
echo "truncate: status $?"
wait
