// The filesystem API the shell adapts to just-bash: every call acts as a given pid, with that
// process's permissions; procfs content is generated on each read. readFile/writeFile go through
// open/read/write/close, so they break leases and may sleep exactly as a real tool would.
import type { Kernel } from './kernel';
import { fail, ok, OK_VOID, type Blocking, type SysResult } from './sim/result';
import { chain } from './sim/chain';
import { syscallsFor, type DirEntry, type Stat } from './syscalls';
import { O_APPEND, O_CREAT, O_RDONLY, O_TRUNC, O_WRONLY } from './abi/fcntl';
import { lookup } from './vfs/namei';

export interface VfsApi {
  stat(pid: number, path: string): SysResult<Stat>;
  lstat(pid: number, path: string): SysResult<Stat>;
  exists(pid: number, path: string): boolean;
  readdir(pid: number, path: string): SysResult<DirEntry[]>;
  readlink(pid: number, path: string): SysResult<string>;
  /** Canonical path with symlinks resolved (magic /proc links resolve to their target's path). */
  realpath(pid: number, path: string): SysResult<string>;
  /** open(O_RDONLY) + read to EOF + close. EFBIG past `maxBytes` (default 64 MiB). */
  readFile(pid: number, path: string, maxBytes?: number): Blocking<string>;
  /** open(O_WRONLY|O_CREAT|O_TRUNC, or O_APPEND) + write + close. */
  writeFile(pid: number, path: string, data: string, opts?: { append?: boolean; mode?: number }): Blocking<void>;
  mkdir(pid: number, path: string, mode?: number): SysResult<void>;
  rmdir(pid: number, path: string): SysResult<void>;
  unlink(pid: number, path: string): SysResult<void>;
  rename(pid: number, from: string, to: string): SysResult<void>;
  chmod(pid: number, path: string, mode: number): SysResult<void>;
}

const DEFAULT_MAX = 64 * 1024 * 1024;

export function makeVfsApi(k: Kernel): VfsApi {
  const sys = (pid: number) => syscallsFor(k, pid);
  return {
    stat: (pid, p) => sys(pid).stat(p),
    lstat: (pid, p) => sys(pid).lstat(p),
    exists: (pid, p) => sys(pid).lstat(p).ok,
    readdir: (pid, p) => sys(pid).readdir(p),
    readlink: (pid, p) => sys(pid).readlink(p),
    realpath: (pid, p) => {
      const t = k.proc(pid);
      if (!t) return fail('ESRCH');
      const r = lookup(k, t, p, true);
      return r.ok ? ok(r.value.path()) : r;
    },
    readFile: (pid, p, maxBytes = DEFAULT_MAX) => {
      const s = sys(pid);
      return chain(s.open(p, O_RDONLY), (o) => {
        if (!o.ok) return o;
        const st = s.fstat(o.value);
        if (st.ok && st.value.type === 'reg' && st.value.size > maxBytes) {
          s.close(o.value);
          return fail('EFBIG');
        }
        const parts: string[] = [];
        for (;;) {
          const r = s.read(o.value, 1 << 20);
          if (!r.ok) {
            s.close(o.value);
            return r;
          }
          if (r.value.length === 0) break;
          parts.push(r.value);
        }
        s.close(o.value);
        return ok(parts.join(''));
      });
    },
    writeFile: (pid, p, data, opts) => {
      const s = sys(pid);
      const flags = O_WRONLY | O_CREAT | (opts?.append ? O_APPEND : O_TRUNC);
      return chain(s.open(p, flags, opts?.mode ?? 0o666), (o) => {
        if (!o.ok) return o;
        return chain(s.write(o.value, data), (w) => {
          s.close(o.value);
          return w.ok ? OK_VOID : w;
        });
      });
    },
    mkdir: (pid, p, mode) => sys(pid).mkdir(p, mode),
    rmdir: (pid, p) => sys(pid).rmdir(p),
    unlink: (pid, p) => sys(pid).unlink(p),
    rename: (pid, a, b) => sys(pid).rename(a, b),
    chmod: (pid, p, mode) => sys(pid).chmod(p, mode),
  };
}
