# bash and sh as commands: -c with $0 and arguments, a script file, commands on stdin, set options,
# errors as bash words them, and the new shell's commands as children of its own process.
bash -c 'echo "$0 $1 $2 SHLVL=$SHLVL"' name one two
sh -c 'exit 3'; echo "status $?"
printf 'echo "from $0 with $1"\nnosuchcmd\n' > /tmp/s.sh
bash /tmp/s.sh arg; echo "status $?"
bash /nonexistent; echo "status $?"
echo 'echo piped $((2 + 3)) $0' | bash
bash -c; echo "status $?"
bash --bogus 2>&1 | head -1
bash -e -c 'false; echo not reached'; echo "status $?"
bash -x -c 'echo traced'
bash -o pipefail -c 'false | true'; echo "pipefail status $?"
printf 'a\nb\n' | xargs -I{} sh -c 'echo item {}'
awk 'BEGIN { system("echo from awk") }'
bash -c 'sleep 5 & echo "child of $$: $(ps -o ppid= -p $!)"; kill $!'
bash --version | head -1
echo 'echo "$0 $1"' | bash -s foo bar
bash -O extglob -c 'echo hi'
bash -o bogus -c true; echo "st=$?"
bash -o pipefail -c 'false | true'; echo "st=$?"
