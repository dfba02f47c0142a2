# fuser: pids on stdout, the rest on stderr; -v, -m and -k.
truncate -s 1M /mnt/pmem/db
rdma-app --file /mnt/pmem/db 2>/dev/null &
sleep 100 >> /tmp/f &
sleep 1
fuser /mnt/pmem/db
fuser -v /mnt/pmem/db /tmp/f
fuser -vm /mnt/pmem
pids=$(fuser /mnt/pmem/db 2>/dev/null); echo "pids:$pids"
fuser -k -TERM /tmp/f; echo "status $?"
sleep 1
fuser /tmp/f; echo "status $?"
fuser /nope; echo "status $?"
