// Helpers for the per-policy tests: a host under one policy, the outcome of a call that may sleep,
// and the pieces of a registration done by hand (ODP, read-only, MAP_DIRECT).
import { abi, type Blocking, type HostOptions, type Syscalls } from '../../../../src-main/host/index';
import { boot, PAGE, proc, value, RW_ACCESS } from '../helpers';
import type { Host } from '../../../../src-main/host/index';

export function bootUnder(policy: string, opts: HostOptions = {}): ReturnType<typeof boot> {
  return boot({ ...opts, policy });
}

/** Follows a call: `done` and its result ('ok', an errno, or EINTR) as soon as it settles. */
export function track<T>(r: Blocking<T>): { done: boolean; result: string; wchan: string } {
  const s = { done: false, result: '', wchan: '' };
  if (r.ok || !r.pending) return { done: true, result: r.ok ? 'ok' : r.errno, wchan: '' };
  s.wchan = r.pending.wchan;
  r.pending.onSettle((x) => {
    s.done = true;
    s.result = x.ok ? 'ok' : x.errno;
  });
  return s;
}

export interface Reg {
  pid: number;
  sys: Syscalls;
  fd: number;
  ctx: number;
  pd: number;
  addr: number;
}

/** open + mmap (flags, prot) + ibv_open_device + ibv_alloc_pd, as a fresh child of the shell. */
export function prepare(host: Host, shell: number, path: string, pages: number, o: { flags?: number; prot?: number; open?: number } = {}): Reg {
  const { pid, sys } = proc(host, shell, ['rdma-server']);
  const fd = value(sys.open(path, o.open ?? abi.O_RDWR));
  const prot = o.prot ?? abi.PROT_READ | abi.PROT_WRITE;
  const addr = value(sys.mmap({ length: pages * PAGE, prot, flags: o.flags ?? abi.MAP_SHARED, fd }));
  const ctx = value(sys.ibv_open_device());
  const pd = value(sys.ibv_alloc_pd(ctx));
  return { pid, sys, fd, ctx, pd, addr };
}

export function reg(r: Reg, pages: number, access = RW_ACCESS): ReturnType<Syscalls['ibv_reg_mr']> {
  return r.sys.ibv_reg_mr(r.ctx, r.pd, r.addr, pages * PAGE, access);
}

export function eventsOf(host: Host, kind: string): ReturnType<Host['events']>[number][] {
  return host.events().filter((e) => e.kind === kind);
}
