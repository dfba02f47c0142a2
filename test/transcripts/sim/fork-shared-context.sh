# Fork shares the RDMA context (kernel.md §4): killing the parent alone does not unwind the pins.
truncate -s 1M /mnt/pmem/db
rdma-app --fork-helper /mnt/pmem/db &
app=$!
sleep 1
helper=$(pgrep -P $app)
ps -o pid,ppid,stat,wchan,cmd -p $app,$helper
why /mnt/pmem/db
kill -9 $app
wait $app
echo "rdma-app killed: status $?"
cat /proc/locks
cat /proc/$helper/file_pins
truncate -s 0 /mnt/pmem/db
why /mnt/pmem/db
kill $helper
sleep 1
cat /proc/locks
truncate -s 0 /mnt/pmem/db && echo "truncated once the last holder of the context exited"
