# readlink and realpath: targets, -f/-e/-m canonicalization through symbolic links, loops, errors — as
# coreutils 9.1 prints them.
mkdir -p /tmp/rl/d/e; cd /tmp/rl; echo x > d/f
readlink d/f; echo "st=$?"
readlink -v d/f
readlink -f d/e/../f
readlink -f nope/x; echo "st=$?"
readlink -m nope/x/../y
readlink -e nope; echo "st=$?"
realpath d/e/.. . /tmp/rl/./d//f
realpath nope/x; echo "st=$?"
realpath -m nope/x/../y
realpath -e d/nope; echo "st=$?"
readlink
readlink -n d/f d/f; echo "st=$?"
realpath 'a b/x'; echo "st=$?"
cd /tmp/rl; ln -s d/f lf; ln -s e d/le; ln -s /tmp/rl/d abs; ln -s loop1 loop2; ln -s loop2 loop1
readlink lf; readlink -f lf; readlink -f d/le/../f; realpath lf abs/e .
readlink -e loop1; echo "st=$?"; realpath loop1; echo "st=$?"
