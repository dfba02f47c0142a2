# head and tail: default 10 lines, -n/-c counts, -n -N / -n +N, headers for several files, errors.
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "line $i"; done > /tmp/lines
head /tmp/lines
tail /tmp/lines
head -n 3 /tmp/lines
head -3 /tmp/lines
head -n -9 /tmp/lines
head -c 12 /tmp/lines; echo
head -c -70 /tmp/lines; echo '|'
tail -n 2 /tmp/lines
tail -2 /tmp/lines
tail -n +11 /tmp/lines
tail +11 /tmp/lines
tail -c 8 /tmp/lines
tail -c +75 /tmp/lines
head -n 1 /etc/hostname /etc/passwd
tail -qn 1 /etc/hostname /etc/passwd
head -v -n 1 /etc/hostname
echo stdin | head -n 1 -v
printf 'no newline' | tail -n 1; echo
head -c 4 /dev/zero | wc -c
head -n abc /tmp/lines; echo "status $?"
tail /nonexistent /etc/hostname; echo "status $?"
head /tmp; echo "status $?"
printf 'a\tb\n\n\n\nc\001\n' > /tmp/odd
cat -A /tmp/odd
cat -n /tmp/odd
cat -bs /tmp/odd
cat -z; echo "status $?"
