# touch, mkdir and rm: creation, times, parents, modes, verbose output and coreutils' messages.
cd /tmp
touch new
ls -l new
touch -d '2018-01-02 03:04:05' new
ls -l new
stat -c '%y %x' new
touch -t 201901020304.05 new
stat -c %y new
touch -m -d @0 new
stat -c '%Y %y' new
touch -r /etc/hostname new
stat -c %y new
touch -c absent; ls absent; echo "status $?"
touch /nodir/x; echo "status $?"
touch -d yesterday-ish new; echo "status $?"
mkdir d
mkdir d; echo "status $?"
mkdir -p d/e/f
mkdir -pv g/h
mkdir -m 700 private
mkdir -m u=rwx,go=rx public
ls -ld d private public
mkdir /nodir/x; echo "status $?"
mkdir -m bogus z; echo "status $?"
mkdir; echo "status $?"
rm absent; echo "status $?"
rm -f absent; echo "status $?"
rm d; echo "status $?"
rm -d d; echo "status $?"
rm -d g/h
rm -rv d g
rm -v new
rm; echo "status $?"
rm -rf /; echo "status $?"
rm -r .; echo "status $?"
ls
