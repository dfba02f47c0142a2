// The `ibv_devinfo -v` attribute dump (devinfo.c print_hca_cap verbose branch), including the ODP
// capabilities that decide whether IBV_ACCESS_ON_DEMAND registrations work on this host.
import { HCA, NODE_GUID, PORT, guidStr, type OdpCaps } from './hca';

const CAP_FLAGS: ReadonlyArray<readonly [number, string]> = [
  [0, 'RESIZE_MAX_WR'], [1, 'BAD_PKEY_CNTR'], [2, 'BAD_QKEY_CNTR'], [3, 'RAW_MULTI'], [4, 'AUTO_PATH_MIG'],
  [5, 'CHANGE_PHY_PORT'], [6, 'UD_AV_PORT_ENFORCE'], [7, 'CURR_QP_STATE_MOD'], [8, 'SHUTDOWN_PORT'], [9, 'INIT_TYPE'],
  [10, 'PORT_ACTIVE_EVENT'], [11, 'SYS_IMAGE_GUID'], [12, 'RC_RNR_NAK_GEN'], [13, 'SRQ_RESIZE'], [14, 'N_NOTIFY_CQ'],
  [17, 'MEM_WINDOW'], [18, 'UD_IP_CSUM'], [20, 'XRC'], [21, 'MEM_MGT_EXTENSIONS'], [23, 'MEM_WINDOW_TYPE_2A'],
  [24, 'MEM_WINDOW_TYPE_2B'], [25, 'RC_IP_CSUM'], [26, 'RAW_IP_CSUM'], [29, 'MANAGED_FLOW_STEERING'],
];

const FLAG_LINE = '\t\t\t\t\t';
const hex = (n: number) => n.toString(16);

function capFlags(flags: number): string {
  let s = '';
  let known = 0;
  for (const [bit, name] of CAP_FLAGS) {
    known |= 1 << bit;
    if ((flags >>> bit) & 1) s += `${FLAG_LINE}${name}\n`;
  }
  const unknown = (flags & ~known) >>> 0;
  if (unknown) s += `${FLAG_LINE}Unknown flags: 0x${hex(unknown).toUpperCase()}\n`;
  return s;
}

function odpTransport(caps: number): string {
  if (!caps) return `${FLAG_LINE}NO SUPPORT\n`;
  const names: Array<[number, string]> = [[1, 'SUPPORT_SEND'], [2, 'SUPPORT_RECV'], [4, 'SUPPORT_WRITE'], [8, 'SUPPORT_READ'], [0x10, 'SUPPORT_ATOMIC'], [0x20, 'SUPPORT_SRQ']];
  return names.filter(([b]) => caps & b).map(([, n]) => `${FLAG_LINE}${n}\n`).join('');
}

function odp(caps: OdpCaps): string {
  let s = '\tgeneral_odp_caps:\n';
  if (caps.general & 1) s += `${FLAG_LINE}ODP_SUPPORT\n`;
  if (caps.general & 2) s += `${FLAG_LINE}ODP_SUPPORT_IMPLICIT\n`;
  s += `\trc_odp_caps:\n${odpTransport(caps.rc)}\tuc_odp_caps:\n${odpTransport(caps.uc)}`;
  s += `\tud_odp_caps:\n${odpTransport(caps.ud)}\txrc_odp_caps:\n${odpTransport(caps.xrc)}`;
  return s;
}

