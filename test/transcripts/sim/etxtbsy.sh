# The basic case of the 003 cover letter: an RDMA server pins a DAX file under an exclusive layout
# lease; truncate and hole punch fail with ETXTBSY; `why` shows the chain; SIGTERM unwinds it.
truncate -s 1M /mnt/pmem/db
rdma-app /mnt/pmem/db &
sleep 1
cat /proc/locks
cat /proc/$!/file_pins
truncate -s 0 /mnt/pmem/db
echo "truncate: status $?"
fallocate --punch-hole --offset 0 --length 4096 /mnt/pmem/db
echo "fallocate: status $?"
why /mnt/pmem/db
kill $!
wait $!
echo "rdma-app: status $?"
cat /proc/locks
truncate -s 0 /mnt/pmem/db && echo "truncate now succeeds"
