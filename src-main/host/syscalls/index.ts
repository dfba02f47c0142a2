// The syscall surface of one process: every call validates, delegates to the owning object and
// returns a SysResult (or a Blocking result for calls that may sleep). Never throws for an errno.
import type { Kernel } from '../kernel';
import type { Signal } from '../abi/signals';
import type { Disposition } from '../task/process';
import { fail, type Blocking, type SysResult } from '../sim/result';
import type { Stat } from './common';
import * as open from './sys_open';
import * as io from './sys_io';
import * as path from './sys_path';
import * as layout from './sys_layout';
import * as task from './sys_task';
import * as mmap from './sys_mmap';
import * as fcntl from './sys_fcntl';
import * as sock from './sys_socket';
import * as rdma from './sys_rdma';
import { sysSyslog, type SyslogResult } from '../log/syslog';
import * as statfs from './sys_statfs';
import * as utimens from './sys_utimens';
import * as fiemap from './sys_fiemap';

export type { Stat } from './common';
export type { DirEntry } from './sys_path';
export type { MmapArgs } from './sys_mmap';
export type { Msg } from './sys_socket';
export type { MrInfo } from './sys_rdma';
export type { SyslogResult } from '../log/syslog';
export type { StatFs } from './sys_statfs';
export type { UtimeSpec } from './sys_utimens';
export type { FiemapExtent } from './sys_fiemap';

/** Supported syscalls by family (kernel.md §3), for `pinsim` help and the docs. */
export const SYSCALL_TABLE: Readonly<Record<string, readonly string[]>> = {
  file: ['open', 'openat', 'close', 'dup', 'dup2', 'read', 'pread', 'write', 'pwrite', 'lseek'],
  path: ['stat', 'lstat', 'fstat', 'readdir', 'readlink', 'symlink', 'unlink', 'rename', 'mkdir', 'rmdir', 'chmod', 'chdir', 'getcwd', 'statfs', 'utimensat'],
  layout: ['truncate', 'ftruncate', 'fallocate', 'ficlone', 'fiemap'],
  task: ['fork', 'execve', 'exit', 'kill', 'wait4', 'sigaction', 'getpid', 'getppid'],
  mm: ['mmap', 'munmap'],
  fcntl: ['fcntl'],
  socket: ['socketpair', 'sendmsg', 'recvmsg'],
  log: ['syslog'],
  verbs: ['ibv_open_device', 'ibv_alloc_pd', 'ibv_dealloc_pd', 'ibv_reg_mr', 'ibv_dereg_mr', 'ibv_close_device'],
};

export interface Syscalls {
  readonly pid: number;
  open(path: string, flags: number, mode?: number): Blocking<number>;
  openat(dirfd: number, path: string, flags: number, mode?: number): Blocking<number>;
  close(fd: number): Blocking<void>;
  dup(fd: number): SysResult<number>;
  dup2(fd: number, newfd: number): SysResult<number>;
  read(fd: number, count: number): SysResult<string>;
  pread(fd: number, count: number, offset: number): SysResult<string>;
  write(fd: number, data: string): Blocking<number>;
  pwrite(fd: number, data: string, offset: number): Blocking<number>;
  lseek(fd: number, offset: number, whence: number): SysResult<number>;

  stat(path: string): SysResult<Stat>;
  lstat(path: string): SysResult<Stat>;
  fstat(fd: number): SysResult<Stat>;
  readdir(path: string): SysResult<path.DirEntry[]>;
  readlink(path: string): SysResult<string>;
  symlink(target: string, path: string): SysResult<void>;
  unlink(path: string): SysResult<void>;
  rename(from: string, to: string): SysResult<void>;
  mkdir(path: string, mode?: number): SysResult<void>;
  rmdir(path: string): SysResult<void>;
  chmod(path: string, mode: number): SysResult<void>;
  chdir(path: string): SysResult<void>;
  getcwd(): SysResult<string>;
  statfs(path: string): SysResult<statfs.StatFs>;
  /** utimensat(AT_FDCWD, path, times, follow ? 0 : AT_SYMLINK_NOFOLLOW); times in wall-clock ns. */
  utimensat(path: string, atime: utimens.UtimeSpec, mtime: utimens.UtimeSpec, follow?: boolean): SysResult<void>;

