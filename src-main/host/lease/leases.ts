// F_SETLEASE / F_GETLEASE (fs/locks.c generic_setlease, generic_add_lease, lease_modify), with
// the RFC v2 layout and exclusive flags, and lease removal when the owning file goes away.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { OpenFile } from '../fd/file';
import type { Inode } from '../vfs/inode';
import { Lease } from './lease';
import { fail, ok, OK_VOID, type SysResult } from '../sim/result';
import { canWrite, FASYNC, F_EXCLUSIVE, F_LAYOUT, F_RDLCK, F_UNLCK, F_WRLCK, accessMode, O_RDONLY } from '../abi/fcntl';
import { inodeKey } from '../fd/lifecycle';
import { timeOutLeases } from './break';

export interface LeaseRequest {
  unlock: boolean;
  layout: boolean;
  exclusive: boolean;
  level: 'READ' | 'WRITE';
}

/** Decodes the F_SETLEASE argument: F_RDLCK/F_WRLCK/F_UNLCK, optionally | F_LAYOUT [| F_EXCLUSIVE]. */
export function parseLeaseArg(arg: number): SysResult<LeaseRequest> {
  const layout = (arg & F_LAYOUT) !== 0;
  const exclusive = (arg & F_EXCLUSIVE) !== 0;
  const base = arg & ~(F_LAYOUT | F_EXCLUSIVE);
  if (exclusive && !layout) return fail('EINVAL');
  if (base !== F_RDLCK && base !== F_WRLCK && base !== F_UNLCK) return fail('EINVAL');
  return ok({ unlock: base === F_UNLCK, layout, exclusive, level: base === F_WRLCK ? 'WRITE' : 'READ' });
}

/** generic_setlease() checks shared by every lease request. */
function mayLease(k: Kernel, task: Process, file: OpenFile): SysResult<void> {
  if (file.inode.type !== 'reg') return fail('EINVAL');
  if (task.uid !== 0 && task.uid !== file.inode.uid) return fail('EACCES');
  if (k.sysctlNumber('fs.leases-enable') === 0) return fail('EINVAL');
  return OK_VOID;
}

export function setLease(k: Kernel, task: Process, fd: number, file: OpenFile, req: LeaseRequest): SysResult<void> {
  const may = mayLease(k, task, file);
  if (!may.ok) return may;
  timeOutLeases(k, file.inode);
  if (req.unlock) return unlock(k, task, file);
  const inode = file.inode;
  const mine = file.leases[0];
  if (!req.layout) {
    const conflict = checkConflictingOpen(file, req.level);
    if (!conflict.ok) return conflict;
  }
  for (const other of inode.leases) {
    if (other.file === file) continue;
    if (req.layout || other.layout) {
      // pinsim: an exclusive layout lease excludes every other layout lease (RFC v2 patch 02 leaves it open).
      if (req.layout && other.layout && (req.exclusive || other.exclusive)) return fail('EAGAIN');
      continue;
    }
    if (req.level === 'WRITE' || other.breaking) return fail('EAGAIN');
  }
  if (mine) {
    if (mine.pinRefs > 0 && !(req.layout && req.exclusive)) {
      const verdict = k.policy.releaseLease({ task, lease: mine, pins: mine.pinRefs });
      if (!verdict.allow) return fail(verdict.errno);
    }
    // A holder answering a break by downgrading to the target (or F_UNLCK, above) ends the break.
    if (mine.breaking && (mine.breaking.target === 'UNLCK' || req.level === 'WRITE')) return fail('EAGAIN');
    mine.breaking = null;
    mine.layout = req.layout;
    mine.exclusive = req.exclusive;
    mine.level = req.level;
    k.emit('lease.modify', { lease: mine.id, type: mine.type, level: mine.level });
    k.waits.wake(inodeKey(inode));
    return OK_VOID;
  }
  const lease = new Lease(k.nextId('lease'), req.layout, req.level, req.exclusive, file, inode, task.pid, fd, k.clock.now());
  file.leases.push(lease);
  inode.leases.push(lease);
  k.leases.set(lease.id, lease);
  // fcntl_setlease(): the lease holder becomes the file's owner and FASYNC is set.
  file.owner = task.pid;
  file.flags |= FASYNC;
  k.emit('lease.set', {
    lease: lease.id,
    pid: task.pid,
    fd,
    file: file.id,
    path: file.path(),
    type: lease.type,
    exclusive: lease.exclusive,
    level: lease.level,
  });
  return OK_VOID;
}

/** check_conflicting_open(): a read lease needs no writers, a write lease no other opener. */
function checkConflictingOpen(file: OpenFile, level: 'READ' | 'WRITE'): SysResult<void> {
  if (level === 'READ') {
    if (accessMode(file.flags) !== O_RDONLY) return fail('EAGAIN');
    for (const f of file.inode.openFiles) if (canWrite(f.flags)) return fail('EAGAIN');
    return OK_VOID;
  }
  for (const f of file.inode.openFiles) if (f !== file) return fail('EAGAIN');
  return OK_VOID;
}

/** F_UNLCK: EAGAIN without a lease; a layout lease with pins under it asks the policy (rfc-v2: EBUSY). */
function unlock(k: Kernel, task: Process, file: OpenFile): SysResult<void> {
  const lease = file.leases[0];
  if (!lease) return fail('EAGAIN');
  if (lease.pinRefs > 0) {
    const verdict = k.policy.releaseLease({ task, lease, pins: lease.pinRefs });
    if (!verdict.allow) return fail(verdict.errno);
  }
  removeLease(k, lease, 'unlock');
  return OK_VOID;
}

/** F_GETLEASE: the target type while breaking, F_LAYOUT (16) for a layout lease (patch 01). */
export function getLease(k: Kernel, file: OpenFile): number {
  timeOutLeases(k, file.inode);
  const lease = file.leases[0];
  if (!lease) return F_UNLCK;
  if (lease.breaking) return lease.breaking.target === 'READ' ? F_RDLCK : F_UNLCK;
  if (lease.layout) return F_LAYOUT;
  return lease.level === 'WRITE' ? F_WRLCK : F_RDLCK;
}

export function removeLease(k: Kernel, lease: Lease, reason: 'unlock' | 'close' | 'revoked'): void {
  const file = lease.file;
  file.leases.splice(file.leases.indexOf(lease), 1);
  lease.inode.leases.splice(lease.inode.leases.indexOf(lease), 1);
  k.leases.delete(lease.id);
  if (file.leases.length === 0) file.flags &= ~FASYNC;
  k.emit('lease.release', { lease: lease.id, path: file.path(), reason });
  k.waits.wake(inodeKey(lease.inode));
}

/** locks_remove_file(): the owning open file is being freed. */
export function removeFileLeases(k: Kernel, file: OpenFile, reason: 'close'): void {
  for (const lease of [...file.leases]) removeLease(k, lease, reason);
}

/** mapping_inode_has_layout() (RFC v2 patch 04): an ACTIVE exclusive layout lease created by `pid`. */
export function activeExclusiveLayout(inode: Inode, pid: number): Lease | undefined {
  return inode.leases.find((l) => l.layout && l.exclusive && l.pid === pid && l.state === 'ACTIVE');
}

/** Exclusive layout leases on the inode, active or zombie. */
export function exclusiveLayouts(inode: Inode): Lease[] {
  return inode.leases.filter((l) => l.layout && l.exclusive);
}
