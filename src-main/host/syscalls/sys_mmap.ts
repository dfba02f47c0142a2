// mmap/munmap (mm/mmap.c do_mmap checks, MAP_SYNC only on DAX via MAP_SHARED_VALIDATE).
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import { fail, ok, OK_VOID, type SysResult } from '../sim/result';
import { canRead, canWrite, MAP_ANONYMOUS, MAP_DIRECT, MAP_FIXED, MAP_PRIVATE, MAP_SHARED, MAP_SHARED_VALIDATE, MAP_SYNC, PAGE_SIZE, PROT_WRITE } from '../abi/fcntl';
import { fdFile } from './common';
import { mapVma, unmapRange } from '../mm/mmap';

export interface MmapArgs {
  addr?: number;
  length: number;
  prot: number;
  flags: number;
  fd?: number;
  offset?: number;
}

export function sysMmap(k: Kernel, task: Process, a: MmapArgs): SysResult<number> {
  const offset = a.offset ?? 0;
  if (!(a.length > 0) || offset % PAGE_SIZE !== 0 || offset < 0) return fail('EINVAL');
  const type = a.flags & MAP_SHARED_VALIDATE;
  if (type !== MAP_SHARED && type !== MAP_PRIVATE && type !== MAP_SHARED_VALIDATE) return fail('EINVAL');
  const shared = type !== MAP_PRIVATE;
  let file = null;
  if (!(a.flags & MAP_ANONYMOUS)) {
    const f = fdFile(task, a.fd ?? -1);
    if (!f.ok) return f;
    file = f.value;
    const inode = file.inode;
    const kind = inode.device?.kind;
    if (inode.type !== 'reg' && kind !== 'devdax' && kind !== 'zero') return fail('ENODEV');
    if (inode.proc || file.socket) return fail('ENODEV');
    if (!canRead(file.flags)) return fail('EACCES');
    if (shared && a.prot & PROT_WRITE && !canWrite(file.flags)) return fail('EACCES');
    // MAP_SYNC is only valid with MAP_SHARED_VALIDATE on a DAX file (or device DAX).
    if (a.flags & MAP_SYNC && (type !== MAP_SHARED_VALIDATE || !(inode.isDax || kind === 'devdax'))) return fail('EOPNOTSUPP');
    // MAP_DIRECT (seed 004) is validated only under MAP_SHARED_VALIDATE, and only a DAX file can seal its block map.
    if (a.flags & MAP_DIRECT && type === MAP_SHARED_VALIDATE && !inode.isDax) return fail('EOPNOTSUPP');
  } else if (a.flags & MAP_SYNC) {
    return fail('EOPNOTSUPP');
  }
  const len = Math.ceil(a.length / PAGE_SIZE) * PAGE_SIZE;
  let start: number;
  if (a.flags & MAP_FIXED) {
    if (a.addr === undefined || a.addr % PAGE_SIZE !== 0) return fail('EINVAL');
    start = a.addr;
    unmapRange(k, task, start, start + len);
  } else {
    start = task.mm.place(len);
  }
  mapVma(k, task, { start, end: start + len, file, pgoff: offset / PAGE_SIZE, prot: a.prot, flags: a.flags });
  return ok(start);
}

export function sysMunmap(k: Kernel, task: Process, addr: number, length: number): SysResult<void> {
  if (addr % PAGE_SIZE !== 0 || !(length > 0)) return fail('EINVAL');
  unmapRange(k, task, addr, addr + Math.ceil(length / PAGE_SIZE) * PAGE_SIZE);
  return OK_VOID;
}
