ps -o pid,args -u operator
cat /proc/locks
rdma resource show mr
kill $(pgrep -f 'rdma-app --pages=16 /mnt/pmem/a')
sleep 1
rdma-app --odp --lease=none --pages=16 /mnt/pmem/a &
sleep 1
truncate -s 0 /mnt/pmem/a
