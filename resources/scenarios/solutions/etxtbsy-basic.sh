why /mnt/pmem/applog
cat /proc/locks
pgrep -af rdma-app
kill $(pgrep -f 'rdma-app.*applog')
sleep 1
truncate -s 0 /mnt/pmem/applog
