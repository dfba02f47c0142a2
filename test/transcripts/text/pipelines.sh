# Text tools joined by pipes: endless writers stop when their reader is done, counts and sums.
yes | head -3
yes pinsim | sed -n '2{p;q}'
seq 10 | awk '{ s += $1 } END { print "sum", s, "mean", s/NR }'
seq 5 | sort -rn | tr '\n' ' '; echo
seq 1 3 | xargs -n1 echo item
seq 3 | xargs -I{} echo "file{}.txt"
printf 'b\na\nc\na\n' | sort | uniq -c | sort -rn
printf 'x\ny\n' | tee /tmp/copy | wc -l; cat /tmp/copy
echo "one two three" | tr ' ' '\n' | nl
printf 'k=v\nlist=a,b,c\n' | sed 's/=/ = /' | cut -d' ' -f1,3
seq 100 | grep -c 7
env -i PATH=/bin FOO=bar env | sort
echo /etc/hostname | xargs cat
basename /mnt/pmem/db; dirname /mnt/pmem/db
printf 'a b\tc\n' | awk -F'\t' '{ print $2 }' | less
