# Release of the lease with F_UNLCK: the server drops its lease while its pages are still pinned;
# then root truncates the file.
rdma-app --map-direct --unlock-after-pin --pages=16 /mnt/pmem/foo &
sleep 1
cat /proc/locks
timeout 10 truncate -s 0 /mnt/pmem/foo &
sleep 1
ps -o pid,stat,wchan:24,cmd -C truncate
wait $!
echo "truncate: status $?"
