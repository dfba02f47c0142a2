# Cover letter point 2: a pin fails unless the process holds an exclusive layout lease.
truncate -s 1M /mnt/pmem/db
rdma-app --lease=none --pages=16 /mnt/pmem/db
echo "rdma-app: status $?"
rdma-app --lease=layout --pages=16 /mnt/pmem/db
echo "rdma-app: status $?"
cat /proc/locks
why /mnt/pmem/db
# Device DAX (cover letter point 0) and ODP need no lease.
rdma-app --pages=16 /dev/dax2.0 &
sleep 1
rdma-app --lease=none --odp --pages=16 /mnt/pmem/db &
sleep 1
cat /proc/locks
truncate -s 0 /mnt/pmem/db && echo "ODP: nothing pinned, truncate proceeds"
