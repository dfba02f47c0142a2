why /mnt/pmem/buf
truncate -s 64M /mnt/pmem/buf
xfs_io -c seal /mnt/pmem/buf
rdma-app --pages=16384 /mnt/pmem/buf &
sleep 1
