// External state checker (in the manner of TigerBeetle's): recomputes what the kernel's tables
// must agree on and returns every violation. Tests run it after each step of randomized runs.
import type { Kernel } from './kernel';
import type { OpenFile } from './fd/file';
import type { Inode } from './vfs/inode';
import type { Host } from './host';
import { renderLocks } from './procfs/locks';
import { isLongTerm } from './rdma/pins';

function tally<K>(m: Map<K, number>, key: K): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}

export function checkInvariants(target: Host | Kernel): string[] {
  const k = 'kernel' in target ? target.kernel : target;
  const bad: string[] = [];
  checkPinnedBlocks(k, bad);
  checkPinBacking(k, bad);
  checkLeases(k, bad);
  checkRefcounts(k, bad);
  checkProcesses(k, bad);
  return bad;
}

/** kernel.md §4: no block pinned by a non-ODP MR is freed or reassigned while pinned (DAX). */
function checkPinnedBlocks(k: Kernel, bad: string[]): void {
  for (const seg of k.segments.values()) {
    if (seg.kind !== 'fsdax') continue;
    const inode = seg.inode!;
    const alloc = inode.sb.allocator!;
    if (inode.evicted) bad.push(`pin ${seg.id}: inode ${inode.ino} evicted while pinned`);
    for (const e of seg.extents) {
      const now = inode.blocks.mapped(e.page, e.page + e.len);
      if (now.length !== 1 || now[0]!.block !== e.block || now[0]!.len !== e.len) {
        bad.push(`pin ${seg.id}: pages ${e.page}+${e.len} of ${inode.path()} moved from block ${e.block}`);
      }
      if (alloc.isFree(e.block) || alloc.isFree(e.block + e.len - 1)) bad.push(`pin ${seg.id}: block ${e.block} of ${inode.path()} freed while pinned`);
    }
    const pinnedPages = seg.extents.reduce((n, e) => n + e.len, 0);
    if (pinnedPages !== seg.last - seg.first) bad.push(`pin ${seg.id}: records ${pinnedPages} blocks for ${seg.last - seg.first} pages`);
  }
}

/** No pin without its MR, context and open file; trees and FilePin counts match the segments. */
function checkPinBacking(k: Kernel, bad: string[]): void {
  const perInode = new Map<Inode, number>();
  const perFilePin = new Map<number, number>();
  const perLease = new Map<number, number>();
  for (const seg of k.segments.values()) {
    if (!isLongTerm(seg)) bad.push(`segment ${seg.id} tracked but not long-term`);
    const mr = seg.mr;
    if (k.mrs.get(mr.id) !== mr) bad.push(`pin ${seg.id}: MR ${mr.id} is gone`);
    if (k.contexts.get(mr.ctx.id) !== mr.ctx) bad.push(`pin ${seg.id}: context ${mr.ctx.id} is gone`);
    if (mr.ctx.file.released || mr.ctx.file.uverbs !== mr.ctx) bad.push(`pin ${seg.id}: context file ${mr.ctx.file.id} released`);
    if (!seg.inode!.pins.collect(seg.first, seg.last).includes(seg.id)) bad.push(`pin ${seg.id}: missing from the interval tree`);
    tally(perInode, seg.inode!);
    tally(perFilePin, seg.filePin!.id);
    if (seg.lease) tally(perLease, seg.lease.id);
    if (!mr.ctx.filePins.includes(seg.filePin!)) bad.push(`pin ${seg.id}: FilePin ${seg.filePin!.id} not listed by its owner`);
  }
  for (const [inode, n] of perInode) if (inode.pins.size !== n) bad.push(`inode ${inode.ino}: tree holds ${inode.pins.size} pins, segments say ${n}`);
  for (const ctx of k.contexts.values()) {
    for (const fp of ctx.filePins) if ((perFilePin.get(fp.id) ?? 0) !== fp.count || fp.count === 0) bad.push(`FilePin ${fp.id}: count ${fp.count}, segments ${perFilePin.get(fp.id) ?? 0}`);
    for (const mr of ctx.mrs.values()) if (k.mrs.get(mr.id) !== mr) bad.push(`MR ${mr.id} of context ${ctx.id} missing from the host table`);
  }
  for (const lease of k.leases.values()) if ((perLease.get(lease.id) ?? 0) !== lease.pinRefs) bad.push(`lease ${lease.id}: pinRefs ${lease.pinRefs}, segments ${perLease.get(lease.id) ?? 0}`);
}

