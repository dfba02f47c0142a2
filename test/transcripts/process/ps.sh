# ps over the basic case: an RDMA server pinning a DAX file, a job appending to a file.
truncate -s 1M /mnt/pmem/db
rdma-app --file /mnt/pmem/db 2>/dev/null &
sleep 100 >> /tmp/f &
sleep 1
ps
ps -ef
ps aux
ps -eo pid,ppid,stat,wchan:32,comm
ps -o pid,ppid,stat,wchan:20,etime,cmd -p 1,$!
ps -o pid= -C rdma-app
ps --no-headers -o user,comm -p 2
ps -l -p $!
ps -p 4242; echo "status $?"
ps -o foo
