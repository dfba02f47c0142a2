# mount (no args, -t), findmnt (tree, filters, -n -o), xfs_info on the DAX mount, sync.
mount
mount -t xfs,ext4
mount /mnt/pmem; echo "status $?"
mount /dev/pmem1 /mnt/pmem1; echo "status $?"
mount /dev/sdz /mnt; echo "status $?"
findmnt
findmnt /mnt/pmem
findmnt -n -o TARGET,SOURCE,FSTYPE,OPTIONS /mnt/pmem1
findmnt -T /mnt/pmem/foo
findmnt -t xfs -o SOURCE,TARGET
findmnt -l -n -o TARGET
findmnt /nonexistent; echo "status $?"
findmnt -o BOGUS; echo "status $?"
xfs_info /mnt/pmem
xfs_info /dev/pmem0 | head -1
xfs_info /mnt/pmem1; echo "status $?"
xfs_info /nonexistent; echo "status $?"
xfs_info; echo "status $?"
sync; echo "status $?"
sync /mnt/pmem/foo /nonexistent; echo "status $?"
