why /mnt/pmem/applog
grep -l /mnt/pmem/applog /proc/[0-9]*/file_pins
ps -eo pid,ppid,args
kill $(pgrep -f 'rdma-app.*applog')
sleep 1
truncate -s 0 /mnt/pmem/applog
