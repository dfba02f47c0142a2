// Who keeps an open file alive, and how each holder came by it (opened it, inherited it across
// fork, or received it by SCM_RIGHTS) — read from the fd tables, the mappings and the event log.
import type { Kernel } from '../kernel';
import type { OpenFile } from '../fd/file';
import type { Process } from '../task/process';

export interface Holder {
  pid: number;
  comm: string;
  fds: number[];
  /** The process maps the file (a mapping holds it like an fd does). */
  mapped: boolean;
  /** How it got the file: 'opened', `fork:<pid>`, `scm:<pid>` or '' when the log no longer says. */
  origin: string;
}

/** Where each (pid, open file) pair came from, built once per explanation from the event log. */
export class Origins {
  private readonly opened = new Set<string>();
  private readonly received = new Map<string, number>();
  private readonly parent = new Map<number, number>();

  constructor(k: Kernel) {
    for (const e of k.bus.events()) {
      if (e.kind === 'fd.open' || e.kind === 'rdma.context') this.opened.add(`${e.pid}:${e.file}`);
      else if (e.kind === 'fd.receive') this.received.set(`${e.pid}:${e.file}`, e.from);
      else if (e.kind === 'process.fork') this.parent.set(e.child, e.pid);
    }
  }

  of(pid: number, file: number): string {
    const key = `${pid}:${file}`;
    const from = this.received.get(key);
    if (from !== undefined) return `scm:${from}`;
    if (this.opened.has(key)) return 'opened';
    const parent = this.parent.get(pid);
    return parent !== undefined ? `fork:${parent}` : '';
  }
}

/** Live processes holding `file` by an fd or a mapping, by pid. */
export function holdersOf(k: Kernel, file: OpenFile, origins: Origins): Holder[] {
  const out: Holder[] = [];
  for (const p of [...k.procs.values()].sort((a, b) => a.pid - b.pid)) {
    if (!p.alive) continue;
    const fds = p.fds.fdsOf(file);
    const mapped = p.mm.vmas.some((v) => v.file === file);
    if (fds.length === 0 && !mapped) continue;
    out.push({ pid: p.pid, comm: p.comm, fds, mapped, origin: origins.of(p.pid, file.id) });
  }
  return out;
}

/** "pid 7 (rdma-app)", or "pid 7, which has exited". */
export function who(k: Kernel, pid: number, comm?: string): string {
  const p = k.proc(pid);
  if (p && p.alive) return `pid ${pid} (${p.comm})`;
  return `pid ${pid}${comm ? ` (${comm})` : ''}, which has exited`;
}

/** "on fd 4, inherited by fork from pid 7" and the like. */
export function howHeld(h: Holder): string {
  const parts: string[] = [];
  if (h.fds.length) parts.push(`on fd ${h.fds.join(', ')}`);
  else if (h.mapped) parts.push('through a mapping');
  if (h.origin.startsWith('fork:')) parts.push(`inherited by fork from pid ${h.origin.slice(5)}`);
  else if (h.origin.startsWith('scm:')) parts.push(`received by SCM_RIGHTS from pid ${h.origin.slice(4)}`);
  if (h.fds.length && h.mapped) parts.push('and mapped');
  return parts.join(', ');
}

/** What its SIGTERM disposition means for `kill PID`. */
export function termNote(p: Process | undefined): string {
  const d = p?.disposition('SIGTERM');
  if (d === 'ignore') return 'it ignores SIGTERM, so only kill -9 stops it';
  if (typeof d === 'function') return 'it handles SIGTERM (a clean shutdown); if it stays, kill -9';
  return 'SIGTERM kills it';
}
