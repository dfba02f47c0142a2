ps -eo pid,stat,wchan:32,args
cat /proc/$(pgrep logrotate-sim)/stack
cat /proc/locks
grep -l /mnt/pmem/applog /proc/[0-9]*/file_pins
kill $(pgrep -f 'rdma-app.*applog')
sleep 1
