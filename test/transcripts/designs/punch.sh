# Hole punch over a pinned range: as truncate.sh, with a hole punched in the first pinned page.
rdma-app --map-direct --pages=16 /mnt/pmem/foo &
sleep 1
timeout 10 fallocate --punch-hole --offset 0 --length 4096 /mnt/pmem/foo &
T=$!
sleep 1
ps -o pid,stat,wchan:24,cmd -C fallocate
wait $T
echo "fallocate: status $?"
