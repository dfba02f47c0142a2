rdma-app --pages=256 /mnt/pmem/buf
why /mnt/pmem/buf
ibv_devinfo -v | grep -i odp
rdma-app --odp --lease=none --pages=256 /mnt/pmem/buf &
sleep 1
rdma resource show mr
