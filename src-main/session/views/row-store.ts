// One panel's rows by key as the window last got them, and what changed since: rows are put back
// after each recomputation and only those that differ (by value) travel as upserts.
import type { Delta } from '../../protocol/views';

/** Structural equality of JSON-shaped values (rows are plain objects, arrays and scalars). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const key of ka) if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

export class RowStore<R, K> {
  private readonly rows = new Map<K, R>();
  private readonly upserts = new Map<K, R>();
  private readonly removed = new Set<K>();

  constructor(readonly keyOf: (row: R) => K) {}

  get size(): number {
    return this.rows.size;
  }

  get(key: K): R | undefined {
    return this.rows.get(key);
  }

  values(): IterableIterator<R> {
    return this.rows.values();
  }

  keys(): IterableIterator<K> {
    return this.rows.keys();
  }

  put(row: R): void {
    const key = this.keyOf(row);
    if (sameValue(this.rows.get(key), row)) return;
    this.rows.set(key, row);
    this.upserts.set(key, row);
    this.removed.delete(key);
  }

  drop(key: K): void {
    if (!this.rows.delete(key)) return;
    this.upserts.delete(key);
    this.removed.add(key);
  }

  /** The changes since the last call, or null when there are none. */
  take(): Delta<R, K> | null {
    if (this.upserts.size === 0 && this.removed.size === 0) return null;
    const delta = { reset: false, upsert: [...this.upserts.values()], remove: [...this.removed] };
    this.upserts.clear();
    this.removed.clear();
    return delta;
  }

  /** Every row, in deltas of at most `size` rows: the first resets the window's table. */
  snapshot(size: number): Array<Delta<R, K>> {
    this.upserts.clear();
    this.removed.clear();
    const all = [...this.rows.values()];
    const out: Array<Delta<R, K>> = [];
    for (let i = 0; i === 0 || i < all.length; i += size) out.push({ reset: i === 0, upsert: all.slice(i, i + size), remove: [] });
    return out;
  }
}
