# df (1K-blocks, -h, -T, -i, FILE) and du (-s, -h, -a, -c, -b) on the host's filesystems.
df
df -h
df -T /mnt/pmem/foo /mnt/pmem1/data /tmp
df -i /mnt/pmem /
df -a
df /nonexistent; echo "status $?"
fallocate -l 100M /mnt/pmem/more
df -h /mnt/pmem
du /mnt/pmem
du -h /mnt/pmem /mnt/pmem1
du -sh /mnt/pmem
du -a /etc
du -s -c /var /etc /home
du -b /var/log
truncate -s 1G /tmp/sparse
du -h /tmp/sparse; du -bh /tmp/sparse
du /nonexistent; echo "status $?"
du -as /etc; echo "status $?"
