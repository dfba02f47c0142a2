// Shared setup for the host tests: a booted host, a root shell and a way to run a scenario as a
// process, plus result helpers that fail loudly with the errno.
import { createHost, checkInvariants, abi, type Host, type HostOptions, type Blocking, type SysResult, type Syscalls } from '../../../src-main/host/index';
import { expect } from 'vitest';

export const PAGE = 4096;
export const LAYOUT_EXCLUSIVE = abi.F_RDLCK | abi.F_LAYOUT | abi.F_EXCLUSIVE;
export const RW_ACCESS = abi.IBV_ACCESS_LOCAL_WRITE | abi.IBV_ACCESS_REMOTE_WRITE | abi.IBV_ACCESS_REMOTE_READ;

export function boot(opts: HostOptions = {}): { host: Host; shell: number; root: Syscalls } {
  const host = createHost(opts);
  const { pid } = host.spawnShell();
  return { host, shell: pid, root: host.sys(pid) };
}

export function value<T>(r: Blocking<T> | SysResult<T>): T {
  if (!r.ok) throw new Error(r.pending ? `unexpected sleep in ${r.pending.wchan}` : `unexpected ${r.errno}`);
  return r.value;
}

export function errnoOf(r: Blocking<unknown>): string {
  if (r.ok) return 'ok';
  return r.pending ? `pending:${r.pending.wchan}` : r.errno;
}

/** A process (child of the shell) to act as; exits are the caller's business. */
export function proc(host: Host, shell: number, argv = ['app']): { pid: number; sys: Syscalls } {
  const pid = value(host.spawnChild(shell, argv));
  return { pid, sys: host.sys(pid) };
}

export interface Pinner {
  pid: number;
  sys: Syscalls;
  dataFd: number;
  ctxFd: number;
  pd: number;
  addr: number;
  mrs: number[];
}

/** The RFC's opt-in sequence: open, F_LAYOUT|F_EXCLUSIVE, mmap, ibv_reg_mr over `pages`. */
export function pinFile(host: Host, shell: number, path = '/mnt/pmem/foo', pages = 16, opts: { lease?: number | null; mrs?: number; access?: number } = {}): Pinner {
  const { pid, sys } = proc(host, shell, ['rdma-server']);
  const dataFd = value(sys.open(path, abi.O_RDWR));
  const lease = opts.lease === undefined ? LAYOUT_EXCLUSIVE : opts.lease;
  if (lease !== null) value(sys.fcntl(dataFd, abi.F_SETLEASE, lease));
  const addr = value(sys.mmap({ length: pages * PAGE, prot: abi.PROT_READ | abi.PROT_WRITE, flags: abi.MAP_SHARED, fd: dataFd }));
  const ctxFd = value(sys.ibv_open_device());
  const pd = value(sys.ibv_alloc_pd(ctxFd));
  const n = opts.mrs ?? 1;
  const per = pages / n;
  const mrs: number[] = [];
  for (let i = 0; i < n; i++) mrs.push(value(sys.ibv_reg_mr(ctxFd, pd, addr + i * per * PAGE, per * PAGE, opts.access ?? RW_ACCESS)).handle);
  return { pid, sys, dataFd, ctxFd, pd, addr, mrs };
}

export function read(host: Host, pid: number, path: string): string {
  return value(host.vfs.readFile(pid, path));
}

export function expectSane(host: Host): void {
  expect(checkInvariants(host)).toEqual([]);
}

export function kinds(host: Host, from = 0): string[] {
  return host.events().filter((e) => e.seq > from).map((e) => e.kind);
}
