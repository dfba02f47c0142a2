# The lease holder truncating its own pinned file gets EDEADLK (RFC v2 patch 02).
truncate -s 1M /mnt/pmem/db
rdma-app --truncate-after-pin --pages=16 /mnt/pmem/db &
sleep 1
kill $!
wait $!
echo "rdma-app: status $?"
