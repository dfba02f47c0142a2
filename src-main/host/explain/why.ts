// explainPath(): "why is my truncate failing?" for one file, as a chain from the file to its
// leases, pins, MRs, RDMA contexts, fds and processes, with the verdict a truncate would get now
// and the ways out. It only reads kernel state; the verdict asks the policy in force the same
// question the layout-change path asks (decision points are pure), so it cannot drift from it.
import type { Host } from '../host';
import type { Kernel } from '../kernel';
import type { Inode } from '../vfs/inode';
import type { Lease } from '../lease/lease';
import type { Mr, PinSegment } from '../rdma/uverbs';
import type { Process } from '../task/process';
import type { ChainLink, Explanation, Verdict } from './types';
import { fail, ok, type SysResult } from '../sim/result';
import { strerror } from '../abi/errno';
import { lookup } from '../vfs/namei';
import { inodeKey } from '../fd/lifecycle';
import { renderLocks } from '../procfs/locks';
import { NS_PER_SEC } from '../sim/clock';
import { holdersOf, howHeld, Origins, who } from './holders';
import { waysOut } from './ways';
import { DESIGNS, leaseKind, pageRanges, size } from './words';
import { isSealed, sealHolder } from '../vfs/seal';

const END = Number.MAX_SAFE_INTEGER;

/** Explains PATH as process `pid` sees it (its cwd, its permissions). */
export function explainPath(host: Host, pid: number, path: string): SysResult<Explanation> {
  const k = host.kernel;
  const task = k.proc(pid);
  if (!task) return fail('ESRCH');
  const r = lookup(k, task, path);
  if (!r.ok) return r;
  return ok(explainInode(k, task, r.value));
}

/** Long-term pins of the file's pages, grouped by MR in registration order. */
export function pinsByMr(k: Kernel, inode: Inode): Map<Mr, PinSegment[]> {
  const byMr = new Map<Mr, PinSegment[]>();
  const segs = inode.pins.collect(0, END).map((id) => k.segments.get(id)!);
  segs.sort((a, b) => a.mr.id - b.mr.id || a.first - b.first);
  for (const s of segs) byMr.set(s.mr, [...(byMr.get(s.mr) ?? []), s]);
  return byMr;
}

export function explainInode(k: Kernel, task: Process, inode: Inode): Explanation {
  const path = inode.path();
  const links: ChainLink[] = [fileLink(inode)];
  const base = { path, policy: k.policy.name };
  if (inode.type !== 'reg') return { ...base, verdict: notAFile(inode), links, waysOut: [] };
  links.push({ kind: 'design', text: `${k.policy.name}: ${DESIGNS[k.policy.name] ?? k.policy.summary}.` });
  const origins = new Origins(k);
  for (const lease of inode.leases) links.push(leaseLink(k, lease, origins));
  if (isSealed(inode)) links.push({ kind: 'note', text: `The block map is sealed (${sealHolder(inode)}): under immutable, nothing may change it.` });
  const byMr = pinsByMr(k, inode);
  for (const [mr, segs] of byMr) links.push(pinLink(k, mr, segs));
  const contexts = new Set([...byMr.keys()].map((mr) => mr.ctx));
  for (const ctx of contexts) links.push(contextLink(k, [...byMr.keys()].filter((m) => m.ctx === ctx), origins));
  for (const seg of inode.odpSegments) {
    links.push({ kind: 'note', mr: seg.mr.id, text: `MR ${seg.mr.id} maps ${pageRanges([seg])} on demand (ODP): nothing is pinned; a layout change there invalidates that part of the MR.` });
  }
  for (const p of k.procs.values()) {
    if (p.wait && p.wait.spec.key === inodeKey(inode)) {
      const secs = Math.floor((k.clock.now() - p.wait.since) / NS_PER_SEC);
      links.push({ kind: 'waiter', pid: p.pid, text: `pid ${p.pid} (${p.comm}) has been waiting in ${p.wait.wchan} for ${secs} s (state ${p.state}).` });
    }
  }
  const verdict = predict(k, task, inode, byMr);
  return { ...base, verdict, links, waysOut: waysOut(k, inode, verdict, byMr, origins) };
}

