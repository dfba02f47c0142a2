# su and sudo to the unprivileged operator: the commands are operator's processes, and the kernel
# refuses them what Linux refuses an unprivileged user.
su -c 'echo "$USER $UID $EUID $HOME"; id' operator
su -c 'truncate -s 0 /mnt/pmem/foo' operator
echo "su: status $?"
su - operator -c 'pwd; cd /root'
echo "su: status $?"
sudo -u operator truncate -s 0 /mnt/pmem/foo
echo "sudo: status $?"
sudo -u operator id -un
sudo id -un
sudo -u nosuch id
su nosuch
echo "su: status $?"
# operator is not root: su asks for root's password, sudo refuses.
su -c 'su -c id' operator
su -c 'sudo id' operator
echo "status $?"
# A nested shell in a script reads its commands from standard input.
echo 'echo "as $(id -un) in $PWD"' | su - operator
