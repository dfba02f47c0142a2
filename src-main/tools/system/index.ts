// System, RDMA and pmem tools: dmesg, sysctl, uname, id, date, rdma, ibv_devinfo, ndctl, daxctl…
import type { ToolDef } from '../tool';

export const SYSTEM_TOOLS: readonly ToolDef[] = [];
