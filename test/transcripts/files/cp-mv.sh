# cp and mv: files, directories (-r, -a), into a directory, across filesystems, --reflink, errors.
cd /root
echo hello > a
cp a b && cat b
cp -v a /tmp
mkdir dir
cp a b dir && ls dir
cp dir copy; echo "status $?"
cp -r dir copy && ls copy
cp -r dir dir/inside; echo "status $?"
cp a a; echo "status $?"
cp a; echo "status $?"
cp; echo "status $?"
cp a b nodir; echo "status $?"
cp nonexistent x; echo "status $?"
cp a /nodir/x; echo "status $?"
touch -d '2001-02-03 04:05:06' a
cp -p a kept && stat -c '%a %y' kept
cp -a dir dir2 && ls -l dir2
cp --reflink=always a c; echo "status $?"
cp --reflink=never a d && cat d
cp --reflink=auto /mnt/pmem/bar /mnt/pmem/bar2 && ls -l /mnt/pmem/bar2
cp --reflink=always /mnt/pmem/bar /mnt/pmem/bar3; echo "status $?"
cp --reflink=sometimes a e; echo "status $?"
mv b moved && ls moved b; echo "status $?"
mv -v moved dir
mv dir /tmp/dir && ls -R /tmp/dir
mv /tmp/a /root/from-tmp && cat from-tmp
mv nonexistent x; echo "status $?"
mv copy copy/sub; echo "status $?"
mv a copy; echo "status $?"
mkdir full; touch full/x; mv copy full; ls full
mv /tmp/dir /tmp/a; ls /tmp
