// System, RDMA and pmem tools: dmesg, sysctl, uname, id, date, rdma, ibv_devinfo, ndctl, daxctl…
import type { ToolDef } from '../tool';
import { date } from './date';
import { daxctl } from './daxctl';
import { dmesg } from './dmesg';
import { free } from './free';
import { ibvDevices, ibvDevinfo } from './ibv';
import { id, whoami } from './id';
import { ndctl } from './ndctl';
import { rdma } from './rdma';
import { sysctl } from './sysctl';
import { hostname, uname } from './uname';
import { uptime } from './uptime';
import { printenv, which } from './which';

export const SYSTEM_TOOLS: readonly ToolDef[] = [date, daxctl, dmesg, free, hostname, ibvDevices, ibvDevinfo, id, ndctl, printenv, rdma, sysctl, uname, uptime, which, whoami];
