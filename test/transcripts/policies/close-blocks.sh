# pinsim: --policy close-blocks
# close-blocks (Dave Chinner, seed 003 #6, #9, #23): as rfc-v2, but the last close of a leased
# file whose pages are pinned blocks in locks_remove_lease until the pins go, so no zombie lease
# appears; a fatal signal still ends it; and the pins cannot be passed by SCM_RIGHTS to a process
# without a layout lease on the file.
rdma-app --pages=16 --close-after-pin /mnt/pmem/foo &
APP=$!
sleep 1
ps -o pid,stat,wchan:20,cmd -p $APP
cat /proc/$APP/stack
cat /proc/locks
ls /proc/$APP/fd
truncate -s 0 /mnt/pmem/foo
kill -9 $APP
wait $APP
echo "rdma-app: status $?"
cat /proc/locks
rdma-app --pages=16 --handoff /mnt/pmem/bar
echo "rdma-app --handoff: status $?"
sleep 1
