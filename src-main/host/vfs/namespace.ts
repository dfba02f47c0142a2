// Namespace operations on directories: create, mkdir, rmdir, unlink, rename, chmod, and inode
// eviction once the last link and the last reference are gone (iput → evict).
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import { Inode, type DeviceKind, type InodeType, type SuperBlock } from './inode';
import { fail, ok, OK_VOID, type SysResult } from '../sim/result';
import { MAY_EXEC, MAY_WRITE, permission } from './namei';
import { BlockAllocator } from './allocator';
import { S_ISVTX } from '../abi/fcntl';

export interface SuperSpec {
  fstype: SuperBlock['fstype'];
  major: number;
  minor: number;
  source: string;
  dax?: boolean;
  reflink?: boolean;
  options: string;
  /** Capacity in 4 KiB blocks (none for pseudo filesystems). */
  blocks?: number;
  rootIno: number;
  firstIno: number;
}

export function makeSuper(k: Kernel, spec: SuperSpec): SuperBlock {
  const sb: SuperBlock = {
    id: k.supers.length + 1,
    fstype: spec.fstype,
    major: spec.major,
    minor: spec.minor,
    source: spec.source,
    dax: spec.dax ?? false,
    reflink: spec.reflink ?? false,
    options: spec.options,
    allocator: spec.blocks ? new BlockAllocator(64, spec.blocks - 64) : null,
    nextIno: spec.firstIno,
    root: null,
    mountpoint: '',
    coveredInode: null,
  };
  sb.root = new Inode(sb, spec.rootIno, 'dir', 0o755, 0, 0, k.clock.now());
  k.supers.push(sb);
  return sb;
}

/** Mounts `sb` over the directory `on` (null: as the root filesystem). */
export function mount(k: Kernel, sb: SuperBlock, on: Inode | null, mountpoint: string): void {
  sb.mountpoint = mountpoint;
  sb.coveredInode = on;
  if (on) on.mounted = sb;
  else k.root = sb.root!;
}

/** d_alloc + the filesystem's create: no permission checks (callers check). */
export function addInode(
  k: Kernel,
  dir: Inode,
  name: string,
  type: InodeType,
  mode: number,
  uid: number,
  gid: number,
  device: { kind: DeviceKind; major: number; minor: number } | null = null,
): Inode {
  const inode = new Inode(dir.sb, dir.sb.nextIno++, type, mode, uid, gid, k.clock.now(), device);
  inode.parent = dir;
  inode.name = name;
  dir.entries!.set(name, inode);
  if (type === 'dir') dir.nlink++;
  dir.mtime = dir.ctime = k.clock.now();
  k.emit('inode.create', { path: inode.path(), dev: inode.devHex, ino: inode.ino, type });
  return inode;
}

function mayModifyDir(task: Process, dir: Inode): SysResult<void> {
  if (dir.proc || dir.sb.fstype === 'proc') return fail('EACCES');
  if (!permission(task, dir, MAY_WRITE | MAY_EXEC)) return fail('EACCES');
  return OK_VOID;
}

/** The sticky bit (/tmp): only the owner of the file or of the directory may remove it. */
function stickyDenies(task: Process, dir: Inode, victim: Inode): boolean {
  return (dir.mode & S_ISVTX) !== 0 && task.uid !== 0 && task.uid !== victim.uid && task.uid !== dir.uid;
}

export function create(k: Kernel, task: Process, dir: Inode, name: string, type: InodeType, mode: number): SysResult<Inode> {
  const may = mayModifyDir(task, dir);
  if (!may.ok) return may;
  if (dir.entries!.has(name)) return fail('EEXIST');
  return ok(addInode(k, dir, name, type, mode & ~task.umask & 0o7777, task.uid, task.gid));
}