function fileLink(inode: Inode): ChainLink {
  const sb = inode.sb;
  const where = sb.mountpoint ? `on ${sb.mountpoint}: ${sb.fstype} on ${sb.source}` : `on ${sb.fstype}`;
  if (inode.type !== 'reg') return { kind: 'file', text: `${inode.path()} (inode ${inode.ino}) is ${where}.` };
  const head = `${inode.path()} (inode ${inode.ino}, ${size(inode.size)}) is ${where}`;
  const reflink = sb.reflink ? ' Reflink is on: writing a shared block moves it (copy-on-write), a layout change like truncate.' : '';
  if (inode.isDax) return { kind: 'file', text: `${head}, mounted with dax. No page cache: the file's pages are its storage blocks, which cannot be freed or moved while pinned.${reflink}` };
  return { kind: 'file', text: `${head}, with a page cache: a pin holds copies of pages, so layout changes never wait for pins.${reflink}` };
}

function notAFile(inode: Inode): Verdict {
  if (inode.device?.kind === 'devdax') {
    return { kind: 'not-a-file', errno: 'EINVAL', text: 'a character device (device DAX): RDMA registrations on it are never affected and need no lease, and it has no size to truncate (EINVAL).' };
  }
  if (inode.type === 'dir') return { kind: 'not-a-file', errno: 'EISDIR', text: 'a directory: there is nothing to truncate.' };
  return { kind: 'not-a-file', errno: 'EINVAL', text: 'not a regular file: no lease or pin can hold it.' };
}

function leaseLink(k: Kernel, lease: Lease, origins: Origins): ChainLink {
  const creator = k.proc(lease.pid);
  const creatorAlive = creator !== undefined && creator.alive;
  const holders = holdersOf(k, lease.file, origins);
  const parts = [`${leaseKind(lease)}, ${lease.state}, taken on fd ${lease.fd} by ${who(k, lease.pid)}.`];
  if (lease.state === 'ZOMBIE') {
    const keep = holders.filter((h) => h.mapped).map((h) => `pid ${h.pid} (${h.comm}) still maps the file`);
    if (lease.pinRefs > 0) keep.push('the pages pinned under it hold it');
    parts.push(`ZOMBIE: no process has the file open any more (lsof and fuser show nothing), yet ${keep.join(' and ') || 'something holds it'}.`);
  } else {
    const others = holders.filter((h) => !(h.pid === lease.pid && h.fds.includes(lease.fd)));
    for (const h of others) parts.push(`pid ${h.pid} (${h.comm}) has the file ${howHeld(h)}.`);
  }
  if (lease.breaking) {
    const left = Math.ceil((lease.breaking.deadline - k.clock.now()) / NS_PER_SEC);
    parts.push(left > 0 ? `It is being broken: its holder was sent SIGIO and the kernel revokes it in ${left} s (fs.lease-break-time).` : 'Its break time has run out: the kernel removes it at the next lease operation on the file.');
  }
  const detail = [`/proc/locks line ${locksLine(k, lease)}`];
  if (!creatorAlive || lease.state === 'ZOMBIE') detail.push(`(/proc/locks still says ACTIVE and pid ${lease.pid}: it keeps the pid that took the lease.)`);
  return { kind: 'lease', lease: lease.id, pid: lease.pid, fd: lease.fd, text: parts.join(' '), detail };
}

/** `N: LEASE …` as /proc/locks numbers it now (newest first). */
function locksLine(k: Kernel, lease: Lease): string {
  const ids = [...k.leases.keys()];
  const n = ids.length - ids.indexOf(lease.id);
  const line = renderLocks(k).split('\n').find((l) => l.startsWith(`${n}: LEASE`)) ?? '';
  return `${n}: ${line}`;
}

/** What keeps a pin legitimate: its lease, the design's guard, or nothing (kernel.md §4). */
function pinUnder(k: Kernel, seg: PinSegment): string {
  if (seg.kind === 'pagecache') return 'needing no lease';
  if (seg.lease && k.leases.has(seg.lease.id)) return `under the ${leaseKind(seg.lease)} of pid ${seg.lease.pid}`;
  if (seg.guard === 'fs') return 'with the filesystem\'s consent (fs-reject): it refuses layout changes under the pin';
  if (seg.guard === 'seal') return 'on a sealed block map (immutable)';
  return 'without an exclusive lease (taken under legacy-hang or before a policy switch): layout changes wait for it';
}

