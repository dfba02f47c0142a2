# timeout runs its command as a child and signals it after DURATION of virtual time.
timeout 5 sleep 100
echo "timeout: status $?"
timeout 5 sleep 1
echo "in time: status $?"
timeout -s KILL 2 sleep 10
echo "KILL: status $?"
timeout -v 1 sleep 10
timeout -k 1 1 rdma-app --on-term=ignore /dev/dax2.0 2>/dev/null
echo "-k: status $?"
timeout 1x sleep 1
echo "status $?"
timeout 1 nosuch
echo "status $?"
timeout 3 watch -n 1 -t echo tick | tr -d '\033' | sed 's/\[H\[2J/<clear>/'
# trap: EXIT when the script ends, a caught TERM, ERR after a failing command.
trap 'echo "exit trap, status $?"' EXIT
trap 'echo caught TERM' TERM
trap 'echo "ERR trap"' ERR
trap -p
kill $$
echo "still here"
false
trap - ERR TERM
trap -p
trap '' INT
kill -INT $$
echo "INT ignored"
exit 3
