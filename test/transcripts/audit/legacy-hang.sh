# pinsim: --policy legacy-hang
# Under legacy-hang every pin over fsdax pages is unsafe: nothing refuses a truncate, which then
# hangs. The audit lists the pins, what backs them (nothing) and the truncate already hung; once
# the pinning process is gone and the truncate done, it finds nothing unsafe (status 0).
rdma-app --pages=16 /mnt/pmem/foo 2>/dev/null &
APP=$!
sleep 1
truncate -s 0 /mnt/pmem/foo &
sleep 1
dax-rdma-audit | sed -n '/^Memory regions/,$p'
kill $APP
wait
dax-rdma-audit | tail -1
echo "dax-rdma-audit: status ${PIPESTATUS[0]}"
