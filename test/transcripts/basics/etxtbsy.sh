# The basic case: an RDMA server pins a DAX file under an exclusive layout lease (003 cover letter).
truncate -s 1M /mnt/pmem/db
rdma-app --file /mnt/pmem/db &
sleep 1
cat /proc/locks
truncate -s 0 /mnt/pmem/db
echo "status $?"
truncate -s 0 /tmp/scratch && echo "no lease, no pins: fine"
