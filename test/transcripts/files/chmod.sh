# chmod: octal and symbolic modes, X, -R, -v and -c reports, -w taken as a mode, errors — as GNU
# coreutils 9.1 prints them.
rm -rf /tmp/cm; mkdir -p /tmp/cm/d/e; cd /tmp/cm; echo x > f; echo y > d/g
chmod 600 f; stat -c '%a %n' f
chmod -v u+x,g+r f
chmod -c 640 f
chmod -c 640 f
chmod -w f; stat -c '%a' f
chmod a=rX f d; stat -c '%a %n' f d
chmod -R go-rwx d; stat -c '%a %n' d d/g d/e
chmod +x nope; echo "status $?"
chmod 999 f; echo "status $?"
chmod 644; echo "status $?"
chmod; echo "status $?"
chmod -Z 644 f; echo "status $?"
chmod -v 4755 f
