# bash's `kill -l` (reference §4.5): the table with its TABs, and names and numbers both ways.
kill -l
kill -l 9
kill -l SIGKILL
kill -l kill
kill -l 137
kill -l 0 35 64
kill -l 15 TERM sigio
kill -l 99
echo "status $?"
trap -l | head -2
