# pinsim: --policy longterm-disabled
# longterm-disabled (mainline): FOLL_LONGTERM on fsdax is refused (EOPNOTSUPP), a writable
# long-term pin of a page-cache file too (EFAULT, since 2023); device DAX and ODP still work, and
# with nothing pinned truncate succeeds.
simctl policy
rdma-app --pages=16 /mnt/pmem/foo
echo "rdma-app: status $?"
truncate -s 64K /root/buf
rdma-app --lease=none --pages=16 /root/buf
echo "rdma-app: status $?"
rdma-app --pages=16 /dev/dax2.0 &
sleep 1
rdma-app --odp --lease=none --pages=16 /mnt/pmem/bar &
sleep 1
cat /proc/locks
truncate -s 0 /mnt/pmem/foo && echo "truncate foo: ok"
truncate -s 4K /mnt/pmem/bar && echo "truncate bar (ODP MR over it): ok"
truncate -s 0 /dev/dax2.0
echo "truncate of the device: status $?"
