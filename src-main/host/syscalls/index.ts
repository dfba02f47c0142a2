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
  path: ['stat', 'lstat', 'fstat', 'readdir', 'readlink', 'unlink', 'rename', 'mkdir', 'rmdir', 'chmod', 'chdir', 'getcwd', 'statfs', 'utimensat'],
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

// The facade is ~60 closures: a process keeps its own, so each host.sys() does not rebuild it.
const facades = new WeakMap<object, Syscalls>();

export function syscallsFor(k: Kernel, pid: number): Syscalls {
  const task = k.proc(pid);
  if (!task) return buildSyscalls(k, pid);
  let facade = facades.get(task);
  if (!facade) facades.set(task, (facade = buildSyscalls(k, pid)));
  return facade;
}

/** Binds the surface to `pid`. Calls made for a process that no longer runs fail with ESRCH. */
function buildSyscalls(k: Kernel, pid: number): Syscalls {
  function run<R>(f: (t: NonNullable<ReturnType<Kernel['proc']>>) => R): R | SysResult<never> {
    const t = k.proc(pid);
    if (!t || !t.alive) return fail('ESRCH');
    return f(t);
  }
  return {
    pid,
    open: (p, flags, mode) => run((t) => open.sysOpen(k, t, p, flags, mode)),
    openat: (dirfd, p, flags, mode) => run((t) => open.sysOpenat(k, t, dirfd, p, flags, mode)),
    close: (fd) => run((t) => open.sysClose(k, t, fd)),
    dup: (fd) => run((t) => open.sysDup(k, t, fd)),
    dup2: (fd, newfd) => run((t) => open.sysDup2(k, t, fd, newfd)),
    read: (fd, count) => run((t) => io.sysRead(k, t, fd, count)),
    pread: (fd, count, off) => run((t) => io.sysPread(k, t, fd, count, off)),
    write: (fd, data) => run((t) => io.sysWrite(k, t, fd, data)),
    pwrite: (fd, data, off) => run((t) => io.sysPwrite(k, t, fd, data, off)),
    lseek: (fd, off, whence) => run((t) => io.sysLseek(k, t, fd, off, whence)),
    stat: (p) => run((t) => path.sysStat(k, t, p, true)),
    lstat: (p) => run((t) => path.sysStat(k, t, p, false)),
    fstat: (fd) => run((t) => path.sysFstat(k, t, fd)),
    readdir: (p) => run((t) => path.sysReaddir(k, t, p)),
    readlink: (p) => run((t) => path.sysReadlink(k, t, p)),
    unlink: (p) => run((t) => path.sysUnlink(k, t, p)),
    rename: (a, b) => run((t) => path.sysRename(k, t, a, b)),
    mkdir: (p, mode) => run((t) => path.sysMkdir(k, t, p, mode)),
    rmdir: (p) => run((t) => path.sysRmdir(k, t, p)),
    chmod: (p, mode) => run((t) => path.sysChmod(k, t, p, mode)),
    chdir: (p) => run((t) => path.sysChdir(k, t, p)),
    getcwd: () => run((t) => path.sysGetcwd(k, t)),
    statfs: (p) => run((t) => statfs.sysStatfs(k, t, p)),
    utimensat: (p, a, m, follow) => run((t) => utimens.sysUtimensat(k, t, p, a, m, follow ?? true)),
    truncate: (p, len) => run((t) => layout.sysTruncate(k, t, p, len)),
    ftruncate: (fd, len) => run((t) => layout.sysFtruncate(k, t, fd, len)),
    fallocate: (fd, mode, off, len) => run((t) => layout.sysFallocate(k, t, fd, mode, off, len)),
    ficlone: (d, s) => run((t) => layout.sysFiclone(k, t, d, s)),
    fiemap: (fd) => run((t) => fiemap.sysFiemap(k, t, fd)),
    fork: () => run((t) => task.sysFork(k, t)),
    execve: (p, argv) => run((t) => task.sysExecve(k, t, p, argv)),
    exit: (code) => void run((t) => task.sysExit(k, t, code)),
    kill: (target, sig) => run((t) => task.sysKill(k, t, target, sig)),
    wait4: (target, o) => run((t) => task.sysWait4(k, t, target, o?.nohang ?? false)),
    sigaction: (sig, disp) => run((t) => task.sysSigaction(k, t, sig, disp)),
    getpid: () => pid,
    getppid: () => k.proc(pid)?.ppid ?? 0,
    mmap: (a) => run((t) => mmap.sysMmap(k, t, a)),
    munmap: (addr, len) => run((t) => mmap.sysMunmap(k, t, addr, len)),
    fcntl: (fd, cmd, arg) => run((t) => fcntl.sysFcntl(k, t, fd, cmd, arg)),
    socketpair: () => run((t) => sock.sysSocketpair(k, t)),
    sendmsg: (fd, msg) => run((t) => sock.sysSendmsg(k, t, fd, msg)),
    recvmsg: (fd) => run((t) => sock.sysRecvmsg(k, t, fd)),
    ibv_open_device: (name) => run((t) => rdma.sysIbvOpenDevice(k, t, name)),
    ibv_alloc_pd: (fd) => run((t) => rdma.sysIbvAllocPd(k, t, fd)),
    ibv_dealloc_pd: (fd, pd) => run((t) => rdma.sysIbvDeallocPd(k, t, fd, pd)),
    ibv_reg_mr: (fd, pd, addr, len, access) => run((t) => rdma.sysIbvRegMr(k, t, fd, pd, addr, len, access)),
    ibv_dereg_mr: (fd, mr) => run((t) => rdma.sysIbvDeregMr(k, t, fd, mr)),
    ibv_close_device: (fd) => run((t) => rdma.sysIbvCloseDevice(k, t, fd)),
    syslog: (type, len) => run((t) => sysSyslog(k, t, type, len ?? 0)),
  };
}
