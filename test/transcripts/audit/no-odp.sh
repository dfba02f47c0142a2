# pinsim: --policy longterm-disabled --no-odp
# Mainline with an HCA that has no on-demand paging: nothing on a DAX file can be pinned and ODP
# is no way out either. Nothing is unsafe, but the audit says RDMA cannot reach those files.
ibv_devinfo -v | grep -i odp | head -3
rdma-app --lease=none --odp --pages=4 /mnt/pmem/foo
echo "rdma-app --odp: status $?"
dax-rdma-audit | sed -n '/^Mounts/,/^Memory/p' | grep -A3 pmem
dax-rdma-audit | tail -1
