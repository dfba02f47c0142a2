cat /proc/locks
sysctl fs.lease-break-time
sysctl -w fs.lease-break-time=5
truncate -s 0 /mnt/pmem/cache