  truncate(path: string, length: number): Blocking<void>;
  ftruncate(fd: number, length: number): Blocking<void>;
  fallocate(fd: number, mode: number, offset: number, length: number): Blocking<void>;
  /** ioctl(destFd, FICLONE, srcFd) */
  ficlone(destFd: number, srcFd: number): Blocking<void>;
  /** ioctl(fd, FS_IOC_FIEMAP): the file's extents in bytes. */
  fiemap(fd: number): SysResult<fiemap.FiemapExtent[]>;

  fork(): SysResult<number>;
  execve(path: string, argv: string[]): SysResult<void>;
  exit(code: number): void;
  kill(pid: number, sig: Signal | 0): SysResult<void>;
  wait4(pid: number, options?: { nohang?: boolean }): Blocking<{ pid: number; status: number } | null>;
  sigaction(sig: Signal, disposition: Disposition): SysResult<void>;
  getpid(): number;
  getppid(): number;

  mmap(args: mmap.MmapArgs): SysResult<number>;
  munmap(addr: number, length: number): SysResult<void>;
  fcntl(fd: number, cmd: number, arg?: number): SysResult<number>;

  socketpair(): SysResult<[number, number]>;
  sendmsg(fd: number, msg: sock.Msg): SysResult<number>;
  recvmsg(fd: number): SysResult<{ data: string; fds: number[] }>;

  ibv_open_device(name?: string): SysResult<number>;
  ibv_alloc_pd(ctxFd: number): SysResult<number>;
  ibv_dealloc_pd(ctxFd: number, pd: number): SysResult<void>;
  ibv_reg_mr(ctxFd: number, pd: number, addr: number, length: number, access: number): SysResult<rdma.MrInfo>;
  ibv_dereg_mr(ctxFd: number, mr: number): SysResult<void>;
  ibv_close_device(ctxFd: number): Blocking<void>;

  /** syslog(2) (klogctl): read or clear the kernel log; `len` is the caller's buffer size. */
  syslog(type: number, len?: number): SysResult<SyslogResult>;
}

/** What a process's syscall object holds: the kernel and the pid it is bound to. */
interface Bound {
  readonly k: Kernel;
  readonly pid: number;
  run<R>(f: (t: NonNullable<ReturnType<Kernel['proc']>>) => R): R | SysResult<never>;
}

/**
 * The surface's methods, shared by every process on the prototype: a process's syscall object is
 * then two fields, not sixty closures (which cost ~16 KB a process at 10,000 processes).
 */
