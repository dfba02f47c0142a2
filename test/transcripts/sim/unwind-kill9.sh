# Exit / kill (kernel.md §4): kill -9 closes the fds in order, the context's MRs are deregistered,
# the pages unpinned and the lease released, so truncate succeeds right after.
truncate -s 1M /mnt/pmem/db
rdma-app --mrs=4 --on-term=ignore /mnt/pmem/db 2>/dev/null &
app=$!
sleep 1
kill $app
sleep 1
ps -o pid,stat,wchan,cmd -p $app
truncate -s 0 /mnt/pmem/db
kill -9 $app
wait $app
echo "rdma-app: status $?"
cat /proc/locks
cat /proc/$app/file_pins
truncate -s 0 /mnt/pmem/db && echo "truncate succeeds after kill -9"
why /mnt/pmem/db
