ps -eo pid,stat,wchan:32,args
grep -l /mnt/pmem/applog /proc/[0-9]*/file_pins
kill $(pgrep -f 'rdma-app.*applog')
sleep 1
truncate -s 0 /mnt/pmem/applog
