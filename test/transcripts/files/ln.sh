# ln -s: a link, into a directory, -f, -v, -T, one operand, errors — as coreutils 9.1; hard links
# are not in the kernel model.
rm -rf /tmp/lnt; mkdir -p /tmp/lnt/d; cd /tmp/lnt; echo hello > f
ln -s f l1; cat l1; readlink l1
ln -sv /tmp/lnt/f l2
ln -s f l1; echo "st=$?"
ln -sf d l1; readlink l1
ln -s f d; ls d
ln -s f g d; echo "st=$?"; ls d
ln -s f g nodir; echo "st=$?"
ln -s ../f d/up; cat d/up
ln -s f nope/x; echo "st=$?"
ln -s; echo "st=$?"
ln -s /tmp/lnt/f; readlink f 2>&1; echo "st=$?"
ln -sfT f d; echo "st=$?"
ls -l l2 | cut -d' ' -f1,9-
find . -type l | sort
stat -c '%F %N' l2
ln f hard; echo "st=$?"
