# ls -C: names down the columns, padded with tabs, as many columns as fit COLUMNS (80 without it);
# the same files and widths as GNU ls 9.1 lays them out. Off a terminal, plain ls is one per line.
mkdir /tmp/lsd; cd /tmp/lsd
for i in $(seq 1 30); do touch file$i; done; touch a_much_longer_file_name.txt
for w in 80 40 20 120 7; do COLUMNS=$w ls -C | cat -A; echo "== $w"; done
ls -C | head -2
ls | head -3
ls -l -C | head -1
ls -C -1 | head -1
