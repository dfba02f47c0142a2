# truncate: reference §4.1 — coreutils 9.1's messages against a lease, missing paths, directories,
# bad sizes; relative sizes; -c on a missing file prints nothing.
mkdir -p /srv/demo && cd /srv/demo
echo data > rl
lease-hold --type=read rl &
sleep 1
truncate -s 0 rl; echo "status $?"
truncate -s 0 /nonexistent/dir/x; echo "status $?"
truncate -s 0 /srv/demo; echo "status $?"
truncate f; echo "status $?"
truncate -s 8E f; echo "status $?"
truncate -s 12x f; echo "status $?"
truncate -c -s 0 nosuchfile; echo "status $?"
truncate -s 10K f && stat -c %s f
truncate -s +1K f && stat -c %s f
truncate -s -3000 f && stat -c %s f
truncate -s %4K f && stat -c %s f
truncate -s /3K f && stat -c %s f
truncate -s '<1000' f && stat -c %s f
truncate -s '>2000' f && stat -c %s f
truncate -r /etc/passwd f && stat -c %s f
truncate -o -s 2 f && stat -c %s f
truncate -s %0 f; echo "status $?"
truncate -s; echo "status $?"
truncate -s 1; echo "status $?"
