# The timer jobs of kernel.md §6 log their failures: a log rotation over a pinned file, and a
# backup on a filesystem made without reflink.
truncate -s 1M /mnt/pmem/db
rdma-app --pages=16 /mnt/pmem/db 2>/dev/null &
logrotate-sim --every=10 /mnt/pmem/db 2>/dev/null &
logrotate-sim --every=10 --punch --log=/tmp/punch.log /mnt/pmem/db 2>/dev/null &
backup-sim --every=15 /mnt/pmem/db &
sleep 31
cat /var/log/logrotate-sim.log
cat /tmp/punch.log
cat /var/log/backup-sim.log
