# stat: coreutils 9.1's default format (Device: MAJ,MIN), devices, symlinks, -c FORMAT, -t, -f, errors.
stat /mnt/pmem/foo
stat /dev/pmem0
stat /etc/mtab
stat -L /etc/hostname
stat -c '%s %n %i %h %U %G %a %A %F %b %B %o %d %t %T' /mnt/pmem/foo /dev/pmem0 /dev/dax2.0
stat -c '%x|%y|%z|%D|%u/%g|%N' /var/log/app.log /etc/mtab
stat --printf='%n: %s bytes\n' /etc/hostname /etc/group
stat -c '%-12n|%8s|%04a|%#o' /etc/passwd
stat -t /var/log/app.log
stat -f /mnt/pmem
stat -f -c '%T %b %f %a %s' /mnt/pmem1 /tmp /
stat /nonexistent /etc/hostname; echo "status $?"
stat; echo "status $?"
