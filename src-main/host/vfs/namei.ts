// Path walk (fs/namei.c): components, `..`, mount crossing, symlinks (40 at most), procfs lookups,
// and the permission checks of generic_permission().
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import { Inode } from './inode';
import { fail, ok, type SysResult } from '../sim/result';
import type { ProcNode } from '../procfs/node';

const MAX_SYMLINKS = 40;
export const MAY_READ = 4;
export const MAY_WRITE = 2;
export const MAY_EXEC = 1;

/** generic_permission(): owner, group or other bits; root may do anything but exec a non-executable. */
export function permission(task: Process, inode: Inode, mask: number): boolean {
  if (task.uid === 0) {
    if (mask & MAY_EXEC && inode.type !== 'dir') return (inode.mode & 0o111) !== 0;
    return true;
  }
  let bits = inode.mode & 0o7;
  if (task.uid === inode.uid) bits = (inode.mode >> 6) & 0o7;
  else if (task.gid === inode.gid) bits = (inode.mode >> 3) & 0o7;
  return (bits & mask) === mask;
}

/** The directory above `dir`, crossing back over a mount point. */
function parentOf(k: Kernel, dir: Inode): Inode {
  let d = dir;
  while (!d.parent && d.sb.coveredInode) d = d.sb.coveredInode;
  return d.parent ?? k.root;
}

/** The procfs inode for a node, made once per inode number. */
export function procInode(k: Kernel, node: ProcNode, parent: Inode, name: string): Inode {
  // pids are never reused, so a cached inode's node still describes the same object.
  let inode = k.procInodes.get(node.ino);
  if (!inode) {
    const type = node.kind === 'dir' ? 'dir' : node.kind === 'link' ? 'lnk' : 'reg';
    inode = new Inode(parent.sb, node.ino, type, node.mode, node.uid, node.gid, k.clock.now());
    inode.proc = node;
    inode.parent = parent;
    inode.name = name;
    k.procInodes.set(node.ino, inode);
  } else if (node.kind === 'link') {
    // tid_fd_revalidate(): an fd link's mode follows the file now open at that number.
    inode.mode = node.mode;
  }
  return inode;
}

function child(k: Kernel, dir: Inode, name: string): Inode | null {
  if (dir.proc) {
    const node = dir.proc.lookup?.(name);
    return node ? procInode(k, node, dir, name) : null;
  }
  let c = dir.entries?.get(name) ?? null;
  while (c?.mounted?.root) c = c.mounted.root;
  return c;
}

export interface Walked {
  inode: Inode | null;
  /** The directory holding the last component (for create, unlink, rename). */
  dir: Inode;
  name: string;
}

/**
 * Walks `path` from the task's cwd (or `/`). The last component may be missing (`inode` null) so
 * that callers can create it; a missing middle component is ENOENT.
 */
export function walk(k: Kernel, task: Process, path: string, follow: boolean, depth = 0, base?: Inode): SysResult<Walked> {
  if (path === '') return fail('ENOENT');
  if (path.length > 4095) return fail('ENAMETOOLONG');
  let cur = path.startsWith('/') ? k.root : (base ?? task.cwd);
  const comps = path.split('/').filter((c) => c !== '' && c !== '.');
  if (comps.length === 0) return ok({ inode: cur, dir: parentOf(k, cur), name: '/' });
  for (let i = 0; i < comps.length; i++) {
    const name = comps[i]!;
    const last = i === comps.length - 1;
    if (name.length > 255) return fail('ENAMETOOLONG');
    if (cur.type !== 'dir') return fail('ENOTDIR');
    if (!permission(task, cur, MAY_EXEC)) return fail('EACCES');
    if (name === '..') {
      const up = parentOf(k, cur);
      if (last) return ok({ inode: up, dir: parentOf(k, up), name: '..' });
      cur = up;
      continue;
    }
    const next = child(k, cur, name);
    if (!next) return last ? ok({ inode: null, dir: cur, name }) : fail('ENOENT');
    if (next.type === 'lnk' && (!last || follow)) {
      if (depth >= MAX_SYMLINKS) return fail('ELOOP');
      const target = followLink(k, task, next, cur, depth);
      if (!target.ok) return target;
      if (last) return ok({ inode: target.value, dir: cur, name });
      cur = target.value;
      continue;
    }
    if (last) return ok({ inode: next, dir: cur, name });
    cur = next;
  }
  throw new Error('unreachable');
}

function followLink(k: Kernel, task: Process, link: Inode, dir: Inode, depth: number): SysResult<Inode> {
  if (link.proc?.follow) return link.proc.follow(task);
  const text = link.proc?.link ? link.proc.link(task) : ok(link.target);
  if (!text.ok) return text;
  const base = text.value.startsWith('/') ? text.value : `${dir.path()}/${text.value}`;
  const r = walk(k, task, base, true, depth + 1);
  if (!r.ok) return r;
  return r.value.inode ? ok(r.value.inode) : fail('ENOENT');
}

/** Resolves an existing path. */
export function lookup(k: Kernel, task: Process, path: string, follow = true): SysResult<Inode> {
  const r = walk(k, task, path, follow);
  if (!r.ok) return r;
  return r.value.inode ? ok(r.value.inode) : fail('ENOENT');
}

/** Canonical absolute form of a path, for messages. */
export function absolute(task: Process, path: string): string {
  if (path.startsWith('/')) return path;
  const cwd = task.cwd.path();
  return cwd === '/' ? `/${path}` : `${cwd}/${path}`;
}
