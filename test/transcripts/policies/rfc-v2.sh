# pinsim: --policy rfc-v2
# rfc-v2 (seed 003): the pin needs an exclusive layout lease; closing the file leaves the lease a
# ZOMBIE that /proc/locks still shows ACTIVE; truncate fails with ETXTBSY until the pins go. A
# page-cache file needs no lease: truncate succeeds and the MR keeps stale copies.
simctl policy
rdma-app --lease=none --pages=16 /mnt/pmem/foo
echo "rdma-app: status $?"
rdma-app --pages=16 --close-after-pin /mnt/pmem/foo &
sleep 1
cat /proc/locks
ls /proc/$!/fd
cat /proc/$!/file_pins
truncate -s 0 /mnt/pmem/foo
kill -9 $!
wait $!
cat /proc/locks
truncate -s 0 /mnt/pmem/foo && echo "truncate: ok"
truncate -s 64K /root/buf
rdma-app --lease=none --pages=16 /root/buf &
sleep 1
truncate -s 4K /root/buf && echo "truncate of the page-cache file: ok"
why /root/buf
