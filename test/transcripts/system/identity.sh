# Who and where: the host, the user, the virtual clock.
uname -a
uname -r
hostname
id
id operator
whoami
date
date -u +'%F %T %Z'
uptime
sleep 125
uptime
date +%s
