cat /var/log/backup-sim.log
why /mnt/pmem/db
kill $(pgrep backup-sim)
cp --reflink=never /mnt/pmem/db /mnt/pmem/db.bak
