# Which filesystems are mounted with DAX, as an admin would ask /proc/mounts.
grep dax /proc/mounts
grep -w dax /proc/mounts | cut -d' ' -f1,2
awk '$4 ~ /(^|,)dax(,|$)/ { print $2 " (" $3 ")" }' /proc/mounts
awk '{ fs[$3]++ } END { for (t in fs) print t, fs[t] }' /proc/mounts | sort
sort -k3,3 -k2 /proc/mounts | awk '{ printf "%-12s %-10s %s\n", $2, $3, $1 }'
sed -n '/pmem/{s/ .*//;p}' /proc/mounts
grep -E '^/dev/pmem[0-9]+ ' /proc/mounts | wc -l
tr ',' '\n' < /proc/mounts | grep -c '^relatime'
grep -q dax /proc/mounts && echo "a DAX filesystem is mounted"
grep -v -e proc -e tmpfs /proc/mounts | nl
