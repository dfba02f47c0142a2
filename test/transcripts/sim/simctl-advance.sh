# simctl advance runs the timers that fall due: a logrotate job blocked by a pin logs its failures.
truncate -s 1M /mnt/pmem/db
rdma-app --pages=16 /mnt/pmem/db 2>/dev/null &
logrotate-sim --every=60 /mnt/pmem/db &
sleep 1
simctl advance 2m
cat /var/log/logrotate-sim.log
