# Replies #16 and #28-#33: the RDMA context passed by SCM_RIGHTS carries its pins along, and
# file_pins shows them under the receiver; the process that took the lease is gone.
truncate -s 1M /mnt/pmem/db
rdma-app --handoff /mnt/pmem/db
echo "rdma-app: status $?"
sleep 1
ps -o pid,ppid,cmd -C rdma-keeper
keeper=$(pgrep rdma-keeper)
cat /proc/$keeper/file_pins
cat /proc/locks
truncate -s 0 /mnt/pmem/db
why /mnt/pmem/db
kill $keeper
sleep 1
truncate -s 0 /mnt/pmem/db && echo "truncated once the keeper exited"
