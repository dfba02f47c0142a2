# Reading /proc/locks with the text tools while an RDMA server and a read-lease holder run.
truncate -s 1M /mnt/pmem/db
rdma-app /mnt/pmem/db 2>/dev/null &
touch /tmp/f
lease-hold --type=read /tmp/f 2>/dev/null &
sleep 1
cat /proc/locks
grep -c LEASE /proc/locks
grep -n LAYOUT /proc/locks
grep -c POSIX /proc/locks; echo "grep status $?"
awk '/LEASE/{n++} END{print n}' /proc/locks
awk '{print $5, $4}' /proc/locks | sort -n
awk '$4 == "LAYOUT" { split($6, dev, ":"); print "pid", $5, "inode", dev[3] }' /proc/locks
cut -d' ' -f2 /proc/locks | sort | uniq -c
sed -n 's/^\([0-9]*\): LEASE  ACTIVE    \([A-Z]*\).*/lease \1 is \2/p' /proc/locks
tr -s ' ' < /proc/locks | cut -d' ' -f4,5
wc -l < /proc/locks
for i in 1 2 3; do grep -c LEASE /proc/locks; done | uniq -c
