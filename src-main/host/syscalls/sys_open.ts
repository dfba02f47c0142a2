// open/openat/close/dup/dup2 (fs/open.c, fs/file.c): path walk, create, permission, lease break
// on conflicting opens, O_TRUNC through the layout path, and the policy's say on a last close.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { Inode } from '../vfs/inode';
import { fail, ok, OK_VOID, type Blocking, type SysResult } from '../sim/result';
import { AT_FDCWD, canRead, canWrite, O_CLOEXEC, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_NONBLOCK, O_TRUNC, O_ACCMODE, O_APPEND } from '../abi/fcntl';
import { MAY_READ, MAY_WRITE, permission, walk } from '../vfs/namei';
import { create } from '../vfs/namespace';
import { closeFd, installFd, newFile } from '../fd/lifecycle';
import { breakLeases } from '../lease/break';
import { layoutAttempt, TO_EOF } from '../vfs/layout';
import { setSize } from '../vfs/fileops';
import { createContext } from '../rdma/verbs';
import { fdFile } from './common';
import type { Attempt } from '../task/wait';

const OPEN_STACK = ['__break_lease+0x58e/0x6e0', 'do_dentry_open+0x17e/0x430', 'vfs_open+0x2c/0x100', 'path_openat+0x7fe/0x12d0', 'do_filp_open+0xc3/0x180', 'do_sys_openat2+0x6e/0xd0', '__x64_sys_openat+0x5d/0xa0', 'do_syscall_64+0x5b/0x1d0', 'entry_SYSCALL_64_after_hwframe+0x44/0xa9'];

function resolveForOpen(k: Kernel, task: Process, dirfd: number, path: string, flags: number, mode: number): SysResult<{ inode: Inode; created: boolean }> {
  let base: Inode | undefined;
  if (!path.startsWith('/') && dirfd !== AT_FDCWD) {
    const d = fdFile(task, dirfd);
    if (!d.ok) return d;
    if (d.value.inode.type !== 'dir') return fail('ENOTDIR');
    base = d.value.inode;
  }
  const w = walk(k, task, path, (flags & O_NOFOLLOW) === 0, 0, base);
  if (!w.ok) return w;
  const { inode, dir, name } = w.value;
  if (!inode) {
    if (!(flags & O_CREAT)) return fail('ENOENT');
    if (path.endsWith('/')) return fail('EISDIR');
    const c = create(k, task, dir, name, 'reg', mode);
    return c.ok ? ok({ inode: c.value, created: true }) : c;
  }
  if ((flags & O_CREAT) && (flags & O_EXCL)) return fail('EEXIST');
  if (inode.type === 'lnk') return fail('ELOOP');
  return ok({ inode, created: false });
}

/** may_open(): type and permission checks on an existing inode. */
function mayOpen(task: Process, inode: Inode, flags: number, created: boolean): SysResult<void> {
  const acc = flags & O_ACCMODE;
  if (acc === O_ACCMODE) return fail('EINVAL');
  if (inode.type === 'dir' && (canWrite(flags) || flags & O_CREAT)) return fail('EISDIR');
  if (flags & O_DIRECTORY && inode.type !== 'dir') return fail('ENOTDIR');
  if (inode.type === 'sock') return fail('ENXIO');
  if (created) return OK_VOID;
  let mask = 0;
  if (canRead(flags)) mask |= MAY_READ;
  if (canWrite(flags) || flags & O_TRUNC) mask |= MAY_WRITE;
  if (!permission(task, inode, mask)) return fail('EACCES');
  if (inode.proc && canWrite(flags) && !inode.proc.write) return fail('EACCES');
  return OK_VOID;
}

export function sysOpenat(k: Kernel, task: Process, dirfd: number, path: string, flags: number, mode = 0o666): Blocking<number> {
  const r = resolveForOpen(k, task, dirfd, path, flags, mode);
  if (!r.ok) return r;
  const { inode, created } = r.value;
  const may = mayOpen(task, inode, flags, created);
  if (!may.ok) return may;
  const token = k.nextId('breaker');
  const truncating = !created && (flags & O_TRUNC) !== 0 && inode.type === 'reg' && !inode.proc && canWrite(flags);
  const attempt = (): Attempt<number> => {
    if (inode.type === 'reg' && !inode.proc) {
      // do_dentry_open → break_lease(): writers break every lease, readers break write leases.
      const b = breakLeases(k, { task, inode, write: canWrite(flags), layout: false, nonblock: (flags & O_NONBLOCK) !== 0, stack: OPEN_STACK }, token);
      if ('errno' in b) return { done: fail(b.errno) };
      if ('block' in b) return b;
    }
    if (truncating) {
      const t = layoutAttempt(k, task, inode, { op: 'truncate', first: 0, last: TO_EOF, offset: 0, length: inode.size, breakClassic: false, apply: () => setSize(inode, 0) }, token);
      if ('block' in t) return t;
      if (!t.done.ok) return { done: t.done };
    }
    return { done: finishOpen(k, task, inode, flags) };
  };
  return k.waits.run(task, 'openat', attempt);
}

