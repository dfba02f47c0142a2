# man: a page for every command, built from its --help or its usage.
man why
man simctl | head -4
man lease-hold
man nosuch
echo "status $?"
man -k sigio
man -k nothing-like-this
echo "status $?"
man -f rdma-app
man
echo "status $?"
