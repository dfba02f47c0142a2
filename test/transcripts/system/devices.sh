# The RDMA and persistent-memory devices as rdma-core, iproute2 and ndctl see them.
ibv_devices
ibv_devinfo
ibv_devinfo -v | grep -A 15 general_odp_caps
rdma dev
rdma link
ndctl list
ndctl list -R
daxctl list
