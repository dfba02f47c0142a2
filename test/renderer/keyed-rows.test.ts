// KeyedRows keeps its array sorted delta by delta: after any sequence of upserts (moving rows
// included), removals and sweeps, it holds exactly the rows the deltas say, in order.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { KeyedRows, LEAVE_MS } from '../../src-renderer/src/lib/keyed-rows.svelte';

interface Row {
  id: number;
  /** The sort field; a row may move when it changes (a renamed file). */
  file: string;
  v: number;
}

const order = (a: Row, b: Row) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.id - b.id);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const row = fc.record({ id: fc.integer({ min: 1, max: 40 }), file: fc.constantFrom('/a', '/b', '/c', '/d'), v: fc.nat(9) });
const delta = fc.record({
  upsert: fc.array(row, { maxLength: 90 }).map((rs) => [...new Map(rs.map((r) => [r.id, r])).values()]),
  remove: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 6 }),
  sweep: fc.boolean(),
});

describe('KeyedRows', () => {
  it('holds exactly the rows the deltas leave, sorted, with removed rows leaving until swept', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.array(delta, { maxLength: 12 }), (first, deltas) => {
        const t = new KeyedRows<Row, number>((r) => r.id, order);
        const model = new Map(first.map((r) => [r.id, r]));
        t.apply({ reset: true, upsert: [...model.values()], remove: [] });
        for (const d of deltas) {
          const remove = d.remove.filter((id) => !d.upsert.some((r) => r.id === id));
          t.apply({ reset: false, upsert: d.upsert, remove });
          for (const id of remove) model.delete(id);
          for (const r of d.upsert) model.set(r.id, r);
          if (d.sweep) vi.advanceTimersByTime(LEAVE_MS);
          expect(t.live).toEqual([...model.values()].sort(order));
          expect([...t.rows].sort(order)).toEqual(t.rows);
          expect(t.rows.length - t.leaving.size).toBe(model.size);
          for (const id of t.leaving) expect(model.has(id)).toBe(false);
        }
        vi.advanceTimersByTime(LEAVE_MS);
        expect(t.rows).toEqual([...model.values()].sort(order));
        expect(t.leaving.size).toBe(0);
      }),
    );
  });

  it('replaces a changed row in place and keeps the other rows the same objects', () => {
    const t = new KeyedRows<Row, number>((r) => r.id, order);
    const rows = [1, 2, 3].map((id) => ({ id, file: '/a', v: 0 }));
    t.apply({ reset: true, upsert: rows, remove: [] });
    t.apply({ reset: false, upsert: [{ id: 2, file: '/a', v: 1 }], remove: [] });
    expect(t.rows[0]).toBe(rows[0]);
    expect(t.rows[1]).toEqual({ id: 2, file: '/a', v: 1 });
    expect(t.rows[2]).toBe(rows[2]);
  });
});
