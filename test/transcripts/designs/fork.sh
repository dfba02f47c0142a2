# Fork, then kill the parent: the server forks a helper that shares its RDMA context; the parent
# is killed; then root truncates the file.
rdma-app --map-direct --fork-helper --pages=16 /mnt/pmem/foo &
APP=$!
sleep 1
kill -9 $APP
wait $APP
echo "rdma-app: status $?"
ps -o pid,stat,wchan:24,cmd -C rdma-app
cat /proc/locks
timeout 10 truncate -s 0 /mnt/pmem/foo &
sleep 1
ps -o pid,stat,wchan:24,cmd -C truncate
wait $!
echo "truncate: status $?"
