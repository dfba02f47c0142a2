// Address-space changes: mmap, munmap (splitting VMAs), fork's copy and exit_mm(). Each VMA holds
// a reference on its file, so a mapped file outlives its fds (and its leases with it). A
// MAP_DIRECT VMA also keeps its file's block map sealed while it exists (seed 004).
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { OpenFile } from '../fd/file';
import type { Vma } from './vma';
import { fget, fput } from '../fd/lifecycle';
import { releaseMmPins } from '../rdma/pins';
import { directMapDelta, sealsFile } from '../vfs/seal';

function attach(k: Kernel, pid: number, v: Vma): void {
  if (!v.file) return;
  fget(v.file, 'vma');
  if (sealsFile(v)) directMapDelta(k, pid, v.file.inode, 1);
}

/** Drops what `v` held; its file reference is dropped by the caller once every change is made. */
function detachSeal(k: Kernel, pid: number, v: Vma): void {
  if (v.file && sealsFile(v)) directMapDelta(k, pid, v.file.inode, -1);
}

export function mapVma(k: Kernel, task: Process, vma: Vma): void {
  task.mm.insert(vma);
  attach(k, task.pid, vma);
  k.emit('mm.map', { pid: task.pid, start: vma.start, end: vma.end, path: vmaName(vma), flags: vma.flags, prot: vma.prot });
}

/** munmap(): unmapping pinned pages is fine (003 cover letter point 6) — pins outlive mappings. */
export function unmapRange(k: Kernel, task: Process, start: number, end: number): void {
  const { removed, originals, splits } = task.mm.remove(start, end);
  const toPut: OpenFile[] = [];
  for (const v of originals) if (v.file) toPut.push(v.file);
  // Kept pieces take their references before the originals drop theirs: a split never unseals.
  for (const v of splits) attach(k, task.pid, v);
  for (const v of removed) k.emit('mm.unmap', { pid: task.pid, start: v.start, end: v.end, path: vmaName(v) });
  for (const v of originals) detachSeal(k, task.pid, v);
  for (const f of toPut) fput(k, f, 'vma');
}

/** exit_mm(): the whole address space goes at once; mm-owned pins go with it. */
export function exitMm(k: Kernel, task: Process): void {
  const vmas = task.mm.vmas;
  task.mm.vmas = [];
  if (vmas.length > 0 || task.mmPins.length > 0) k.emit('mm.exit', { pid: task.pid, vmas: vmas.length });
  releaseMmPins(k, task);
  for (const v of vmas) detachSeal(k, task.pid, v);
  for (const v of vmas) if (v.file) fput(k, v.file, 'vma');
}

/**
 * fork(): the child gets a copy of the layout; shared file mappings share the open file. A copied
 * MAP_DIRECT VMA adds to a seal its parent already holds, so the sealed state cannot change here.
 */
export function forkMm(parent: Process, child: Process): void {
  child.mm = parent.mm.cloneLayout();
  for (const v of child.mm.vmas) {
    if (!v.file) continue;
    fget(v.file, 'vma');
    if (sealsFile(v)) v.file.inode.seal.directMaps++;
  }
}

export function vmaName(v: Vma): string {
  return v.file ? v.file.path() : '';
}
