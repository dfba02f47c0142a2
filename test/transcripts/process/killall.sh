# killall by name, with -v and a signal; names with no process.
sleep 100 &
sleep 200 &
lease-hold /var/log/app.log &
sleep 1
killall -v -STOP sleep
ps -o pid,stat,comm -C sleep
killall -s CONT sleep
killall lease-hold; echo "status $?"
killall sleep nothing; echo "status $?"
