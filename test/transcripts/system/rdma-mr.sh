# An RDMA server pins a DAX file under its layout lease: rdma shows the memory region it registered.
# An ODP registration shows the same way but pins nothing, so its file can still be truncated.
truncate -s 1M /mnt/pmem/db
rdma-app --file /mnt/pmem/db 2>/dev/null &
sleep 1
rdma resource show mr
rdma res show mr pid $!
rdma resource show
truncate -s 1M /mnt/pmem/odp
rdma-app --odp --lease=none --pages=16 --file /mnt/pmem/odp 2>/dev/null &
sleep 1
rdma res show mr
truncate -s 0 /mnt/pmem/odp && echo "ODP file truncated"
truncate -s 0 /mnt/pmem/db
rdma resource show
kill %1 %2
wait
rdma res
rdma res show mr | wc -l
