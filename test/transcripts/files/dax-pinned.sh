# An RDMA server pins a DAX file under an exclusive layout lease (rfc-v2): every block-map change
# fails with ETXTBSY — fallocate, xfs_io, dd's O_TRUNC, cp --reflink — while reads, in-place writes
# and the file views keep working; on the ext4 DAX mount too. After the server exits, all succeed.
truncate -s 1M /mnt/pmem/db
rdma-app --file /mnt/pmem/db &
sleep 1
fallocate --punch-hole -o 0 -l 4096 /mnt/pmem/db; echo "status $?"
fallocate --collapse-range -o 0 -l 4096 /mnt/pmem/db; echo "status $?"
fallocate --insert-range -o 0 -l 4096 /mnt/pmem/db; echo "status $?"
fallocate --zero-range -o 0 -l 4096 /mnt/pmem/db; echo "status $?"
fallocate -l 2M /mnt/pmem/db; echo "status $?"
xfs_io -c "fpunch 0 4k" /mnt/pmem/db; echo "status $?"
xfs_io -c "truncate 0" /mnt/pmem/db; echo "status $?"
xfs_io -c "fzero 0 4k" /mnt/pmem/db; echo "status $?"
xfs_io -c "pwrite -S 0x5a 0 4k" /mnt/pmem/db; echo "status $?"
dd if=/dev/zero of=/mnt/pmem/db bs=4k count=1; echo "status $?"
dd if=/dev/zero of=/mnt/pmem/db bs=4k count=1 conv=notrunc status=none; echo "status $?"
cp /mnt/pmem/db /tmp/db-copy && ls -l /tmp/db-copy
rm -f /tmp/db-copy
ls -li /mnt/pmem/db
stat -c '%n %s %b %i' /mnt/pmem/db
xfs_io -c fiemap /mnt/pmem/db
truncate -s 1M /mnt/pmem1/log
rdma-app --file /mnt/pmem1/log &
sleep 1
fallocate -p -o 0 -l 4096 /mnt/pmem1/log; echo "status $?"
xfs_io -c "fpunch 0 4k" /mnt/pmem1/log; echo "status $?"
kill %1 %2; wait
fallocate -v --punch-hole -o 0 -l 4096 /mnt/pmem/db; echo "status $?"
xfs_io -c "fpunch 0 4k" -c "truncate 0" -c stat /mnt/pmem1/log; echo "status $?"
