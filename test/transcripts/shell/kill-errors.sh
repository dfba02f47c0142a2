# bash's kill errors in a script (reference §4.5): `NAME: line N:` in front, usage status 2.
kill 999999
echo "status $?"
kill -FOO 1
echo "status $?"
kill %1
echo "status $?"
kill abc
echo "status $?"
kill
echo "status $?"
kill -9
echo "status $?"
kill -s
echo "status $?"
kill -0 $$ && echo "the shell is alive"
kill -s TERM 999999 -n 9
# The kernel decides who may signal whom: operator may not signal init or root's processes.
sleep 60 &
su -c "kill $! ; kill -9 1" operator
echo "status $?"
kill -n 9 $! && wait $!
echo "sleep: status $?"
