// Determinism and the data structures under the decisions: PRNG, timer order, the pinned-range
// interval tree (checked against a brute-force model), block maps and the allocator.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Prng } from '../../../src-main/host/sim/prng';
import { Clock } from '../../../src-main/host/sim/clock';
import { Scheduler } from '../../../src-main/host/sim/scheduler';
import { IntervalTree } from '../../../src-main/host/rdma/interval-tree';
import { BlockAllocator } from '../../../src-main/host/vfs/allocator';
import { BlockMap } from '../../../src-main/host/vfs/blockmap';

describe('Prng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const sa = Array.from({ length: 8 }, () => a.nextU32());
    expect(Array.from({ length: 8 }, () => b.nextU32())).toEqual(sa);
    expect(Array.from({ length: 8 }, () => c.nextU32())).not.toEqual(sa);
    expect(sa.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });

  it('below(n) stays in range', () => {
    const p = new Prng(7);
    for (let i = 0; i < 1000; i++) {
      const x = p.below(10);
      expect(x >= 0 && x < 10).toBe(true);
    }
  });
});

describe('Scheduler', () => {
  it('runs timers in (time, arming order) and moves the clock to each', () => {
    const clock = new Clock(0);
    const s = new Scheduler(clock);
    const seen: string[] = [];
    s.after(20, () => seen.push(`b@${clock.now()}`));
    s.after(10, () => seen.push(`a@${clock.now()}`));
    s.after(20, () => seen.push(`c@${clock.now()}`));
    const dropped = s.after(15, () => seen.push('never'));
    s.cancel(dropped);
    expect(s.nextTime()).toBe(10);
    s.advanceTo(25);
    expect(seen).toEqual(['a@10', 'b@20', 'c@20']);
    expect(clock.now()).toBe(25);
    expect(s.nextTime()).toBeNull();
  });

  it('runUntilIdle stops at the timer budget', () => {
    const clock = new Clock(0);
    const s = new Scheduler(clock);
    const tick = (): void => void s.after(1, tick);
    tick();
    expect(s.runUntilIdle(50)).toBe(50);
    expect(clock.now()).toBe(50);
  });
});

describe('IntervalTree (pinned page ranges)', () => {
  it('answers overlap queries exactly like a brute-force list', () => {
    const op = fc.oneof(
      fc.record({ t: fc.constant('add' as const), s: fc.nat(200), len: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ t: fc.constant('del' as const), i: fc.nat(50) }),
      fc.record({ t: fc.constant('ask' as const), s: fc.nat(220), len: fc.integer({ min: 1, max: 60 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const tree = new IntervalTree();
        const model: Array<{ s: number; e: number; id: number }> = [];
        let id = 0;
        for (const o of ops) {
          if (o.t === 'add') {
            tree.insert(o.s, o.s + o.len, ++id);
            model.push({ s: o.s, e: o.s + o.len, id });
          } else if (o.t === 'del') {
            const victim = model[o.i % Math.max(1, model.length)];
            if (!victim) continue;
            expect(tree.remove(victim.s, victim.id)).toBe(true);
            model.splice(model.indexOf(victim), 1);
          } else {
            const hits = model.filter((m) => m.s < o.s + o.len && o.s < m.e);
            expect(tree.overlaps(o.s, o.s + o.len)).toBe(hits.length > 0);
            expect(tree.collect(o.s, o.s + o.len).sort((a, b) => a - b)).toEqual(hits.map((h) => h.id).sort((a, b) => a - b));
          }
          expect(tree.size).toBe(model.length);
        }
      }),
      { seed: 20190809, numRuns: 200 },
    );
  });
});

describe('BlockMap and BlockAllocator', () => {
  it('fills holes, frees on unmap, and reuses the lowest free blocks first', () => {
    const alloc = new BlockAllocator(64, 1000);
    const a = new BlockMap();
    expect(a.fill(0, 10, alloc)).toBe(true);
    expect(a.lookup(0)).toBe(64);
    expect(a.lookup(9)).toBe(73);
    expect(alloc.usedBlocks()).toBe(10);
    for (const p of a.unmap(2, 4)) alloc.release({ block: p.block, len: p.len });
    expect(a.lookup(2)).toBe(-1);
    expect(a.holes(0, 10)).toEqual([[2, 2]]);
    const b = new BlockMap();
    b.fill(0, 2, alloc);
    // The freed blocks go to the next file: exactly what must never happen to a pinned DAX page.
    expect(b.lookup(0)).toBe(66);
  });

  it('shifts extents for collapse and insert', () => {
    const alloc = new BlockAllocator(0, 100);
    const m = new BlockMap();
    m.fill(0, 8, alloc);
    m.unmap(2, 4);
    m.shift(4, -2);
    expect(m.lookup(2)).toBe(4);
    expect(m.mappedPages()).toBe(6);
    m.shift(2, 3);
    expect(m.lookup(2)).toBe(-1);
    expect(m.lookup(5)).toBe(4);
  });

  it('keeps reflinked blocks until their last owner frees them', () => {
    const alloc = new BlockAllocator(0, 100);
    const run = alloc.allocate(4)![0]!;
    alloc.share(run);
    expect(alloc.owners(run.block)).toBe(2);
    expect(alloc.release(run)).toBe(0);
    expect(alloc.isFree(run.block)).toBe(false);
    expect(alloc.release(run)).toBe(4);
    expect(alloc.isFree(run.block)).toBe(true);
  });

  it('refuses to allocate more than it has', () => {
    const alloc = new BlockAllocator(0, 4);
    expect(alloc.allocate(5)).toBeNull();
    expect(alloc.usedBlocks()).toBe(0);
  });
});
