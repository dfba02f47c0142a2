// A file's block map: sorted extents from file page to device block (one page = one 4 KiB block).
// On a DAX filesystem these blocks *are* the pages user space maps and RDMA pins.
import type { BlockAllocator, BlockRun } from './allocator';

export interface Extent {
  /** First file page. */
  page: number;
  len: number;
  /** Device block backing `page`. */
  block: number;
}

export class BlockMap {
  private ext: Extent[] = [];

  extents(): readonly Extent[] {
    return this.ext;
  }

  mappedPages(): number {
    let n = 0;
    for (const e of this.ext) n += e.len;
    return n;
  }

  /** The device block behind a page, or -1 for a hole. */
  lookup(page: number): number {
    const i = this.indexAt(page);
    const e = this.ext[i];
    return e && e.page <= page && page < e.page + e.len ? e.block + (page - e.page) : -1;
  }

  /** The mapped pieces of [first, last), clipped to the range, in page order. */
  mapped(first: number, last: number): Extent[] {
    const out: Extent[] = [];
    for (let i = this.indexAt(first); i < this.ext.length; i++) {
      const e = this.ext[i]!;
      if (e.page >= last) break;
      const s = Math.max(first, e.page);
      const t = Math.min(last, e.page + e.len);
      if (s < t) out.push({ page: s, len: t - s, block: e.block + (s - e.page) });
    }
    return out;
  }

  /** Holes of [first, last) as [page, len] pairs. */
  holes(first: number, last: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let at = first;
    for (const piece of this.mapped(first, last)) {
      if (piece.page > at) out.push([at, piece.page - at]);
      at = piece.page + piece.len;
    }
    if (at < last) out.push([at, last - at]);
    return out;
  }

  /** Fills the holes of [first, last) with fresh blocks; false (map unchanged) when out of space. */
  fill(first: number, last: number, alloc: BlockAllocator): boolean {
    const holes = this.holes(first, last);
    const need = holes.reduce((n, [, len]) => n + len, 0);
    if (need === 0) return true;
    const runs = alloc.allocate(need);
    if (!runs) return false;
    let r = 0;
    let used = 0;
    for (const [page, len] of holes) {
      let p = page;
      let left = len;
      while (left > 0) {
        const run = runs[r]!;
        const take = Math.min(left, run.len - used);
        this.insert({ page: p, len: take, block: run.block + used });
        p += take;
        left -= take;
        used += take;
        if (used === run.len) {
          r++;
          used = 0;
        }
      }
    }
    return true;
  }

  /** Removes the mapping of [first, last) and returns the removed pieces (the caller frees them). */
  unmap(first: number, last: number): Extent[] {
    const removed = this.mapped(first, last);
    if (removed.length === 0) return removed;
    const keep: Extent[] = [];
    const i0 = this.indexAt(first);
    let i = i0;
    for (; i < this.ext.length; i++) {
      const e = this.ext[i]!;
      if (e.page >= last) break;
      if (e.page < first) keep.push({ page: e.page, len: first - e.page, block: e.block });
      if (e.page + e.len > last) keep.push({ page: last, len: e.page + e.len - last, block: e.block + (last - e.page) });
    }
    this.ext.splice(i0, i - i0, ...keep);
    return removed;
  }

  /** Moves every extent at or after `from` by `delta` pages (COLLAPSE_RANGE < 0, INSERT_RANGE > 0). */
  shift(from: number, delta: number): void {
    for (const e of this.ext) if (e.page >= from) e.page += delta;
    this.mergeAll();
  }

  /** Maps already-owned blocks (FICLONE); the range must be a hole. */
  place(pieces: readonly Extent[]): void {
    for (const p of pieces) this.insert({ ...p });
  }

  /** Frees every block (inode eviction). */
  clear(alloc: BlockAllocator): number {
    let n = 0;
    for (const e of this.ext) {
      alloc.release(toRun(e));
      n += e.len;
    }
    this.ext = [];
    return n;
  }

  /** Index of the extent containing `page`, or of the first extent after it. */
  private indexAt(page: number): number {
    let lo = 0;
    let hi = this.ext.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const e = this.ext[mid]!;
      if (e.page + e.len <= page) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private insert(x: Extent): void {
    const i = this.indexAt(x.page);
    const prev = this.ext[i - 1];
    const next = this.ext[i];
    if (prev && prev.page + prev.len === x.page && prev.block + prev.len === x.block) {
      prev.len += x.len;
      if (next && prev.page + prev.len === next.page && prev.block + prev.len === next.block) {
        prev.len += next.len;
        this.ext.splice(i, 1);
      }
      return;
    }
    if (next && x.page + x.len === next.page && x.block + x.len === next.block) {
      next.page = x.page;
      next.block = x.block;
      next.len += x.len;
      return;
    }
    this.ext.splice(i, 0, x);
  }

  private mergeAll(): void {
    const out: Extent[] = [];
    for (const e of this.ext) {
      const prev = out[out.length - 1];
      if (prev && prev.page + prev.len === e.page && prev.block + prev.len === e.block) prev.len += e.len;
      else out.push(e);
    }
    this.ext = out;
  }
}

export function toRun(e: Extent): BlockRun {
  return { block: e.block, len: e.len };
}
