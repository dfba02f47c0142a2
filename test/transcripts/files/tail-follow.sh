# tail -f: prints the tail, then what the file gains as it is written, a notice when it is
# truncated, until it is killed.
for i in 1 2 3 4 5 6 7 8 9 10 11; do echo "boot $i"; done > /tmp/app.log
tail -n 2 -f /tmp/app.log &
sleep 1
echo "request 1" >> /tmp/app.log
sleep 1
echo "request 2" >> /tmp/app.log
truncate -s 0 /tmp/app.log
echo "after rotation" >> /tmp/app.log
sleep 1
kill %1
wait
echo done
