# Breakable leases (kernel.md §4, common rules): a truncate breaks a database's layout lease (SIGIO)
# and proceeds once it is released; a holder that ignores SIGIO is revoked after
# fs.lease-break-time; one with no handler dies of it ("I/O possible").
truncate -s 64K /mnt/pmem1/table
db-sim /mnt/pmem1/table &
sleep 1
cat /proc/locks
truncate -s 0 /mnt/pmem1/table && echo "truncate: done once db-sim released its lease"
cat /proc/locks
db-sim --on-sigio=ignore /mnt/pmem1/table &
sleep 1
truncate -s 4K /mnt/pmem1/table &
sleep 1
cat /proc/locks
why /mnt/pmem1/table
wait %3
echo "truncate: status $? after the kernel revoked the lease"
cat /proc/locks
lease-hold --on-sigio=default /var/log/app.log &
sleep 1
truncate -s 0 /var/log/app.log
echo "truncate: status $?"
sleep 1
lease-hold --type=write /etc/hostname &
sleep 1
cat /etc/hostname && echo "cat: read once the write lease was released"
cat /proc/locks
kill $!
