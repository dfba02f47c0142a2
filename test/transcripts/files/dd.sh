# dd: records in/out and the byte-count line on stderr, bs/count/skip/seek/conv/status operands.
dd if=/dev/zero of=/tmp/z bs=1M count=3
ls -l /tmp/z
dd if=/etc/passwd of=/tmp/p bs=10
test "$(cat /tmp/p)" = "$(cat /etc/passwd)" && echo same
dd if=/etc/hostname bs=1 skip=2 count=3 status=none; echo
dd if=/etc/hostname of=/tmp/p bs=1 seek=4 count=2 conv=notrunc status=noxfer
head -c 12 /tmp/p; echo
dd if=/dev/zero of=/tmp/s bs=4k seek=2 count=1 status=none
stat -c '%s %b' /tmp/s
echo data | dd of=/tmp/in status=none; cat /tmp/in
dd if=/dev/zero bs=512 count=1 status=none | wc -c
dd if=/dev/null of=/tmp/empty
dd if=/nonexistent of=/tmp/x; echo "status $?"
dd if=/etc/hostname of=/nodir/x; echo "status $?"
dd bs=0; echo "status $?"
dd count=x; echo "status $?"
dd conv=bogus; echo "status $?"
dd bogus; echo "status $?"
dd if=/tmp status=none; echo "status $?"
