# Accounts of the host from /etc/passwd.
awk -F: '$3>=1000{print $1}' /etc/passwd
awk -F: '{ print $1, $3, $7 }' OFS='\t' /etc/passwd
cut -d: -f1,6 /etc/passwd | sort -t: -k2
grep -c '/bin/bash$' /etc/passwd
sed -n '/^root:/s/:.*//p' /etc/passwd
awk -F: -v who=operator '$1 == who { print "home of", who, "is", $6 }' /etc/passwd
grep root /etc/passwd /etc/hostname
grep -H -m1 x /etc/passwd
sort -t: -k3,3n /etc/passwd | head -1 | cut -d: -f1
awk 'END { print NR " accounts" }' /etc/passwd
wc /etc/passwd /etc/hostname
