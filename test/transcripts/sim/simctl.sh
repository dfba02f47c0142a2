# simctl: the simulator's own controls, apart from the Linux commands.
simctl policy | head -1
simctl policy no-such-design 2>/dev/null
echo "status $?"
simctl policy rfc-v2
simctl seed
simctl time
sleep 30
simctl time
simctl advance 90s
simctl advance 250ms
simctl advance later
echo "status $?"
simctl speed 10x
simctl speed pause
simctl speed 3
echo "status $?"
simctl
echo "status $?"
simctl reboot
echo "status $?"
