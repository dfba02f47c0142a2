# Truncate over a pinned range. An RDMA server pins pages 0-15 of /mnt/pmem/foo, doing what every
# design asks of it (an exclusive layout lease, a MAP_DIRECT mapping); then root truncates the file.
rdma-app --map-direct --pages=16 /mnt/pmem/foo &
sleep 1
timeout 10 truncate -s 0 /mnt/pmem/foo &
T=$!
sleep 1
ps -o pid,stat,wchan:24,cmd -C truncate
wait $T
echo "truncate: status $?"
stat -c 'size %s' /mnt/pmem/foo
