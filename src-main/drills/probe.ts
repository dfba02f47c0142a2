// Reads the facts objectives ask about straight from the kernel's tables, as the console's panels
// do (read only): pins, leases, seals and sizes of a file, memory regions, matching processes.
import type { Host } from '../host';
import type { Inode } from '../host/vfs/inode';
import type { Process } from '../host/task/process';
import { lookup } from '../host/vfs/namei';
import { isSealed } from '../host/vfs/seal';
import type { Selector } from './schema';

export class Probe {
  constructor(
    private readonly host: Host,
    /** A scenario program's pid by its name in the file (absent until it starts). */
    private readonly programPid: (name: string) => number | undefined,
  ) {}

  inode(path: string): Inode | null {
    const k = this.host.kernel;
    const init = k.proc(1);
    if (!init) return null;
    const r = lookup(k, init, path, true);
    return r.ok ? r.value : null;
  }

  pins(path: string): number {
    return this.inode(path)?.pins.size ?? 0;
  }

  leases(path: string): number {
    return this.inode(path)?.leases.length ?? 0;
  }

  sealed(path: string): boolean {
    const i = this.inode(path);
    return i !== null && isSealed(i);
  }

  size(path: string): number | null {
    const i = this.inode(path);
    return i && i.type === 'reg' ? i.size : null;
  }

  /** Pins on the file that hold page copies the file no longer has (seed 000: "inconsistent"). */
  diverged(path: string): number {
    const i = this.inode(path);
    if (!i) return 0;
    let n = 0;
    for (const seg of this.host.kernel.segments.values()) if (seg.inode === i && seg.diverged) n++;
    return n;
  }

  /** A registered MR covering the file (or device) `path`, or a file under `under`, with the ODP flag asked. */
  mr(filter: { path?: string | undefined; under?: string | undefined; odp?: boolean | undefined }): boolean {
    const target = filter.path !== undefined ? this.inode(filter.path) : null;
    if (filter.path !== undefined && !target) return false;
    const dir = filter.under?.replace(/\/+$/, '');
    for (const mr of this.host.kernel.mrs.values()) {
      if (filter.odp !== undefined && mr.odp !== filter.odp) continue;
      const hit = mr.segments.some((s) => {
        if (!s.inode) return target === null && dir === undefined;
        if (target && s.inode !== target) return false;
        return dir === undefined || s.inode.path().startsWith(`${dir}/`);
      });
      if (hit) return true;
    }
    return false;
  }

  sysctl(name: string): string | undefined {
    return this.host.kernel.sysctl.get(name);
  }

  /** Live processes the selector means (zombies and exiting ones are not alive). */
  matching(sel: Selector): Process[] {
    const k = this.host.kernel;
    if ('program' in sel) {
      const pid = this.programPid(sel.program);
      const p = pid === undefined ? undefined : k.proc(pid);
      return p?.alive ? [p] : [];
    }
    const out: Process[] = [];
    for (const p of k.procs.values()) {
      if (!p.alive) continue;
      if ('comm' in sel ? p.comm === sel.comm : p.argv.join(' ').includes(sel.argv)) out.push(p);
    }
    return out;
  }

  comm(pid: number): string | undefined {
    return this.host.kernel.proc(pid)?.comm;
  }

  /** Does the selector mean this pid (alive or not)? */
  means(sel: Selector, pid: number): boolean {
    if ('program' in sel) return this.programPid(sel.program) === pid;
    const p = this.host.kernel.proc(pid);
    if (!p) return false;
    return 'comm' in sel ? p.comm === sel.comm : p.argv.join(' ').includes(sel.argv);
  }
}
