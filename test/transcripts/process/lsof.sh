# lsof: the pinning server's data file, its mapping and its uverbs context; a redirection held
# open by a background job (1w); a write lease (W) next to a layout lease (no lock character).
truncate -s 1M /mnt/pmem/db
rdma-app --file /mnt/pmem/db 2>/dev/null &
sleep 100 >> /tmp/f &
lease-hold --type=write /var/log/app.log &
sleep 1
lsof /mnt/pmem/db
lsof /tmp/f
lsof /var/log/app.log
lsof /dev/infiniband/uverbs0
lsof -p 4
lsof -t /mnt/pmem/db
lsof -a -c lease -d 3
lsof /mnt/pmem1/data; echo "status $?"
lsof /nonexistent; echo "status $?"
