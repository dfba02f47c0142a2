// A process address space: VMAs mapping files (or anonymous memory) at page-aligned addresses.
import type { OpenFile } from '../fd/file';
import { PAGE_SIZE } from '../abi/fcntl';

export interface Vma {
  start: number;
  end: number;
  file: OpenFile | null;
  /** File offset of `start`, in pages. */
  pgoff: number;
  prot: number;
  flags: number;
}

/** Top of the mmap area; mappings grow down from here (the reference's iova 0x7f3a80000000). */
export const MMAP_TOP = 0x7f3ac0000000;

export class AddressSpace {
  /** Sorted by start, non-overlapping. */
  vmas: Vma[] = [];
  private top = MMAP_TOP;

  /** A free range of `len` bytes below the previous mappings. */
  place(len: number): number {
    const size = Math.ceil(len / PAGE_SIZE) * PAGE_SIZE;
    this.top -= size;
    return this.top;
  }

  insert(v: Vma): void {
    let i = 0;
    while (i < this.vmas.length && this.vmas[i]!.start < v.start) i++;
    this.vmas.splice(i, 0, v);
  }

  /** VMAs overlapping [start, end), in address order. */
  overlapping(start: number, end: number): Vma[] {
    return this.vmas.filter((v) => v.start < end && start < v.end);
  }

  /**
   * Removes [start, end), splitting VMAs at the edges. Returns the removed pieces and the pieces
   * kept from split VMAs (each VMA holds its own file reference, so the caller rebalances them).
   */
  remove(start: number, end: number): { removed: Vma[]; originals: Vma[]; splits: Vma[] } {
    const removed: Vma[] = [];
    const originals: Vma[] = [];
    const splits: Vma[] = [];
    const keep: Vma[] = [];
    for (const v of this.vmas) {
      if (v.end <= start || v.start >= end) {
        keep.push(v);
        continue;
      }
      originals.push(v);
      if (v.start < start) splits.push({ ...v, end: start });
      if (v.end > end) splits.push({ ...v, start: end, pgoff: v.pgoff + (end - v.start) / PAGE_SIZE });
      const s = Math.max(v.start, start);
      const e = Math.min(v.end, end);
      removed.push({ ...v, start: s, end: e, pgoff: v.pgoff + (s - v.start) / PAGE_SIZE });
    }
    keep.push(...splits);
    keep.sort((a, b) => a.start - b.start);
    this.vmas = keep;
    return { removed, originals, splits };
  }

  totalBytes(): number {
    return this.vmas.reduce((n, v) => n + (v.end - v.start), 0);
  }

  /** A fork copies the layout; the caller takes the file references. */
  cloneLayout(): AddressSpace {
    const a = new AddressSpace();
    a.vmas = this.vmas.map((v) => ({ ...v }));
    a.top = this.top;
    return a;
  }
}