function pinLink(k: Kernel, mr: Mr, segs: PinSegment[]): ChainLink {
  const copies = segs[0]!.kind === 'pagecache' ? ' It holds copies of the pages.' : '';
  const diverged = segs.some((s) => s.diverged) ? ' The file changed under it since: the RDMA data no longer matches the file (data divergence).' : '';
  return { kind: 'pin', mr: mr.id, pid: mr.pid, text: `MR ${mr.id} (lkey 0x${mr.lkey.toString(16)}) pins ${pageRanges(segs)}, registered by ${who(k, mr.pid, mr.comm)}, ${pinUnder(k, segs[0]!)}.${copies}${diverged}` };
}

function contextLink(k: Kernel, mrs: Mr[], origins: Origins): ChainLink {
  const ctx = mrs[0]!.ctx;
  const names = mrs.map((m) => `MR ${m.id}`).join(', ');
  const holders = holdersOf(k, ctx.file, origins).filter((h) => h.fds.length > 0);
  const lines = holders.map((h) => `pid ${h.pid} (${h.comm}) ${howHeld(h)}`);
  if (ctx.file.refs.msg > 0) lines.push('an SCM_RIGHTS message that has not been received yet');
  const verb = mrs.length === 1 ? 'is' : 'are';
  if (lines.length === 1) return { kind: 'context', text: `${names} ${verb} in an RDMA context (${ctx.file.path()}) held by ${lines[0]}.`, ...(holders[0] ? { pid: holders[0].pid, fd: holders[0].fds[0]! } : {}) };
  return { kind: 'context', text: `${names} ${verb} in an RDMA context (${ctx.file.path()}) held by ${lines.length} holders; the pins stay until the last one lets go:`, detail: lines };
}

/** What a truncate to 0 by `task` would meet, in the order the layout-change path meets it. */
function predict(k: Kernel, task: Process, inode: Inode, byMr: Map<Mr, PinSegment[]>): Verdict {
  const breakTime = k.sysctlNumber('fs.lease-break-time');
  const live = inode.leases.filter((l) => !l.breaking || l.breaking.deadline > k.clock.now());
  const classic = live.filter((l) => !l.layout);
  if (classic.length > 0) {
    const l = classic[0]!;
    return { kind: 'breaks', errno: 'EAGAIN', text: `truncate(1) fails at once with EAGAIN (${strerror('EAGAIN')}): it opens the file with O_NONBLOCK and ${who(k, l.pid)} holds ${leaseKind(l)}. The attempt still starts a lease break: the holder gets SIGIO and has ${breakTime} s (fs.lease-break-time) to let go before the kernel revokes the lease; a truncate or hole punch without O_NONBLOCK waits for that.` };
  }
  const breakable = live.filter((l) => l.layout && !l.exclusive);
  if (breakable.length > 0) {
    return { kind: 'breaks', text: `truncate and hole punch wait while the ${leaseKind(breakable[0]!)} of ${who(k, breakable[0]!.pid)} is broken: its holder gets SIGIO; they go on as soon as it lets go, or after ${breakTime} s (fs.lease-break-time) when the kernel revokes it.` };
  }
  const pinned = inode.pins.overlaps(0, END);
  const v = k.policy.layoutChange({ task, inode, op: 'truncate', first: 0, last: END, pinned, segments: () => [...byMr.values()].flat() });
  if (v.action === 'fail') return { kind: 'fails', errno: v.errno, text: `truncate and hole punch fail at once with ${v.errno} (${strerror(v.errno)}).` };
  if (v.action === 'wait' || (pinned && inode.isDax)) {
    const wchan = v.action === 'wait' ? v.wchan : inode.sb.fstype === 'xfs' ? 'xfs_break_dax_layouts' : 'ext4_break_layouts';
    return { kind: 'waits', text: `truncate and hole punch over the pinned pages wait — they hang, in ${wchan} — until every pin there is gone; Ctrl-C interrupts them.` };
  }
  if (pinned) {
    const mrs = [...byMr.keys()].map((m) => `MR ${m.id}`).join(', ');
    const keep = byMr.size === 1 ? 'keeps' : 'keep';
    return { kind: 'proceeds', text: `truncate and hole punch proceed, but ${mrs} ${keep} copies of the old pages: the RDMA data no longer matches the file (data divergence).` };
  }
  return { kind: 'proceeds', text: 'nothing stands in the way: truncate and hole punch proceed now.' };
}
