# ls: long format (mode, links, owner, group, size, date, name), totals, devices, symlinks, sorting.
ls /mnt/pmem
ls -l /mnt/pmem
ls -lh /mnt/pmem
ls -la /mnt/pmem1
ls -A /home/operator /root
ls -l /dev
ls -ld /etc/mtab /proc/self /tmp /dev/pmem0
ls -i /mnt/pmem
ls -1 /etc
ls -lS /mnt/pmem /var/log/app.log
ls -r /etc
truncate -s 10 /tmp/a
sleep 61
truncate -s 20 /tmp/b
ls -lt /tmp
ls -ltr /tmp
ls -R /mnt/pmem1
ls -d /mnt /mnt/pmem/
ls -l /home/operator/notes.txt /nonexistent; echo "status $?"
ls -z; echo "status $?"
ls --color=never /mnt/pmem
