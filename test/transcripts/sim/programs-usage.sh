# The simulator's programs answer --help, and report bad usage and missing files like real ones.
rdma-app --help
echo "status $?"
rdma-app
echo "status $?"
rdma-app /mnt/pmem/nosuch
echo "status $?"
rdma-app --lease=shared /mnt/pmem/foo
echo "status $?"
rdma-app --pages /mnt/pmem/foo
echo "status $?"
rdma-app --frobnicate /mnt/pmem/foo
echo "status $?"
lease-hold --help > /tmp/usage
head -2 /tmp/usage
db-sim
echo "status $?"
backup-sim --every=soon /mnt/pmem/foo
echo "status $?"
sleep 1x
echo "status $?"
