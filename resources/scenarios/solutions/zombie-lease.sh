lsof /mnt/pmem/applog
ls -i /mnt/pmem/applog
cat /proc/locks
grep -l /mnt/pmem/applog /proc/[0-9]*/file_pins
kill $(grep -l /mnt/pmem/applog /proc/[0-9]*/file_pins | cut -d/ -f3)
sleep 1
truncate -s 0 /mnt/pmem/applog