function finishOpen(k: Kernel, task: Process, inode: Inode, flags: number): SysResult<number> {
  const fd = task.fds.lowestFree();
  if (fd < 0) return fail('EMFILE');
  let procText: string | null = null;
  if (inode.proc?.read && canRead(flags)) {
    const gen = inode.proc.read(task);
    if (!gen.ok) return gen;
    procText = gen.value;
  }
  const file = newFile(k, inode, flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC | O_NOFOLLOW));
  file.procText = procText;
  file.procFresh = procText !== null;
  if (inode.proc?.read) {
    const node = inode.proc;
    file.procGenerate = () => {
      const g = node.read!(task);
      return g.ok ? g.value : '';
    };
  }
  if (flags & O_APPEND) file.pos = inode.size;
  installFd(task, fd, file, (flags & O_CLOEXEC) !== 0);
  inode.atime = k.clock.now();
  k.emit('fd.open', { pid: task.pid, fd, file: file.id, path: file.path(), flags: file.flags });
  if (inode.device?.kind === 'uverbs') createContext(k, task, fd, file);
  return ok(fd);
}

export function sysOpen(k: Kernel, task: Process, path: string, flags: number, mode = 0o666): Blocking<number> {
  return sysOpenat(k, task, AT_FDCWD, path, flags, mode);
}

const CLOSE_STACK = ['locks_remove_lease+0x4e/0x90', 'locks_remove_file+0x12a/0x1a0', '__fput+0xb2/0x250', 'task_work_run+0x8a/0xb0', 'exit_to_usermode_loop+0xeb/0xf0', 'do_syscall_64+0x1a0/0x1d0', 'entry_SYSCALL_64_after_hwframe+0x44/0xa9'];

/** close(): the policy may make the last close of a leased file with pins wait (close-blocks). */
export function sysClose(k: Kernel, task: Process, fd: number): Blocking<void> {
  const f = fdFile(task, fd);
  if (!f.ok) return f;
  const file = f.value;
  if (file.refs.fd !== 1 || file.leases.length === 0) {
    closeFd(k, task, fd);
    return OK_VOID;
  }
  return k.waits.run(task, 'close', () => {
    if (!task.fds.get(fd)) return { done: fail('EBADF') };
    const verdict = k.policy.lastClose({ task, file, fatal: task.exiting });
    if (verdict.action === 'wait') return { block: { key: `inode:${file.inode.sb.id}:${file.inode.ino}`, wchan: verdict.wchan, stack: CLOSE_STACK } };
    closeFd(k, task, fd);
    return { done: OK_VOID };
  });
}

export function sysDup(k: Kernel, task: Process, fd: number, min = 0, cloexec = false): SysResult<number> {
  const f = fdFile(task, fd);
  if (!f.ok) return f;
  const newfd = task.fds.lowestFree(min);
  if (newfd < 0) return fail('EMFILE');
  installFd(task, newfd, f.value, cloexec);
  k.emit('fd.dup', { pid: task.pid, fd, newfd, file: f.value.id });
  return ok(newfd);
}

/** dup2(): closes `newfd` first if open (never blocking: dup2 ignores close errors). */
export function sysDup2(k: Kernel, task: Process, fd: number, newfd: number): SysResult<number> {
  const f = fdFile(task, fd);
  if (!f.ok) return f;
  if (!Number.isInteger(newfd) || newfd < 0 || newfd >= 1024) return fail('EBADF');
  if (fd === newfd) return ok(newfd);
  if (task.fds.get(newfd)) closeFd(k, task, newfd);
  installFd(task, newfd, f.value, false);
  k.emit('fd.dup', { pid: task.pid, fd, newfd, file: f.value.id });
  return ok(newfd);
}

