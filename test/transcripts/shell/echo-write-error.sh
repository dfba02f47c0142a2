# pinsim: --policy immutable
# A builtin that cannot write reports it as bash does (an extending write to a sealed file).
truncate -s 4096 /mnt/pmem/s
xfs_io -c seal /mnt/pmem/s
echo hi >> /mnt/pmem/s; echo "rc=$?"
echo ok > /tmp/x; cat /tmp/x
