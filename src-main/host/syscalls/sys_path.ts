// Path-based calls: stat/lstat/fstat, getdents (as a list), readlink, unlink, rename, mkdir,
// rmdir, chmod, chdir, getcwd. Namespace changes never break leases (reference §3.3: rm, mv keep
// the lease ACTIVE); unlinking a pinned file is fine — its blocks stay until the last pin goes.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { InodeType } from '../vfs/inode';
import { fail, ok, OK_VOID, type SysResult } from '../sim/result';
import { lookup, MAY_READ, permission, walk } from '../vfs/namei';
import * as ns from '../vfs/namespace';
import { fdFile, statOf, type Stat } from './common';

export interface DirEntry {
  name: string;
  type: InodeType;
  ino: number;
}

export function sysStat(k: Kernel, task: Process, path: string, follow = true): SysResult<Stat> {
  const r = lookup(k, task, path, follow);
  return r.ok ? ok(statOf(k, r.value)) : r;
}

export function sysFstat(k: Kernel, task: Process, fd: number): SysResult<Stat> {
  const f = fdFile(task, fd);
  return f.ok ? ok(statOf(k, f.value.inode)) : f;
}

export function sysReaddir(k: Kernel, task: Process, path: string): SysResult<DirEntry[]> {
  const r = lookup(k, task, path);
  if (!r.ok) return r;
  const dir = r.value;
  if (dir.type !== 'dir') return fail('ENOTDIR');
  if (!permission(task, dir, MAY_READ)) return fail('EACCES');
  if (dir.proc) {
    const out: DirEntry[] = [];
    for (const name of dir.proc.list?.(task) ?? []) {
      const node = dir.proc.lookup?.(name);
      if (node) out.push({ name, type: node.kind === 'dir' ? 'dir' : node.kind === 'link' ? 'lnk' : 'reg', ino: node.ino });
    }
    return ok(out);
  }
  return ok(
    [...dir.entries!].map(([name, inode]) => {
      const shown = inode.mounted?.root ?? inode;
      return { name, type: shown.type, ino: shown.ino };
    }),
  );
}

export function sysReadlink(k: Kernel, task: Process, path: string): SysResult<string> {
  const r = lookup(k, task, path, false);
  if (!r.ok) return r;
  const inode = r.value;
  if (inode.type !== 'lnk') return fail('EINVAL');
  return inode.proc?.link ? inode.proc.link(task) : ok(inode.target);
}

/** symlink(2): a new link at `path` whose content is `target`, resolved only when followed. */
export function sysSymlink(k: Kernel, task: Process, target: string, path: string): SysResult<void> {
  if (target === '' || path === '') return fail('ENOENT');
  const w = walk(k, task, path, false);
  if (!w.ok) return w;
  if (w.value.inode) return fail('EEXIST');
  const c = ns.create(k, task, w.value.dir, w.value.name, 'lnk', 0o777);
  if (!c.ok) return c;
  // A link's own mode is always 0777, whatever the umask.
  c.value.mode = 0o777;
  c.value.target = target;
  return OK_VOID;
}

export function sysUnlink(k: Kernel, task: Process, path: string): SysResult<void> {
  const w = walk(k, task, path, false);
  if (!w.ok) return w;
  if (!w.value.inode) return fail('ENOENT');
  return ns.unlink(k, task, w.value.dir, w.value.name, w.value.inode);
}

export function sysRmdir(k: Kernel, task: Process, path: string): SysResult<void> {
  const w = walk(k, task, path, false);
  if (!w.ok) return w;
  if (!w.value.inode) return fail('ENOENT');
  if (w.value.name === '.' || w.value.name === '..') return fail('EINVAL');
  return ns.rmdir(k, task, w.value.dir, w.value.name, w.value.inode);
}

export function sysMkdir(k: Kernel, task: Process, path: string, mode = 0o777): SysResult<void> {
  const w = walk(k, task, path.replace(/\/+$/, '') || '/', false);
  if (!w.ok) return w;
  if (w.value.inode) return fail('EEXIST');
  const c = ns.create(k, task, w.value.dir, w.value.name, 'dir', mode);
  return c.ok ? OK_VOID : c;
}

export function sysRename(k: Kernel, task: Process, from: string, to: string): SysResult<void> {
  const a = walk(k, task, from, false);
  if (!a.ok) return a;
  if (!a.value.inode) return fail('ENOENT');
  const b = walk(k, task, to, false);
  if (!b.ok) return b;
  return ns.rename(k, task, { dir: a.value.dir, name: a.value.name, inode: a.value.inode }, { dir: b.value.dir, name: b.value.name, inode: b.value.inode });
}

export function sysChmod(k: Kernel, task: Process, path: string, mode: number): SysResult<void> {
  const r = lookup(k, task, path);
  return r.ok ? ns.chmod(k, task, r.value, mode) : r;
}

export function sysChdir(k: Kernel, task: Process, path: string): SysResult<void> {
  const r = lookup(k, task, path);
  if (!r.ok) return r;
  if (r.value.type !== 'dir') return fail('ENOTDIR');
  if (!permission(task, r.value, 1)) return fail('EACCES');
  task.cwd = r.value;
  return OK_VOID;
}

export function sysGetcwd(_k: Kernel, task: Process): SysResult<string> {
  return ok(task.cwd.path());
}
