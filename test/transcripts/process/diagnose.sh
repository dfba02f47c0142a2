# "Why is my truncate failing?" with the process tools only: find the lease, its holder, kill it.
truncate -s 1M /mnt/pmem/db
rdma-app --file /mnt/pmem/db &
sleep 1
truncate -s 0 /mnt/pmem/db
lslocks
lsof /mnt/pmem/db
fuser -v /mnt/pmem/db
ps -o pid,stat,wchan,etime,cmd -p $(lslocks -n -o pid)
pkill rdma-app
sleep 1
truncate -s 0 /mnt/pmem/db && echo "truncated"
lslocks
