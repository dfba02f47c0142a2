// libibverbs entry points as syscalls on a uverbs context fd: ibv_open_device, ibv_alloc_pd,
// ibv_dealloc_pd, ibv_reg_mr (IBV_ACCESS_ON_DEMAND for ODP), ibv_dereg_mr, ibv_close_device.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { UverbsContext } from '../rdma/uverbs';
import { fail, ok, OK_VOID, type Blocking, type SysResult } from '../sim/result';
import { O_CLOEXEC, O_RDWR } from '../abi/fcntl';
import { fdFile } from './common';
import { sysClose, sysOpen } from './sys_open';
import { allocPd, deregMr, regMr } from '../rdma/verbs';
import { assert } from '../sim/assert';

export const UVERBS_PATH = '/dev/infiniband/uverbs0';

function ctxOf(task: Process, fd: number): SysResult<UverbsContext> {
  const f = fdFile(task, fd);
  if (!f.ok) return f;
  return f.value.uverbs ? ok(f.value.uverbs) : fail('EINVAL');
}

/** Opens the HCA's uverbs device; the returned fd *is* the context (its open file owns the pins). */
export function sysIbvOpenDevice(k: Kernel, task: Process, device = k.rdma.device): SysResult<number> {
  if (device !== k.rdma.device) return fail('ENODEV');
  const r = sysOpen(k, task, UVERBS_PATH, O_RDWR | O_CLOEXEC);
  assert(r.ok || !r.pending, 'open of a char device cannot block');
  return r as SysResult<number>;
}

export function sysIbvAllocPd(k: Kernel, task: Process, ctxFd: number): SysResult<number> {
  const c = ctxOf(task, ctxFd);
  return c.ok ? ok(allocPd(k, c.value).handle) : c;
}

export function sysIbvDeallocPd(_k: Kernel, task: Process, ctxFd: number, pd: number): SysResult<void> {
  const c = ctxOf(task, ctxFd);
  if (!c.ok) return c;
  const p = c.value.pds.get(pd);
  if (!p) return fail('EINVAL');
  if ([...c.value.mrs.values()].some((m) => m.pd === p)) return fail('EBUSY');
  c.value.pds.delete(pd);
  return OK_VOID;
}

export interface MrInfo {
  /** Handle to pass to ibv_dereg_mr on this context. */
  handle: number;
  /** Global MR number (`mrn` in `rdma resource show mr`). */
  mrn: number;
  lkey: number;
  rkey: number;
}

export function sysIbvRegMr(k: Kernel, task: Process, ctxFd: number, pd: number, addr: number, length: number, access: number): SysResult<MrInfo> {
  const c = ctxOf(task, ctxFd);
  if (!c.ok) return c;
  const p = c.value.pds.get(pd);
  if (!p) return fail('EINVAL');
  const r = regMr(k, task, c.value, p, { addr, length, access });
  return r.ok ? ok({ handle: r.value.handle, mrn: r.value.id, lkey: r.value.lkey, rkey: r.value.rkey }) : r;
}

export function sysIbvDeregMr(k: Kernel, task: Process, ctxFd: number, mr: number): SysResult<void> {
  const c = ctxOf(task, ctxFd);
  if (!c.ok) return c;
  const m = c.value.mrs.get(mr);
  if (!m) return fail('EINVAL');
  deregMr(k, m, 'dereg');
  return OK_VOID;
}

export function sysIbvCloseDevice(k: Kernel, task: Process, ctxFd: number): Blocking<void> {
  const c = ctxOf(task, ctxFd);
  if (!c.ok) return c;
  return sysClose(k, task, ctxFd);
}
