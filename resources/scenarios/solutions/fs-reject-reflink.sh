rdma-app --pages=1024 /mnt/pmem/buf
xfs_info /mnt/pmem
mount | grep pmem
cp /mnt/pmem/buf /mnt/pmem1/buf
rdma-app --pages=1024 /mnt/pmem1/buf &
sleep 1
