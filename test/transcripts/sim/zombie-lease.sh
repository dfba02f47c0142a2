# Cover letter point 5 and reply #6: closing the leased file after pinning leaves a zombie lease,
# still in /proc/locks under the same pid, while no process has the file open.
truncate -s 1M /mnt/pmem/db
rdma-app --close-after-pin --unmap-after-pin /mnt/pmem/db &
app=$!
sleep 1
cat /proc/locks
echo /proc/$app/fd/*
lsof /mnt/pmem/db
echo "lsof: status $?"
cat /proc/$app/file_pins
truncate -s 0 /mnt/pmem/db
why /mnt/pmem/db
kill -9 $app
wait $app
cat /proc/locks
truncate -s 0 /mnt/pmem/db && echo "the zombie lease went with the pins"
