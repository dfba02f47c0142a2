# pinsim: --policy legacy-hang
# A switch of design applies from then on (kernel.md §4): pins taken under legacy-hang have no
# exclusive lease, so after a switch to rfc-v2 a truncate over them still waits, as under
# legacy-hang; a new registration follows rfc-v2's rule.
rdma-app --lease=none --pages=16 /mnt/pmem/foo &
APP=$!
sleep 1
simctl policy rfc-v2
simctl policy
timeout 5 truncate -s 0 /mnt/pmem/foo
echo "timeout: status $?"
why /mnt/pmem/foo | sed -n '/^  pins /,/^  context/p'
rdma-app --lease=none --pages=16 /mnt/pmem/bar
echo "rdma-app: status $?"
kill $APP
wait $APP
truncate -s 0 /mnt/pmem/foo && echo "truncate: ok"
