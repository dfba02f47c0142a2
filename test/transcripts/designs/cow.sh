# pinsim: --reflink
# Copy-on-write of a shared extent: /mnt/pmem is made with reflink, /mnt/pmem/foo is reflinked to a
# snapshot, then pinned as in truncate.sh; a write into the pinned, shared first page must move it.
cp --reflink=always /mnt/pmem/foo /mnt/pmem/foo.snap
echo "cp --reflink: status $?"
rdma-app --map-direct --pages=16 /mnt/pmem/foo &
sleep 1
timeout 10 xfs_io -c "pwrite -q 0 4096" /mnt/pmem/foo &
T=$!
sleep 1
ps -o pid,stat,wchan:24,cmd -C xfs_io
wait $T
echo "xfs_io pwrite: status $?"
