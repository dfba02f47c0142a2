# fallocate: reference §4.3 — util-linux prints paths without quotes; every mode; size suffixes; -v.
cd /root
fallocate -l 1M a && ls -l a && stat -c %b a
fallocate -v -n -o 1M -l 4KiB a
stat -c '%s %b' a
fallocate -v --punch-hole -o 0 -l 4096 a
fallocate -v -p -o 8k -l 8KB a
fallocate -v --zero-range -o 64k -l 64k a
fallocate -v --collapse-range -o 0 -l 4096 a
fallocate -v --insert-range -o 0 -l 8192 a
stat -c '%s %b' a
fallocate -v -l 1.5M b
fallocate -v -l 2G /mnt/pmem/big && ls -lh /mnt/pmem/big
fallocate -c -o 100 -l 4096 a; echo "status $?"
fallocate -i -o 4096 -l 4096 /tmp/x; echo "status $?"
fallocate -p -l 4k /proc/sys/fs/lease-break-time; echo "status $?"
fallocate -l 0 a; echo "status $?"
fallocate -l 1x a; echo "status $?"
fallocate -o -1 -l 4k a; echo "status $?"
fallocate a; echo "status $?"
fallocate -l 4k; echo "status $?"
fallocate -l 4k a b; echo "status $?"
fallocate -l 4k nonexist -p; echo "status $?"
mkdir /dev/shm; fallocate -l 4k /dev/shm; echo "status $?"
fallocate -p -c -l 4k a; echo "status $?"
fallocate -c -n -l 4k a; echo "status $?"
fallocate -x -z -l 4k a; echo "status $?"
fallocate -q a; echo "status $?"
