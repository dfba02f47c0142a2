# chmod: octal and symbolic modes, copies (g=u), several operators per clause, X, set-ID bits of
# directories, -R, -v and -c reports, -w taken as a mode, errors — as GNU coreutils 9.1 prints them.
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
rm -rf /tmp/cm2; mkdir -p /tmp/cm2/sd; cd /tmp/cm2; echo x > f
chmod 666 f; chmod =r f; stat -c '%a' f
chmod 640 f; chmod g=u f; stat -c '%a' f
chmod 600 f; chmod u+x-w,go=u f; stat -c '%a' f
chmod 00644 f; stat -c '%a' f
chmod 2775 sd; chmod 755 sd; stat -c '%a' sd
chmod g=rx sd; stat -c '%a' sd
chmod 00755 sd; stat -c '%a' sd
chmod 2755 sd; chmod g-s sd; stat -c '%a' sd
chmod 644 f; chmod +X f; stat -c '%a' f
chmod a-x,o+t sd; stat -c '%a' sd
chmod 777777 f; echo "st=$?"
chmod u+z f; echo "st=$?"
