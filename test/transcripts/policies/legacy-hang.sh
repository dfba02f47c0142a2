# pinsim: --policy legacy-hang
# legacy-hang (seed 003 #2 "by fail I mean hang"): pins need no lease; a truncate over pinned DAX
# pages sleeps in xfs_break_dax_layouts until the pins go. Signals end the wait: a fatal one kills
# the truncate (timeout's SIGTERM: status 124); killing the pinning process lets it complete.
rdma-app --lease=none --pages=16 /mnt/pmem/foo &
APP=$!
sleep 1
truncate -s 0 /mnt/pmem/foo &
T=$!
sleep 1
cat /proc/$T/wchan; echo
ps -o pid,stat,wchan,cmd
cat /proc/$T/stack
kill $T
wait $T
echo "truncate: status $?"
timeout 5 truncate -s 0 /mnt/pmem/foo
echo "timeout: status $?"
fallocate --punch-hole --offset 1M --length 4096 /mnt/pmem/foo && echo "punch outside the pinned pages: ok"
fallocate --punch-hole --offset 0 --length 4096 /mnt/pmem1/data && echo "punch of another file: ok"
why /mnt/pmem/foo | head -3
truncate -s 0 /mnt/pmem/foo &
T=$!
sleep 1
kill $APP
wait $T
echo "truncate once the pins went: status $?"
ls -l /mnt/pmem/foo
