# Kill of the owner: the server that pinned the pages is killed; its exit closes the RDMA context,
# which deregisters the MR and unpins the pages; then root truncates the file.
rdma-app --map-direct --pages=16 /mnt/pmem/foo &
APP=$!
sleep 1
kill -9 $APP
wait $APP
echo "rdma-app: status $?"
cat /proc/locks
timeout 10 truncate -s 0 /mnt/pmem/foo &
sleep 1
ps -o pid,stat,wchan:24,cmd -C truncate
wait $!
echo "truncate: status $?"
