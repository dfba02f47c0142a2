# pinsim: --policy immutable
# immutable (seed 004, Dan Williams 2017): a pin needs a sealed block map — `xfs_io -c seal`
# (pinsim's own command for FALLOC_FL_SEAL_BLOCK_MAP) or a MAP_DIRECT mapping — and while the file
# is sealed every block-map change fails with ETXTBSY; writes inside the file still work.
xfs_io -c help | grep seal
rdma-app --lease=none --pages=16 /mnt/pmem/foo
echo "rdma-app: status $?"
xfs_io -c seal /mnt/pmem/foo
rdma-app --lease=none --pages=16 /mnt/pmem/foo &
APP=$!
sleep 1
truncate -s 0 /mnt/pmem/foo
xfs_io -c "pwrite -q 0 4096" -c "pwrite -q 1G 4096" /mnt/pmem/foo
echo "xfs_io: status $?"
xfs_io -c unseal /mnt/pmem/foo
kill $APP
wait $APP
xfs_io -c unseal /mnt/pmem/foo && truncate -s 0 /mnt/pmem/foo && echo "unsealed, truncate: ok"
rdma-app --lease=none --pages=16 --map-direct /mnt/pmem/bar &
APP=$!
sleep 1
fallocate --punch-hole --offset 0 --length 4096 /mnt/pmem/bar
why /mnt/pmem/bar | sed -n '/^  note/,/^  pins/p;/^Ways out/,$p'
kill $APP
wait $APP
fallocate --punch-hole --offset 0 --length 4096 /mnt/pmem/bar && echo "mapping gone, punch: ok"
