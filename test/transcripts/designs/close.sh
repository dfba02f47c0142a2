# Close of the lease fd: the server closes its data file once the pages are pinned, keeping only
# the RDMA context (and its mapping); then root truncates the file.
rdma-app --map-direct --close-after-pin --pages=16 /mnt/pmem/foo &
APP=$!
sleep 1
ps -o pid,stat,wchan:24,cmd -p $APP
cat /proc/locks
timeout 10 truncate -s 0 /mnt/pmem/foo &
sleep 1
ps -o pid,stat,wchan:24,cmd -C truncate
wait $!
echo "truncate: status $?"
