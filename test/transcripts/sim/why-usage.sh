# `why` for files nothing holds, for what is not a regular file, and its errors.
why
echo "status $?"
why /mnt/pmem/nosuch
echo "status $?"
why -x /mnt/pmem/foo
echo "status $?"
echo hello > /tmp/notes
why /tmp/notes /dev/dax2.0 /mnt/pmem
echo "status $?"