const METHODS: Omit<Syscalls, 'pid'> & ThisType<Bound> = {
  open(p, flags, mode) {
    return this.run((t) => open.sysOpen(this.k, t, p, flags, mode));
  },
  openat(dirfd, p, flags, mode) {
    return this.run((t) => open.sysOpenat(this.k, t, dirfd, p, flags, mode));
  },
  close(fd) {
    return this.run((t) => open.sysClose(this.k, t, fd));
  },
  dup(fd) {
    return this.run((t) => open.sysDup(this.k, t, fd));
  },
  dup2(fd, newfd) {
    return this.run((t) => open.sysDup2(this.k, t, fd, newfd));
  },
  read(fd, count) {
    return this.run((t) => io.sysRead(this.k, t, fd, count));
  },
  pread(fd, count, off) {
    return this.run((t) => io.sysPread(this.k, t, fd, count, off));
  },
  write(fd, data) {
    return this.run((t) => io.sysWrite(this.k, t, fd, data));
  },
  pwrite(fd, data, off) {
    return this.run((t) => io.sysPwrite(this.k, t, fd, data, off));
  },
  lseek(fd, off, whence) {
    return this.run((t) => io.sysLseek(this.k, t, fd, off, whence));
  },
  stat(p) {
    return this.run((t) => path.sysStat(this.k, t, p, true));
  },
  lstat(p) {
    return this.run((t) => path.sysStat(this.k, t, p, false));
  },
  fstat(fd) {
    return this.run((t) => path.sysFstat(this.k, t, fd));
  },
  readdir(p) {
    return this.run((t) => path.sysReaddir(this.k, t, p));
  },
  readlink(p) {
    return this.run((t) => path.sysReadlink(this.k, t, p));
  },
  symlink(target, p) {
    return this.run((t) => path.sysSymlink(this.k, t, target, p));
  },
  unlink(p) {
    return this.run((t) => path.sysUnlink(this.k, t, p));
  },
  rename(a, b) {
    return this.run((t) => path.sysRename(this.k, t, a, b));
  },
  mkdir(p, mode) {
    return this.run((t) => path.sysMkdir(this.k, t, p, mode));
  },
  rmdir(p) {
    return this.run((t) => path.sysRmdir(this.k, t, p));
  },
  chmod(p, mode) {
    return this.run((t) => path.sysChmod(this.k, t, p, mode));
  },
  chdir(p) {
    return this.run((t) => path.sysChdir(this.k, t, p));
  },
  getcwd() {
    return this.run((t) => path.sysGetcwd(this.k, t));
  },
  statfs(p) {
    return this.run((t) => statfs.sysStatfs(this.k, t, p));
  },
  utimensat(p, a, m, follow) {
    return this.run((t) => utimens.sysUtimensat(this.k, t, p, a, m, follow ?? true));
  },
  truncate(p, len) {
    return this.run((t) => layout.sysTruncate(this.k, t, p, len));
  },
  ftruncate(fd, len) {
    return this.run((t) => layout.sysFtruncate(this.k, t, fd, len));
  },
  fallocate(fd, mode, off, len) {
    return this.run((t) => layout.sysFallocate(this.k, t, fd, mode, off, len));
  },
  ficlone(d, s) {
    return this.run((t) => layout.sysFiclone(this.k, t, d, s));
  },
  fiemap(fd) {
    return this.run((t) => fiemap.sysFiemap(this.k, t, fd));
  },
  fork() {
    return this.run((t) => task.sysFork(this.k, t));
  },
  execve(p, argv) {
    return this.run((t) => task.sysExecve(this.k, t, p, argv));
  },
  exit(code) {
    this.run((t) => task.sysExit(this.k, t, code));
  },
  kill(target, sig) {
    return this.run((t) => task.sysKill(this.k, t, target, sig));
  },
  wait4(target, o) {
    return this.run((t) => task.sysWait4(this.k, t, target, o?.nohang ?? false));
  },
  sigaction(sig, disp) {
    return this.run((t) => task.sysSigaction(this.k, t, sig, disp));
  },
  getpid() {
    return this.pid;
  },
  getppid() {
    return this.k.proc(this.pid)?.ppid ?? 0;
  },
  mmap(a) {
    return this.run((t) => mmap.sysMmap(this.k, t, a));
  },
  munmap(addr, len) {
    return this.run((t) => mmap.sysMunmap(this.k, t, addr, len));
  },
  fcntl(fd, cmd, arg) {
    return this.run((t) => fcntl.sysFcntl(this.k, t, fd, cmd, arg));
  },
  socketpair() {
    return this.run((t) => sock.sysSocketpair(this.k, t));
  },
  sendmsg(fd, msg) {
    return this.run((t) => sock.sysSendmsg(this.k, t, fd, msg));
  },
  recvmsg(fd) {
    return this.run((t) => sock.sysRecvmsg(this.k, t, fd));
  },
  ibv_open_device(name) {
    return this.run((t) => rdma.sysIbvOpenDevice(this.k, t, name));
  },
  ibv_alloc_pd(fd) {
    return this.run((t) => rdma.sysIbvAllocPd(this.k, t, fd));
  },
  ibv_dealloc_pd(fd, pd) {
    return this.run((t) => rdma.sysIbvDeallocPd(this.k, t, fd, pd));
  },
  ibv_reg_mr(fd, pd, addr, len, access) {
    return this.run((t) => rdma.sysIbvRegMr(this.k, t, fd, pd, addr, len, access));
  },
  ibv_dereg_mr(fd, mr) {
    return this.run((t) => rdma.sysIbvDeregMr(this.k, t, fd, mr));
  },
  ibv_close_device(fd) {
    return this.run((t) => rdma.sysIbvCloseDevice(this.k, t, fd));
  },
  syslog(type, len) {
    return this.run((t) => sysSyslog(this.k, t, type, len ?? 0));
  },
};

const PROTO = Object.assign(Object.create(null) as object, METHODS, {
  run<R>(this: Bound, f: (t: NonNullable<ReturnType<Kernel['proc']>>) => R): R | SysResult<never> {
    const t = this.k.proc(this.pid);
    if (!t || !t.alive) return fail('ESRCH');
    return f(t);
  },
});

/** Binds the surface to `pid`. Calls made for a process that no longer runs fail with ESRCH. */
export function syscallsFor(k: Kernel, pid: number): Syscalls {
  const bound = Object.create(PROTO) as Bound & Syscalls;
  (bound as { k: Kernel }).k = k;
  (bound as { pid: number }).pid = pid;
  return bound;
}
