// What dax-rdma-audit looks at, gathered once as plain data: the mounts (/proc/self/mounts, and
// the superblock's reflink flag that xfs_info reads), every MR with what backs its pins (the
// kernel's restrack, reached read-only through t.host.kernel as `rdma` reaches it, since no procfs
// file ties an MR to its lease or guard), and the processes asleep on pins (/proc/<pid>/wchan).
import type { Mr, PinSegment, SegmentKind } from '../../host/rdma/uverbs';
import type { Kernel } from '../../host/kernel';
import type { LeaseState } from '../../host/lease/lease';
import { segmentsIn } from '../../host/rdma/pins';
import { daxBusyWchan } from '../../host/policy/common';
import type { ToolRun } from '../tool';
import { readWhole } from '../common';
import { readMounts } from '../files/mounts';

/** Filesystems that hold regular files an MR could map; procfs, devtmpfs and the like do not. */
const FILE_SYSTEMS = new Set(['ext4', 'xfs', 'tmpfs', 'btrfs', 'ext2', 'ext3']);

export interface MountFacts {
  target: string;
  source: string;
  fstype: string;
  dax: boolean;
  reflink: boolean;
}

/** What keeps a pin legitimate (kernel.md §4): a layout lease, a design's guard, or nothing. */
export type Backing =
  | { kind: 'lease'; exclusive: boolean; state: LeaseState; pid: number; fd: number }
  | { kind: 'fs' | 'seal' | 'nothing' | 'copies' | 'device' | 'on-demand' | 'anonymous' };

/** What a truncate over the pinned pages would meet now: refused at once, or a wait for the pins. */
export type Outcome = { action: 'fail'; errno: string } | { action: 'wait'; wchan: string };

export interface SegmentFacts {
  path: string;
  /** Pages [first, last) of the file. */
  first: number;
  last: number;
  kind: SegmentKind;
  /** The file's filesystem has reflink: writes to shared blocks are copy-on-write layout changes. */
  reflink: boolean;
  backing: Backing;
  /** fsdax pins only. */
  outcome?: Outcome;
  /** Page cache: the file changed under the pinned copies. */
  diverged: boolean;
  /** The last close of the lease's file would sleep (close-blocks). */
  closeBlocks: boolean;
}

export interface HolderFacts {
  pid: number;
  comm: string;
  fds: number[];
}

export interface MrFacts {
  mrn: number;
  /** The registering process (restrack), alive or not. */
  pid: number;
  comm: string;
  registrantAlive: boolean;
  odp: boolean;
  /** Live processes holding the RDMA context's open file by an fd. */
  holders: HolderFacts[];
  /** The context travels in an SCM_RIGHTS message nobody received yet. */
  inFlight: boolean;
  segments: SegmentFacts[];
  /** ODP: ranges a layout change invalidated; `pastEof` where the file no longer has the pages. */
  invalidated: Array<{ path: string; first: number; last: number; pastEof: boolean }>;
}

export interface WaiterFacts {
  pid: number;
  comm: string;
  wchan: string;
  cmdline: string;
}

export interface AuditFacts {
  design: string;
  odp: boolean;
  device: string;
  mounts: MountFacts[];
  mrs: MrFacts[];
  waiting: WaiterFacts[];
}

/** Wait channels of sleeps that only the pins' going can end. */
const PIN_WAITS = new Set(['xfs_break_dax_layouts', 'ext4_break_layouts', 'locks_remove_lease']);

async function mounts(t: ToolRun): Promise<MountFacts[]> {
  const supers = t.host.kernel.supers;
  return (await readMounts(t))
    .filter((m) => FILE_SYSTEMS.has(m.fstype))
    .map((m) => ({
      target: m.target,
      source: m.source,
      fstype: m.fstype,
      dax: m.options.split(',').some((o) => o === 'dax' || o === 'dax=always'),
      reflink: supers.find((s) => s.mountpoint === m.target)?.reflink === true,
    }));
}

function backing(k: Kernel, seg: PinSegment, odp: boolean): Backing {
  if (odp) return { kind: 'on-demand' };
  if (seg.kind === 'devdax') return { kind: 'device' };
  if (seg.kind === 'anon') return { kind: 'anonymous' };
  if (seg.kind === 'pagecache') return { kind: 'copies' };
  const l = seg.lease;
  if (l && k.leases.has(l.id)) return { kind: 'lease', exclusive: l.exclusive, state: l.state, pid: l.pid, fd: l.fd };
  return { kind: seg.guard ?? 'nothing' };
}

