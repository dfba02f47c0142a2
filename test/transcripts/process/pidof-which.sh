# pidof (newest first, -s, -o, -d), which and printenv, with their exit statuses — as Debian 12's tools.
sleep 100 & a=$!
sleep 100 & b=$!
[ "$(pidof sleep)" = "$b $a" ] && echo "pidof: newest first"
[ "$(pidof -s sleep)" = "$b" ] && echo "pidof -s: one"
[ "$(pidof -o $b sleep)" = "$a" ] && echo "pidof -o: left out"
[ "$(pidof -d , sleep)" = "$b,$a" ] && echo "pidof -d: separator"
pidof nosuchprogram; echo "st=$?"
kill $a $b; wait 2>/dev/null
which ls sleep nosuch; echo "st=$?"
which; echo "st=$?"
which --x; echo "st=$?"
X=1 printenv X; X=1 printenv X NOPE; echo "st=$?"
printenv HOME
