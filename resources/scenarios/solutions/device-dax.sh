rdma resource show mr
ls -l /proc/$(pgrep rdma-app)/fd
why /mnt/pmem/cache
fallocate --punch-hole --offset 0 --length 64M /mnt/pmem/cache
