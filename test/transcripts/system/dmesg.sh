# The kernel log holds what a 5.3 kernel printed: boot lines and the DAX mount notices (reference
# §2.7). Leases, pins and refused truncates are the simulator's timeline, never dmesg's.
dmesg | head -3
dmesg | grep -i dax
dmesg -T | tail -2
dmesg -x -l warn
truncate -s 1M /mnt/pmem/db
rdma-app --file /mnt/pmem/db 2>/dev/null &
sleep 1
truncate -s 0 /mnt/pmem/db
dmesg | tail -1
dmesg -c | wc -l
dmesg | wc -l
dmesg -C && echo "cleared"