/** Every lease is one /proc/locks line with its creator's pid; its file and inode agree. */
function checkLeases(k: Kernel, bad: string[]): void {
  const text = renderLocks(k);
  const lines = text.split('\n').filter(Boolean);
  const breakers = [...k.leases.values()].reduce((n, l) => n + l.breakers.length, 0);
  if (lines.length !== k.leases.size + breakers) bad.push(`/proc/locks has ${lines.length} lines for ${k.leases.size} leases and ${breakers} breakers`);
  for (const lease of k.leases.values()) {
    const f = lease.file;
    if (f.released) bad.push(`lease ${lease.id}: its open file ${f.id} was released`);
    if (!f.leases.includes(lease) || !lease.inode.leases.includes(lease)) bad.push(`lease ${lease.id}: not linked from its file and inode`);
    if (f.inode !== lease.inode) bad.push(`lease ${lease.id}: file and inode disagree`);
    const want = ` ${lease.pid} ${lease.inode.devHex}:${lease.inode.ino} 0 EOF`;
    if (!lines.some((l) => l.includes('LEASE  ') && !l.includes('BREAKER') && l.endsWith(want))) bad.push(`lease ${lease.id}: no /proc/locks line ending "${want}"`);
    if (lease.state === 'ZOMBIE' && f.totalRefs === 0) bad.push(`lease ${lease.id}: zombie with nothing holding it`);
  }
}

/** Open-file reference counts equal the references that exist. */
function checkRefcounts(k: Kernel, bad: string[]): void {
  const fd = new Map<OpenFile, number>();
  const vma = new Map<OpenFile, number>();
  const pin = new Map<OpenFile, number>();
  const msg = new Map<OpenFile, number>();
  const files = new Set<OpenFile>();
  for (const p of k.procs.values()) {
    for (const [n, slot] of p.fds.entries()) {
      tally(fd, slot.file);
      files.add(slot.file);
      if (slot.file.released) bad.push(`pid ${p.pid} fd ${n}: released file ${slot.file.id}`);
    }
    for (const v of p.mm.vmas) {
      if (!v.file) continue;
      tally(vma, v.file);
      files.add(v.file);
    }
  }
  for (const seg of k.segments.values()) {
    if (!seg.lease) continue;
    tally(pin, seg.lease.file);
    files.add(seg.lease.file);
  }
  // Files in flight may be sockets carrying more files: walk the queues to a fixpoint.
  const sockets = new Set<OpenFile>();
  const work = [...files];
  while (work.length > 0) {
    const f = work.pop()!;
    for (const end of [f.socket, f.socket?.peer]) {
      const sf = end?.file;
      if (!sf || sockets.has(sf)) continue;
      sockets.add(sf);
      files.add(sf);
      for (const m of end.queue) {
        for (const x of m.files) {
          tally(msg, x);
          if (!files.has(x)) work.push(x);
          files.add(x);
        }
      }
    }
  }
  for (const lease of k.leases.values()) files.add(lease.file);
  for (const ctx of k.contexts.values()) files.add(ctx.file);
  for (const f of files) {
    const want = { fd: fd.get(f) ?? 0, vma: vma.get(f) ?? 0, pin: pin.get(f) ?? 0, msg: msg.get(f) ?? 0 };
    for (const kind of ['fd', 'vma', 'pin', 'msg'] as const) {
      if (f.refs[kind] !== want[kind]) bad.push(`file ${f.id} (${f.path()}): refs.${kind} ${f.refs[kind]} but ${want[kind]} exist`);
    }
    if (f.totalRefs > 0 && f.released) bad.push(`file ${f.id}: released with references`);
    if (f.totalRefs > 0 && f.inode.evicted) bad.push(`file ${f.id}: inode evicted while open`);
  }
}

function checkProcesses(k: Kernel, bad: string[]): void {
  for (const p of k.procs.values()) {
    if (p.pid !== 1 && !k.procs.has(p.ppid)) bad.push(`pid ${p.pid}: parent ${p.ppid} does not exist`);
    if (p.pid !== 1 && !k.proc(p.ppid)?.children.has(p.pid)) bad.push(`pid ${p.pid}: not among its parent's children`);
    if (p.state === 'Z' && (p.fds.count > 0 || p.mm.vmas.length > 0)) bad.push(`pid ${p.pid}: zombie still holds files or mappings`);
    if (p.wait && p.wait.settled) bad.push(`pid ${p.pid}: settled wait still attached`);
    if ((p.exitStatus !== null) !== (p.state === 'Z')) bad.push(`pid ${p.pid}: state ${p.state} with exit status ${p.exitStatus}`);
    if (p.state === 'Z' && p.wait) bad.push(`pid ${p.pid}: zombie asleep in ${p.wait.wchan}`);
  }
}