/** Asks the design in force what a truncate over the segment's pages by this process would meet. */
function outcome(k: Kernel, pid: number, seg: PinSegment): Outcome | undefined {
  const task = k.proc(pid);
  const inode = seg.inode;
  if (!task || !inode || seg.kind !== 'fsdax') return undefined;
  const v = k.policy.layoutChange({ task, inode, op: 'truncate', first: seg.first, last: seg.last, pinned: true, segments: () => segmentsIn(k, inode, seg.first, seg.last) });
  if (v.action === 'fail') return { action: 'fail', errno: v.errno };
  // Proceeding over pinned DAX pages still waits for them: the common rule of vfs/layout.ts.
  return { action: 'wait', wchan: v.action === 'wait' ? v.wchan : daxBusyWchan(inode) };
}

function closeWouldBlock(k: Kernel, seg: PinSegment): boolean {
  const l = seg.lease;
  if (!l || !k.leases.has(l.id) || l.state !== 'ACTIVE') return false;
  const owner = k.proc(l.pid);
  // Already asleep in that close: the waiter finding says so.
  if (!owner || l.file.refs.fd !== 1 || owner.wait?.wchan === 'locks_remove_lease') return false;
  return k.policy.lastClose({ task: owner, file: l.file, fatal: false }).action === 'wait';
}

function mrFacts(k: Kernel, pid: number, mr: Mr): MrFacts {
  const holders: HolderFacts[] = [];
  for (const p of [...k.procs.values()].sort((a, b) => a.pid - b.pid)) {
    const fds = p.alive ? p.fds.fdsOf(mr.ctx.file) : [];
    if (fds.length > 0) holders.push({ pid: p.pid, comm: p.comm, fds });
  }
  const segments = mr.segments.map((seg) => {
    const out = outcome(k, pid, seg);
    return {
      path: seg.inode?.path() ?? '[anon]',
      first: seg.first,
      last: seg.last,
      kind: seg.kind,
      reflink: seg.inode?.sb.reflink === true,
      backing: backing(k, seg, mr.odp),
      ...(out && !mr.odp ? { outcome: out } : {}),
      diverged: seg.diverged,
      closeBlocks: !mr.odp && closeWouldBlock(k, seg),
    };
  });
  const invalidated = mr.invalidated.map(([inode, first, last]) => ({ path: inode.path(), first, last, pastEof: inode.evicted || last > inode.pages }));
  const registrant = k.proc(mr.pid);
  return { mrn: mr.id, pid: mr.pid, comm: mr.comm, registrantAlive: registrant?.alive === true, odp: mr.odp, holders, inFlight: mr.ctx.file.refs.msg > 0, segments, invalidated };
}

async function waiting(t: ToolRun): Promise<WaiterFacts[]> {
  const dir = t.sys.readdir('/proc');
  if (!dir.ok) return [];
  const out: WaiterFacts[] = [];
  for (const e of dir.value) {
    if (!/^\d+$/.test(e.name)) continue;
    const wchan = await readWhole(t, `/proc/${e.name}/wchan`);
    if (!wchan.ok || !PIN_WAITS.has(wchan.value.trim())) continue;
    const comm = await readWhole(t, `/proc/${e.name}/comm`);
    const cmd = await readWhole(t, `/proc/${e.name}/cmdline`);
    out.push({ pid: Number(e.name), comm: comm.ok ? comm.value.trim() : '?', wchan: wchan.value.trim(), cmdline: cmd.ok ? cmd.value.split('\0').filter(Boolean).join(' ') : '' });
  }
  return out.sort((a, b) => a.pid - b.pid);
}

export async function gatherFacts(t: ToolRun): Promise<AuditFacts> {
  const k = t.host.kernel;
  const mrs = [...k.mrs.values()].sort((a, b) => a.id - b.id).map((mr) => mrFacts(k, t.pid, mr));
  return { design: t.host.policyName, odp: k.rdma.odp, device: k.rdma.device, mounts: await mounts(t), mrs, waiting: await waiting(t) };
}
