# Kernel parameters through /proc/sys: the lease break timeout a breaker waits for.
sysctl fs.lease-break-time
sysctl -n fs.leases-enable
sysctl -w fs.lease-break-time=5
cat /proc/sys/fs/lease-break-time
sysctl -a | grep -E '^(fs\.lease|kernel\.(hostname|osrelease|dmesg_restrict|pid_max) )'
sysctl -w fs.lease-break-time=soon
echo "status $?"
sysctl kernel.nope
echo "status $?"
