// The host's HCA as its driver reports it (ibv_query_device_ex / ibv_query_port, nldev): a
// ConnectX-5 on an EDR InfiniBand fabric. Only ODP support is a host setup choice (kernel.rdma.odp).
import type { Host } from '../../host';

export const NODE_GUID = 0x248a070300b47a96n;

export const HCA = {
  fw: '16.26.1040',
  vendorId: 0x02c9,
  vendorPartId: 4119,
  hwVer: 0,
  boardId: 'MT_0000000008',
  ports: 1,
  /** IB_DEVICE_* as mlx5 sets them for an IB port. */
  capFlags: 0xe5721c36,
  /** The upper word: IBV_DEVICE_PCI_WRITE_END_PADDING. */
  capFlagsExHigh: 0x10,
  /** uverbs device index in nldev (`rdma dev`). */
  index: 0,
};

export const PORT = {
  state: 4,
  phys: 5,
  maxMtu: 5,
  activeMtu: 5,
  smLid: 1,
  lid: 3,
  lmc: 0,
  maxMsg: 0x40000000,
  capFlags: 0x2651e84a,
  maxVl: 3,
  smSl: 0,
  pkeys: 128,
  gids: 8,
  subnetTimeout: 18,
  width: 2,
  speed: 32,
};

export interface OdpCaps {
  general: number;
  rc: number;
  uc: number;
  ud: number;
  xrc: number;
}

const ODP_SUPPORT = 1;
const ODP_SUPPORT_IMPLICIT = 2;
const SEND = 1;
const RECV = 2;
const WRITE = 4;
const READ = 8;
const SRQ = 0x20;

/** mlx5_ib_internal_fill_odp_caps() for a ConnectX-5, or nothing when the host has no ODP. */
export function odpCaps(host: Host): OdpCaps {
  if (!host.kernel.rdma.odp) return { general: 0, rc: 0, uc: 0, ud: 0, xrc: 0 };
  return { general: ODP_SUPPORT | ODP_SUPPORT_IMPLICIT, rc: SEND | RECV | WRITE | READ | SRQ, uc: 0, ud: SEND, xrc: SEND | WRITE | READ | SRQ };
}

export function deviceName(host: Host): string {
  return host.kernel.rdma.device;
}

/** `%04x:%04x:%04x:%04x` of a 64-bit GUID (devinfo.c guid_str, rdma's node_guid). */
export function guidStr(g: bigint): string {
  return [48n, 32n, 16n, 0n].map((s) => ((g >> s) & 0xffffn).toString(16).padStart(4, '0')).join(':');
}
