# Jobs of a script: `&` forks at once ($! is a real pid), jobs/-l/-p, wait for a pid or a job.
sleep 30 &
first=$!
sleep 10 &
jobs
jobs -l
jobs -p
ps -o pid,ppid,stat,cmd -p $first
wait %2
echo "wait %2: status $?"
jobs
kill %1
wait %1
echo "wait %1 after kill: status $?"
wait $first
echo "wait for a reaped job: status $?"
wait 4242
echo "status $?"
wait %7
echo "status $?"
fg
echo "fg: status $?"
bg %1
sleep 5 & sleep 1; wait
echo "wait: status $?"