export function unlink(k: Kernel, task: Process, dir: Inode, name: string, victim: Inode): SysResult<void> {
  if (victim.type === 'dir') return fail('EISDIR');
  const may = mayModifyDir(task, dir);
  if (!may.ok) return may;
  if (stickyDenies(task, dir, victim)) return fail('EPERM');
  const path = victim.path();
  dir.entries!.delete(name);
  victim.nlink--;
  victim.ctime = dir.mtime = k.clock.now();
  k.emit('inode.unlink', { path, ino: victim.ino });
  maybeEvict(k, victim);
  return OK_VOID;
}

export function rmdir(k: Kernel, task: Process, dir: Inode, name: string, victim: Inode): SysResult<void> {
  if (victim.type !== 'dir') return fail('ENOTDIR');
  if (victim === k.root || victim.sb.root === victim) return fail('EBUSY');
  const may = mayModifyDir(task, dir);
  if (!may.ok) return may;
  if (victim.entries!.size > 0) return fail('ENOTEMPTY');
  if (stickyDenies(task, dir, victim)) return fail('EPERM');
  const path = victim.path();
  dir.entries!.delete(name);
  dir.nlink--;
  victim.nlink = 0;
  k.emit('inode.unlink', { path, ino: victim.ino });
  return OK_VOID;
}

export function rename(k: Kernel, task: Process, from: { dir: Inode; name: string; inode: Inode }, to: { dir: Inode; name: string; inode: Inode | null }): SysResult<void> {
  if (from.dir.sb !== to.dir.sb) return fail('EXDEV');
  const a = mayModifyDir(task, from.dir);
  if (!a.ok) return a;
  const b = mayModifyDir(task, to.dir);
  if (!b.ok) return b;
  if (stickyDenies(task, from.dir, from.inode)) return fail('EPERM');
  if (from.inode === to.inode) return OK_VOID;
  for (let d: Inode | null = to.dir; d; d = d.parent) if (d === from.inode) return fail('EINVAL');
  if (to.inode) {
    if (to.inode.type === 'dir' && from.inode.type !== 'dir') return fail('EISDIR');
    if (to.inode.type !== 'dir' && from.inode.type === 'dir') return fail('ENOTDIR');
    if (to.inode.type === 'dir' && to.inode.entries!.size > 0) return fail('ENOTEMPTY');
    if (stickyDenies(task, to.dir, to.inode)) return fail('EPERM');
  }
  const fromPath = from.inode.path();
  const victim = to.inode;
  from.dir.entries!.delete(from.name);
  to.dir.entries!.set(to.name, from.inode);
  if (from.inode.type === 'dir' && from.dir !== to.dir) {
    from.dir.nlink--;
    to.dir.nlink++;
  }
  from.inode.parent = to.dir;
  from.inode.name = to.name;
  from.inode.ctime = k.clock.now();
  if (victim) {
    victim.nlink = victim.type === 'dir' ? 0 : victim.nlink - 1;
    if (victim.type === 'dir') to.dir.nlink--;
  }
  k.emit('inode.rename', { from: fromPath, to: from.inode.path(), ino: from.inode.ino });
  if (victim) maybeEvict(k, victim);
  return OK_VOID;
}

export function chmod(k: Kernel, task: Process, inode: Inode, mode: number): SysResult<void> {
  if (inode.proc) return fail('EPERM');
  if (task.uid !== 0 && task.uid !== inode.uid) return fail('EPERM');
  inode.mode = mode & 0o7777;
  inode.ctime = k.clock.now();
  k.emit('inode.chmod', { path: inode.path(), mode: inode.mode });
  return OK_VOID;
}

/** iput(): frees a regular file's blocks once nothing links or references it. */
export function maybeEvict(k: Kernel, inode: Inode): void {
  if (inode.inUse || inode.evicted || inode.type !== 'reg') return;
  inode.evicted = true;
  const path = inode.path();
  const blocks = inode.sb.allocator ? inode.blocks.clear(inode.sb.allocator) : 0;
  inode.data = '';
  k.emit('inode.evict', { path, ino: inode.ino, blocks });
}
