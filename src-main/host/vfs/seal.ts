// Sealed block maps (seed 004, Dan Williams 2017): a file's offset → block mapping is fixed while
// it is sealed — explicitly by fallocate(FALLOC_FL_SEAL_BLOCK_MAP) until UNSEAL, or implicitly
// while a MAP_DIRECT mapping of it exists ("it would automatically clear at munmap time"). The
// seal exists under every policy; only `immutable` gives it force (pins need it, changes fail).
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { Inode } from './inode';
import type { OpenFile } from '../fd/file';
import { fail, OK_VOID, type SysResult } from '../sim/result';
import { canWrite, FALLOC_FL_SEAL_BLOCK_MAP, FALLOC_FL_UNSEAL_BLOCK_MAP, MAP_DIRECT, MAP_SHARED_VALIDATE } from '../abi/fcntl';
import { segmentsIn } from '../rdma/pins';
import { inodeKey } from '../fd/lifecycle';

export const SEAL_MODES = FALLOC_FL_SEAL_BLOCK_MAP | FALLOC_FL_UNSEAL_BLOCK_MAP;

export function isSealed(inode: Inode): boolean {
  return inode.seal.explicit || inode.seal.directMaps > 0;
}

/** Who keeps the seal, for refusals and `why`. */
export function sealHolder(inode: Inode): string {
  const parts: string[] = [];
  if (inode.seal.explicit) parts.push(`sealed by pid ${inode.seal.by}`);
  const n = inode.seal.directMaps;
  if (n > 0) parts.push(`${n} MAP_DIRECT mapping${n === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** A VMA that seals its file: MAP_DIRECT validated by MAP_SHARED_VALIDATE on a file mapping. */
export function sealsFile(v: { flags: number; file: OpenFile | null }): boolean {
  return v.file !== null && (v.flags & MAP_DIRECT) !== 0 && (v.flags & MAP_SHARED_VALIDATE) === MAP_SHARED_VALIDATE;
}

/** Fills the holes inside the file's size, so that nothing needs a new block while sealed. */
function fillHoles(inode: Inode): boolean {
  const alloc = inode.sb.allocator;
  return !alloc || inode.blocks.fill(0, inode.pages, alloc);
}

function changed(k: Kernel, pid: number, inode: Inode, wasSealed: boolean, by: 'fallocate' | 'map-direct'): void {
  const now = isSealed(inode);
  if (now === wasSealed) return;
  k.emit('layout.seal', { pid, path: inode.path(), sealed: now, by });
  if (!now) {
    // Pins taken under the seal are left without it: layout changes over them now wait.
    for (const seg of segmentsIn(k, inode, 0, Number.MAX_SAFE_INTEGER)) if (seg.guard === 'seal') seg.guard = null;
  }
  k.waits.wake(inodeKey(inode));
}

/**
 * fallocate(fd, FALLOC_FL_SEAL_BLOCK_MAP | FALLOC_FL_UNSEAL_BLOCK_MAP, off, len): the whole block
 * map is (un)sealed whatever the range. Needs CAP_LINUX_IMMUTABLE (root) and a block filesystem;
 * unsealing while pins taken under the seal remain is EBUSY (pinsim's choice, as rfc-v2's F_UNLCK).
 */
export function sysSealBlockMap(k: Kernel, task: Process, file: OpenFile, mode: number, offset: number, len: number): SysResult<void> {
  if (mode !== FALLOC_FL_SEAL_BLOCK_MAP && mode !== FALLOC_FL_UNSEAL_BLOCK_MAP) return fail('EINVAL');
  if (offset < 0 || !(len > 0)) return fail('EINVAL');
  if (!canWrite(file.flags)) return fail('EBADF');
  const inode = file.inode;
  if (file.socket) return fail('ESPIPE');
  if (inode.type === 'dir') return fail('EISDIR');
  if (inode.type !== 'reg') return fail('ENODEV');
  if (inode.proc || !inode.sb.allocator || inode.sb.fstype === 'tmpfs') return fail('EOPNOTSUPP');
  if (task.uid !== 0) return fail('EPERM');
  const was = isSealed(inode);
  if (mode === FALLOC_FL_SEAL_BLOCK_MAP) {
    if (inode.seal.explicit) return OK_VOID;
    if (!fillHoles(inode)) return fail('ENOSPC');
    inode.seal.explicit = true;
    inode.seal.by = task.pid;
    changed(k, task.pid, inode, was, 'fallocate');
    return OK_VOID;
  }
  if (!inode.seal.explicit) return OK_VOID;
  if (inode.seal.directMaps === 0 && segmentsIn(k, inode, 0, Number.MAX_SAFE_INTEGER).some((s) => s.guard === 'seal')) return fail('EBUSY');
  inode.seal.explicit = false;
  inode.seal.by = 0;
  changed(k, task.pid, inode, was, 'fallocate');
  return OK_VOID;
}

/** A MAP_DIRECT VMA of `inode` appeared (mmap, fork, a split) or went (munmap, exit). */
export function directMapDelta(k: Kernel, pid: number, inode: Inode, delta: 1 | -1): void {
  const was = isSealed(inode);
  if (delta > 0 && !was) fillHoles(inode);
  inode.seal.directMaps += delta;
  changed(k, pid, inode, was, 'map-direct');
}
