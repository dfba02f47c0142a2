# Under rfc-v2 a pin under an ACTIVE exclusive layout lease is safe (truncate gets ETXTBSY); what
# the audit flags is what the design leaves behind: a zombie lease after the data fd was closed, a
# page-cache MR whose file changed under it, an ODP MR whose range a truncate invalidated.
rdma-app --pages=16 /mnt/pmem/foo 2>/dev/null &
rdma-app --pages=16 --close-after-pin /mnt/pmem/bar 2>/dev/null &
truncate -s 64K /root/buf
rdma-app --lease=none --pages=4 /root/buf 2>/dev/null &
rdma-app --lease=none --odp --pages=8 /mnt/pmem1/data 2>/dev/null &
sleep 1
truncate -s 4K /root/buf
truncate -s 16K /mnt/pmem1/data
cat /proc/locks
dax-rdma-audit | sed -n '/^Memory regions/,$p'
echo "dax-rdma-audit: status ${PIPESTATUS[0]}"
dax-rdma-audit --json | grep -c '"level": "UNSAFE"'
