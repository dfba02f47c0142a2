# The samples of reference §4.1, §4.3, §4.4 and §5.7 that the file tools cover, with their own
# names. Not reproducible on this host, for want of kernel features: running executables
# (ETXTBSY on open, /proc/PID/exe), chattr +a/+i (EPERM), ulimit -f (EFBIG), FIFOs (ESPIPE).
mkdir -p /srv/demo/mnt && cd /srv/demo
echo data > rl
lease-hold --type=read rl &
sleep 1
truncate -s 0 rl
truncate -s 0 /nonexistent/dir/x
truncate -s 0 /srv/demo
truncate rl
truncate -s 8E rl
truncate -c -s 0 nosuchfile; echo "status $?"
fallocate -p -l 4k /proc/sys/fs/lease-break-time
echo data > a
fallocate -c -o 100 -l 4096 a
fallocate -l 0 a
fallocate a
fallocate -l 4k nonexist -p
mkdir /dev/shm; fallocate -l 4k /dev/shm
fallocate -c -p -l 4k a
truncate -s 1M a && fallocate -v --punch-hole -o 0 -l 4096 a
rm nonexist
rm /srv/demo/
rm -d /srv/demo
cp --reflink=always a b; echo "status $?"
truncate -s 64M xfs.img
mount -o loop,nosuchopt xfs.img /srv/demo/mnt; echo "status $?"
mount | grep pmem
