# find: tests, operators, -prune, -exec ; and +, -printf, -delete, -quit, errors — checked against GNU
# findutils 4.9 on the same tree (sorted where the walk order is the filesystem's own).
rm -rf /tmp/ft; mkdir -p /tmp/ft/a/b /tmp/ft/c /tmp/ft/empty; cd /tmp/ft
printf 'x%.0s' $(seq 1 600) > a/big.dat; printf 'hi\n' > a/b/small.txt; : > c/zero.log
chmod 600 a/b/small.txt; chmod 755 a/big.dat
find . | sort
find . -name '*.dat' -o -name '*.txt' | sort
find . -type f -size +1 | sort
find . -type f -size -1k | sort
find . -size 2 | sort
find . -empty | sort
find . -maxdepth 1 -type d | sort
find . -mindepth 2 -type f | sort
find a -name b -prune -o -print | sort
find . -type l
find . -perm 600
find . -perm -644 -type f | sort
find . -type f -exec wc -c {} \; | sort
find . -type f -exec echo {} + | tr ' ' '\n' | sort
find . -name '*.txt' -printf '%f %s %m %y %d %h %P\n'
find . -iname 'BIG*'
find . -path './a/*' -type f | sort
find . ! -type d | sort
find nonexist; echo "status $?"
find . -bogus; echo "status $?"
find . -name; echo "status $?"
find . -type q; echo "status $?"
find . \( -name c -o -name empty \) -type d | sort
find . -name '*.log' -delete; ls c
find . -type f -quit | wc -l
find . -user root -name small.txt
find . -newer a/big.dat -type f | sort
find a/ -maxdepth 1 | sort
# -prune with -delete needs an explicit -depth; -quit stops at once; -exec needs a command.
rm -rf /tmp/fq && mkdir -p /tmp/fq/keep && touch /tmp/fq/keep/a /tmp/fq/b && cd /tmp/fq
find . -path ./keep -prune -o -delete; echo "st=$?"
find . -quit -print; echo "st=$?"
find . -exec \; ; echo "st=$?"
find . -exec; echo "st=$?"
find . -user nosuchuser; echo "st=$?"
find . -maxdepth x; echo "st=$?"
find . -depth -path ./keep -prune -o -name b -delete; echo "st=$?"; ls
