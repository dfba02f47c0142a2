# xfs_io -c: falloc, fpunch, fcollapse, finsert, fzero, truncate, pwrite's two-line report,
# fiemap, bmap, stat, help; perror messages; XFS-only commands on ext4.
cd /mnt/pmem
xfs_io -f -c "truncate 1m" -c "pwrite -S 0xab 0 8k" -c "pwrite 64k 1m" new
ls -l new
xfs_io -c "fpunch 0 4k" -c "fiemap" -c "bmap" new
xfs_io -c "fcollapse 0 64k" -c "finsert 0 4k" -c "fzero 8k 4k" -c "falloc 0 2m" -c stat new
xfs_io -c "truncate 0" -c "stat" new
xfs_io -c "pwrite -q 0 4k" -c "fiemap" new
xfs_io -c help
xfs_io -c "help pwrite" -c "help nothing"
xfs_io -c "fpunch 0" new; echo "status $?"
xfs_io -c "fpunch x 4k" new; echo "status $?"
xfs_io -c "fcollapse 100 4k" new; echo "status $?"
xfs_io -c "falloc -u 0 4k" new; echo "status $?"
xfs_io -c "bogus" new; echo "status $?"
xfs_io -c "pwrite 0 4k"; echo "status $?"
xfs_io -c stat /nonexistent; echo "status $?"
xfs_io -r -c "fpunch 0 4k" new; echo "status $?"
xfs_io -c "pwrite 0 4k" -c bmap -c fiemap /mnt/pmem1/data
xfs_io -c "fpunch 0 4k" -c "stat" /mnt/pmem1/data
xfs_io -Z; echo "status $?"
