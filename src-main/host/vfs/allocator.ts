// Per-filesystem block allocator: sorted free extents, first fit from the lowest block, plus
// share counts for reflinked blocks (a block is free only when its last owner frees it).

export interface BlockRun {
  block: number;
  len: number;
}

export class BlockAllocator {
  /** Sorted, disjoint, non-adjacent free runs. */
  private free: BlockRun[];
  /** Extra owners of shared (reflinked) blocks: block → owners - 1. Absent means one owner. */
  private readonly shared = new Map<number, number>();
  private used = 0;

  constructor(
    readonly firstBlock: number,
    readonly totalBlocks: number,
  ) {
    this.free = [{ block: firstBlock, len: totalBlocks }];
  }

  usedBlocks(): number {
    return this.used;
  }

  freeBlocks(): number {
    return this.totalBlocks - this.used;
  }

  /** Allocates `n` blocks, possibly in several runs; null (nothing taken) when space runs out. */
  allocate(n: number): BlockRun[] | null {
    if (n > this.freeBlocks()) return null;
    const out: BlockRun[] = [];
    let need = n;
    while (need > 0) {
      const r = this.free[0]!;
      const take = Math.min(need, r.len);
      out.push({ block: r.block, len: take });
      if (take === r.len) this.free.shift();
      else this.free[0] = { block: r.block + take, len: r.len - take };
      need -= take;
    }
    this.used += n;
    return out;
  }

  /** One more owner for each block of the run (FICLONE). */
  share(run: BlockRun): void {
    for (let b = run.block; b < run.block + run.len; b++) this.shared.set(b, (this.shared.get(b) ?? 0) + 1);
  }

  /** Owners of a block: 0 when free. */
  owners(block: number): number {
    return this.isFree(block) ? 0 : 1 + (this.shared.get(block) ?? 0);
  }

  isShared(block: number): boolean {
    return this.shared.has(block);
  }

  anyShared(run: BlockRun): boolean {
    if (this.shared.size === 0) return false;
    for (let b = run.block; b < run.block + run.len; b++) if (this.shared.has(b)) return true;
    return false;
  }

  /** Drops one owner of each block; blocks whose last owner this was go back to the free list. */
  release(run: BlockRun): number {
    if (this.shared.size === 0) {
      this.insertFree(run.block, run.len);
      return run.len;
    }
    let freed = 0;
    let start = -1;
    for (let b = run.block; b <= run.block + run.len; b++) {
      const last = b === run.block + run.len;
      const extra = last ? undefined : this.shared.get(b);
      if (!last && extra !== undefined) {
        if (extra === 1) this.shared.delete(b);
        else this.shared.set(b, extra - 1);
      }
      const freesHere = !last && extra === undefined;
      if (freesHere && start < 0) start = b;
      if (!freesHere && start >= 0) {
        this.insertFree(start, b - start);
        freed += b - start;
        start = -1;
      }
    }
    return freed;
  }

  isFree(block: number): boolean {
    const f = this.free;
    let lo = 0;
    let hi = f.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = f[mid]!;
      if (block < r.block) hi = mid - 1;
      else if (block >= r.block + r.len) lo = mid + 1;
      else return true;
    }
    return false;
  }

  private insertFree(block: number, len: number): void {
    this.used -= len;
    const f = this.free;
    let lo = 0;
    let hi = f.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (f[mid]!.block < block) lo = mid + 1;
      else hi = mid;
    }
    const prev = f[lo - 1];
    const next = f[lo];
    if (prev && prev.block + prev.len > block) throw new Error(`double free of block ${block}`);
    if (next && block + len > next.block) throw new Error(`double free of block ${next.block}`);
    if (prev && prev.block + prev.len === block) {
      prev.len += len;
      if (next && prev.block + prev.len === next.block) {
        prev.len += next.len;
        f.splice(lo, 1);
      }
    } else if (next && block + len === next.block) {
      next.block = block;
      next.len += len;
    } else {
      f.splice(lo, 0, { block, len });
    }
  }
}
