# pstree: merged identical siblings, pids, arguments, a forked helper under its parent.
rdma-app --fork-helper /mnt/pmem/foo 2>/dev/null &
sleep 100 &
sleep 200 &
sleep 1
pstree
pstree -p
pstree -a
pstree -ap 2
pstree nobody; echo "status $?"
