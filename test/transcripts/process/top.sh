# top in batch mode: one frame, summary and task table.
rdma-app /mnt/pmem/foo 2>/dev/null &
sleep 100 &
sleep 90
top -b -n 1
top -b -n 1 -c -w 120 -p $!
