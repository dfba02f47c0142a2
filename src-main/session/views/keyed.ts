// Keyed deltas of a table: only rows whose content changed since the last send cross the wire.
import type { Delta } from '../../protocol/views';

export class KeyedTable<R, K> {
  private last = new Map<K, string>();

  constructor(private readonly keyOf: (row: R) => K) {}

  /** The delta from the last call to `rows`; `reset` sends every row and tells the client to drop the rest. */
  diff(rows: readonly R[], reset: boolean): Delta<R, K> | null {
    const next = new Map<K, string>();
    const upsert: R[] = [];
    for (const row of rows) {
      const key = this.keyOf(row);
      const json = JSON.stringify(row);
      next.set(key, json);
      if (reset || this.last.get(key) !== json) upsert.push(row);
    }
    const remove: K[] = [];
    if (!reset) for (const key of this.last.keys()) if (!next.has(key)) remove.push(key);
    this.last = next;
    if (!reset && upsert.length === 0 && remove.length === 0) return null;
    return { reset, upsert, remove };
  }
}
