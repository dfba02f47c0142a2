# pinsim: --policy fs-reject
# fs-reject (seeds 000/002, Jason Gunthorpe and Dan Williams): the filesystem decides. Without
# reflink (xfs_info: reflink=0) it accepts long-term pins with no lease, and refuses to change the
# layout under them: the open succeeds, ftruncate and fallocate fail with ETXTBSY.
xfs_info /mnt/pmem | grep -o 'reflink=[01]'
rdma-app --lease=none --pages=16 /mnt/pmem/foo &
sleep 1
cat /proc/locks
truncate -s 0 /mnt/pmem/foo
echo "truncate: status $?"
fallocate --punch-hole --offset 0 --length 4096 /mnt/pmem/foo
echo "fallocate over the pinned pages: status $?"
fallocate --punch-hole --offset 1M --length 4096 /mnt/pmem/foo && echo "punch outside them: ok"
why /mnt/pmem/foo | head -2
kill $!
wait $!
truncate -s 0 /mnt/pmem/foo && echo "truncate once the pins went: ok"
