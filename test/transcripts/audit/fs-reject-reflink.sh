# pinsim: --policy fs-reject --reflink
# Seeds 000/002: "audit the configuration for legacy RDMA safety". Under fs-reject a DAX
# filesystem made with reflink refuses long-term pins; the audit says so before anyone tries, and
# the ext4 DAX filesystem beside it still takes them.
xfs_info /mnt/pmem | grep -o 'reflink=[01]'
dax-rdma-audit
echo "dax-rdma-audit: status $?"
rdma-app --lease=none --pages=16 /mnt/pmem/foo
echo "rdma-app on /mnt/pmem: status $?"
rdma-app --lease=none --pages=16 /mnt/pmem1/data 2>/dev/null &
sleep 1
dax-rdma-audit | sed -n '/^Memory regions/,$p'
