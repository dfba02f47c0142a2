why /var/lib/stream/buf
df /var/lib/stream/buf
kill $(pgrep logrotate-sim)
kill $(pgrep rdma-app)
sleep 1
truncate -s 1M /var/lib/stream/buf
rdma-app --lease=none --pages=256 /var/lib/stream/buf &
sleep 1