/** Device attributes between phys_port_cnt and the first port. */
export function verboseDevice(caps: OdpCaps): string {
  const rows: Array<[string, string | number]> = [
    ['max_mr_size:\t\t\t', '0xffffffffffffffff'],
    ['page_size_cap:\t\t\t', '0xfffffffffffff000'],
    ['max_qp:\t\t\t\t', 262144],
    ['max_qp_wr:\t\t\t', 32768],
  ];
  let s = rows.map(([k, v]) => `\t${k}${v}\n`).join('');
  s += `\tdevice_cap_flags:\t\t0x${hex(HCA.capFlags).padStart(8, '0')}\n${capFlags(HCA.capFlags)}`;
  const more: Array<[string, string | number]> = [
    ['max_sge:\t\t\t', 30], ['max_sge_rd:\t\t\t', 30], ['max_cq:\t\t\t\t', 16777216], ['max_cqe:\t\t\t', 4194303],
    ['max_mr:\t\t\t\t', 16777216], ['max_pd:\t\t\t\t', 16777216], ['max_qp_rd_atom:\t\t\t', 16], ['max_ee_rd_atom:\t\t\t', 0],
    ['max_res_rd_atom:\t\t', 4194304], ['max_qp_init_rd_atom:\t\t', 16], ['max_ee_init_rd_atom:\t\t', 0],
    ['atomic_cap:\t\t\t', 'ATOMIC_HCA (1)'], ['max_ee:\t\t\t\t', 0], ['max_rdd:\t\t\t', 0], ['max_mw:\t\t\t\t', 16777216],
    ['max_raw_ipv6_qp:\t\t', 0], ['max_raw_ethy_qp:\t\t', 0], ['max_mcast_grp:\t\t\t', 2097152],
    ['max_mcast_qp_attach:\t\t', 240], ['max_total_mcast_qp_attach:\t', 503316480], ['max_ah:\t\t\t\t', 2147483647],
    ['max_fmr:\t\t\t', 0], ['max_srq:\t\t\t', 8388608], ['max_srq_wr:\t\t\t', 32767], ['max_srq_sge:\t\t\t', 31],
    ['max_pkeys:\t\t\t', PORT.pkeys], ['local_ca_ack_delay:\t\t', 16],
  ];
  s += more.map(([k, v]) => `\t${k}${v}\n`).join('');
  s += odp(caps);
  s += '\tcompletion timestamp_mask:\t\t\t0x7fffffffffffffff\n';
  s += '\thca_core_clock:\t\t\t78125kHZ\n';
  const ex = `${hex(HCA.capFlagsExHigh)}${hex(HCA.capFlags).padStart(8, '0')}`.toUpperCase();
  s += `\tdevice_cap_flags_ex:\t\t0x${ex}\n${FLAG_LINE}PCI_WRITE_END_PADDING\n`;
  s += '\ttso_caps:\n\t\tmax_tso:\t\t\t0\n';
  s += '\trss_caps:\n\t\tmax_rwq_indirection_tables:\t\t\t0\n\t\tmax_rwq_indirection_table_size:\t\t\t0\n';
  s += '\t\trx_hash_function:\t\t\t\t0x0\n\t\trx_hash_fields_mask:\t\t\t\t0x0\n';
  s += '\tmax_wq_type_rq:\t\t\t0\n';
  s += '\tpacket_pacing_caps:\n\t\tqp_rate_limit_min:\t0kbps\n\t\tqp_rate_limit_max:\t0kbps\n';
  s += '\tmax_rndv_hdr_size:\t\t64\n\tmax_num_tags:\t\t\t127\n\tmax_ops:\t\t\t32768\n\tmax_sge:\t\t\t1\n';
  s += `\tflags:\n${FLAG_LINE}IBV_TM_CAP_RC\n`;
  s += '\n\tcq moderation caps:\n\t\tmax_cq_count:\t65535\n\t\tmax_cq_period:\t4095 us\n\n';
  s += '\tmaximum available device memory:\t131072Bytes\n\n';
  s += '\tnum_comp_vectors:\t\t2\n';
  return s;
}

/** Port attributes after link_layer, then the GID table. */
export function verbosePort(): string {
  const p = PORT;
  let s = `\t\t\tmax_msg_sz:\t\t0x${hex(p.maxMsg)}\n\t\t\tport_cap_flags:\t\t0x${hex(p.capFlags).padStart(8, '0')}\n`;
  s += '\t\t\tport_cap_flags2:\t0x0000\n';
  s += `\t\t\tmax_vl_num:\t\t4 (${p.maxVl})\n\t\t\tbad_pkey_cntr:\t\t0x0\n\t\t\tqkey_viol_cntr:\t\t0x0\n`;
  s += `\t\t\tsm_sl:\t\t\t${p.smSl}\n\t\t\tpkey_tbl_len:\t\t${p.pkeys}\n\t\t\tgid_tbl_len:\t\t${p.gids}\n`;
  s += `\t\t\tsubnet_timeout:\t\t${p.subnetTimeout}\n\t\t\tinit_type_reply:\t0\n`;
  s += `\t\t\tactive_width:\t\t4X (${p.width})\n\t\t\tactive_speed:\t\t25.0 Gbps (${p.speed})\n`;
  s += `\t\t\tphys_state:\t\tLINK_UP (${p.phys})\n`;
  // GID[0] is the link-local subnet prefix with the port GUID (IB/RoCE v1 type: the plain format).
  s += `\t\t\tGID[  0]:\t\tfe80:0000:0000:0000:${guidStr(NODE_GUID)}\n`;
  return s;
}
