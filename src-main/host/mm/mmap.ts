// Address-space changes: mmap, munmap (splitting VMAs), fork's copy and exit_mm(). Each VMA holds
// a reference on its file, so a mapped file outlives its fds (and its leases with it).
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { OpenFile } from '../fd/file';
import type { Vma } from './vma';
import { fget, fput } from '../fd/lifecycle';
import { releaseMmPins } from '../rdma/pins';

export function mapVma(k: Kernel, task: Process, vma: Vma): void {
  task.mm.insert(vma);
  if (vma.file) fget(vma.file, 'vma');
  k.emit('mm.map', { pid: task.pid, start: vma.start, end: vma.end, path: vmaName(vma), flags: vma.flags, prot: vma.prot });
}

/** munmap(): unmapping pinned pages is fine (003 cover letter point 6) — pins outlive mappings. */
export function unmapRange(k: Kernel, task: Process, start: number, end: number): void {
  const { removed, originals, splits } = task.mm.remove(start, end);
  const toPut: OpenFile[] = [];
  for (const v of originals) if (v.file) toPut.push(v.file);
  for (const v of splits) if (v.file) fget(v.file, 'vma');
  for (const v of removed) k.emit('mm.unmap', { pid: task.pid, start: v.start, end: v.end, path: vmaName(v) });
  for (const f of toPut) fput(k, f, 'vma');
}

/** exit_mm(): the whole address space goes at once; mm-owned pins go with it. */
export function exitMm(k: Kernel, task: Process): void {
  const vmas = task.mm.vmas;
  task.mm.vmas = [];
  if (vmas.length > 0 || task.mmPins.length > 0) k.emit('mm.exit', { pid: task.pid, vmas: vmas.length });
  releaseMmPins(k, task);
  for (const v of vmas) if (v.file) fput(k, v.file, 'vma');
}

/** fork(): the child gets a copy of the layout; shared file mappings share the open file. */
export function forkMm(parent: Process, child: Process): void {
  child.mm = parent.mm.cloneLayout();
  for (const v of child.mm.vmas) if (v.file) fget(v.file, 'vma');
}

export function vmaName(v: Vma): string {
  return v.file ? v.file.path() : '';
}
