# lslocks: a layout lease shows MODE LAYOUT; the other formats; a zombie lease (its fd closed
# after pinning) can only be named by its mount point; a lease being broken stops lslocks.
truncate -s 1M /mnt/pmem/db
rdma-app --file /mnt/pmem/db 2>/dev/null &
lease-hold --type=write --on-sigio=ignore /var/log/app.log &
sleep 1
lslocks
lslocks -u
lslocks -b
lslocks -r
lslocks --output-all
lslocks -J -o command,pid,mode,path
rdma-app --close-after-pin /mnt/pmem/foo 2>/dev/null &
sleep 1
cat /proc/locks
lslocks -o command,pid,size,mode,path
cat /var/log/app.log > /dev/null &
sleep 1
cat /proc/locks
lslocks; echo "status $?"
