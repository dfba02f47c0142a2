# The same tools run by the unprivileged operator: the kernel's checks decide what it may see or change.
truncate -s 1M /mnt/pmem/db
rdma-app --file /mnt/pmem/db 2>/dev/null &
sleep 1
sudo -u operator id
sudo -u operator whoami
sudo -u operator rdma resource show mr
sudo -u operator sysctl fs.lease-break-time
sudo -u operator sysctl -w fs.lease-break-time=1
echo "status $?"
sudo -u operator dmesg
echo "status $?"
sysctl -w kernel.dmesg_restrict=0
sudo -u operator dmesg | tail -1
sudo -u operator dmesg -c > /dev/null
echo "status $?"
sudo -u operator ndctl list -n namespace0.0
