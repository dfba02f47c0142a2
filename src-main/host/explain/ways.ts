// The ways out of a blocked layout change: what the application can release, which processes
// would have to exit, and — the trap of seed 003 #16 — what killing one pid would NOT fix because
// another process shares the RDMA context or still has the leased file.
import type { Kernel } from '../kernel';
import type { Inode } from '../vfs/inode';
import type { OpenFile } from '../fd/file';
import type { Mr, PinSegment, UverbsContext } from '../rdma/uverbs';
import type { Verdict, WayOut } from './types';
import { holdersOf, howHeld, termNote, who, type Origins } from './holders';
import { directMappers, refusalCause, sealWays } from './seal-ways';

/** Processes whose socket holds an unreceived SCM_RIGHTS message carrying `file`. */
function inFlightHolders(k: Kernel, file: OpenFile): number[] {
  const pids: number[] = [];
  for (const p of k.procs.values()) {
    if (!p.alive) continue;
    const holds = p.fds.entries().some(([, s]) => s.file.socket?.queue.some((m) => m.files.includes(file)));
    if (holds) pids.push(p.pid);
  }
  return pids.sort((a, b) => a - b);
}

export function waysOut(k: Kernel, inode: Inode, verdict: Verdict, byMr: Map<Mr, PinSegment[]>, origins: Origins): WayOut[] {
  if (verdict.kind === 'proceeds' || verdict.kind === 'not-a-file') return [];
  const path = inode.path();
  /** pid → what it holds that keeps the layout change from going through. */
  const need = new Map<number, string[]>();
  const add = (pid: number, what: string): void => void need.set(pid, [...(need.get(pid) ?? []), what]);
  const ways: WayOut[] = [];
  const cause = verdict.kind === 'fails' ? refusalCause(k, inode) : null;

  const contexts = new Map<UverbsContext, Mr[]>();
  for (const mr of byMr.keys()) contexts.set(mr.ctx, [...(contexts.get(mr.ctx) ?? []), mr]);
  for (const [ctx, mrs] of contexts) {
    const names = mrs.map((m) => `MR ${m.id}`).join(', ');
    const holders = holdersOf(k, ctx.file, origins).filter((h) => h.fds.length > 0);
    for (const h of holders) add(h.pid, `holds the RDMA context with ${names} (${howHeld(h)})`);
    for (const pid of inFlightHolders(k, ctx.file)) add(pid, `has the RDMA context with ${names} waiting, unreceived, in its socket (SCM_RIGHTS)`);
    if (holders.length === 0) continue;
    const apps = holders.map((h) => `pid ${h.pid} (${h.comm})`).join(' or ');
    const closes = holders.map((h) => `pid ${h.pid} fd ${h.fds.join(', ')}`).join(', ');
    const close = holders.length === 1 ? `or closes the RDMA context (fd ${holders[0]!.fds.join(', ')})` : `or every holder closes the RDMA context (${closes})`;
    ways.push({ action: 'dereg', pid: holders[0]!.pid, mr: mrs[0]!.id, fixes: cause !== 'seal', text: `${apps} deregisters ${names} (ibv_dereg_mr) ${close}; that unpins the pages.` });
  }

  // An exclusive layout lease is what fails a change; a breakable one is what a change waits to
  // break; a change that waits for pins alone (legacy-hang, bare pins) waits for no lease.
  const blocking = inode.leases.filter((l) => (verdict.kind === 'fails' ? cause === 'lease' && l.layout && l.exclusive : verdict.kind === 'breaks' ? !(l.layout && l.exclusive) : false));
  for (const lease of blocking) {
    const holders = holdersOf(k, lease.file, origins);
    for (const h of holders) add(h.pid, h.fds.length ? `has ${path} open (${howHeld(h)}), which keeps the lease` : `maps ${path}, which keeps the lease`);
    const fdHolders = holders.filter((h) => h.fds.length > 0);
    const mappers = holders.filter((h) => h.mapped && h.fds.length === 0);
    const unmap = mappers.length ? ` and ${mappers.map((h) => `pid ${h.pid}`).join(', ')} unmaps the file` : '';
    if (fdHolders.length > 0) {
      const h = fdHolders[0]!;
      const once = lease.pinRefs > 0 ? 'Once nothing is pinned, ' : '';
      const closers = fdHolders.length === 1 ? 'closes the file' : `${fdHolders.map((x) => `pid ${x.pid}`).join(' and ')} ${fdHolders.length === 2 ? 'both' : 'all'} close the file`;
      ways.push({ action: 'unlock', pid: h.pid, fd: h.fds[0]!, fixes: true, text: `${once}pid ${h.pid} (${h.comm}) releases the lease (F_UNLCK on fd ${h.fds[0]}) or ${closers}${unmap}.` });
    } else if (lease.state === 'ZOMBIE') {
      ways.push({ action: 'unlock', fixes: true, text: `The zombie lease goes by itself once its pins are released${unmap}: nobody has to close anything.` });
    }
  }
  if (cause === 'seal') {
    ways.push(...sealWays(k, inode));
    for (const m of directMappers(k, inode)) add(m.pid, `maps ${path} with MAP_DIRECT, which keeps the block map sealed`);
  }
  if (verdict.kind === 'breaks') {
    const t = k.sysctlNumber('fs.lease-break-time');
    ways.push({ action: 'wait', fixes: true, text: `Wait: a truncate or hole punch starts the break, and after at most ${t} s (fs.lease-break-time) the kernel revokes the lease; try again then.` });
  }

  const pids = [...need.keys()].sort((a, b) => a - b);
  if (pids.length > 0) {
    const stubborn = pids.filter((p) => k.proc(p)?.disposition('SIGTERM') === 'ignore');
    const command = stubborn.length === pids.length ? `kill -9 ${pids.join(' ')}` : `kill ${pids.join(' ')}`;
    const notes = pids.map((p) => ({ p, n: termNote(k.proc(p)) })).filter((x) => !x.n.startsWith('SIGTERM kills'));
    const noteText = notes.map((x) => (pids.length === 1 ? ` ${x.n[0]!.toUpperCase()}${x.n.slice(1)}` : ` pid ${x.p}: ${x.n}`) + (x.n.endsWith('kill -9') ? ` ${x.p}.` : '.')).join('');
    const pins = byMr.size > 0;
    const lease = blocking.length > 0;
    const said =
      pids.length === 1
        ? `when it exits, the kernel closes its fds${pins ? ', deregisters the MRs, unpins the pages' : ''}${lease ? ' and drops the lease' : ''}`
        : `once all of them have exited, the kernel has closed their fds${pins ? ', deregistered the MRs, unpinned the pages' : ''}${lease ? ' and dropped the lease' : ''}`;
    ways.push({ action: 'kill', command, pid: pids[0]!, fixes: !(cause === 'seal' && inode.seal.explicit), text: `${command}: ${said}.${noteText}` });
  }
  if (pids.length > 1) {
    for (const pid of pids) {
      const others = pids.filter((p) => p !== pid).map((p) => `${who(k, p)} ${need.get(p)!.join(' and ')}`);
      ways.push({ action: 'not-enough', command: `kill ${pid}`, pid, fixes: false, text: `Killing pid ${pid} alone would NOT fix it: ${others.join('; ')}.` });
    }
  }
  for (const lease of blocking) {
    const creator = k.proc(lease.pid);
    if (creator && creator.alive) continue;
    ways.push({ action: 'not-enough', command: `kill ${lease.pid}`, pid: lease.pid, fixes: false, text: `kill ${lease.pid} (the pid /proc/locks shows) cannot help: that process has exited (kill says "No such process").` });
  }
  return ways;
}
