# Commands inherit the shell's working directory as on Linux; a subshell's cd applies to its own commands.
cd /tmp
(cd /etc && cat hostname 2>&1 | head -1; ls -d "$PWD")
touch here; ls here
cd /; (cd /tmp && ls here)
ls here 2>&1
mkdir -p /tmp/d; cd /tmp/d; rm -rf /tmp/d; mkdir /tmp/d; touch /tmp/d/new; ls
