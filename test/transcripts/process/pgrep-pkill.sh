# pgrep and pkill by name, by command line, newest/oldest; pkill's signals.
rdma-app /mnt/pmem/foo 2>/dev/null &
sleep 100 &
sleep 200 &
sleep 1
pgrep sleep
pgrep -l rdma
pgrep -a -f 'sleep 2'
pgrep -c sleep
pgrep -n sleep
pgrep -o -l sleep
pgrep -x slee; echo "status $?"
pgrep -u root -d, sleep
pkill -e -STOP sleep
ps -o pid,stat,args -C sleep
pkill -CONT sleep
pkill -9 -f 'sleep 1'
sleep 1
pgrep -l sleep
pkill nothing; echo "status $?"
pgrep; echo "status $?"
