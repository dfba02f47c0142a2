// A table the host keeps up to date by keyed deltas; rows are replaced wholesale (raw state) so a
// 10 Hz update of 10,000 rows costs one array, not 10,000 proxies. The array stays sorted as
// deltas arrive: a handful of changed rows is a handful of binary searches, not a sort of the
// table. Removed rows linger briefly where they were, marked leaving, so the window shows them go.
/* eslint-disable svelte/prefer-svelte-reactivity -- the indexes are private; state is published as raw arrays and sets, replaced wholesale */
import type { Delta } from '../../../src-main/protocol/views';

export const LEAVE_MS = 700;

export class KeyedRows<R, K> {
  rows = $state.raw<R[]>([]);
  leaving = $state.raw<ReadonlySet<K>>(new Set());
  /** Rows still present (not leaving): computed once per update, however many readers. */
  readonly live: R[] = $derived.by(() => (this.leaving.size === 0 ? this.rows : this.rows.filter((r) => !this.leaving.has(this.keyOf(r)))));
  private readonly byKey = new Map<K, R>();
  private readonly gone = new Map<K, R>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly keyOf: (row: R) => K,
    private readonly order: (a: R, b: R) => number,
  ) {}

  apply(delta: Delta<R, K>): void {
    if (delta.reset) {
      this.byKey.clear();
      this.gone.clear();
      for (const row of delta.upsert) this.byKey.set(this.keyOf(row), row);
      this.rows = [...this.byKey.values()].sort(this.order);
      this.leaving = new Set();
      return;
    }
    // Many changes at once (a snapshot's later pieces): appending and sorting is cheaper.
    const bulk = delta.upsert.length > 64;
    const next = this.rows.slice();
    for (const key of delta.remove) {
      const row = this.byKey.get(key);
      if (row === undefined) continue;
      this.byKey.delete(key);
      this.gone.set(key, row);
    }
    for (const row of delta.upsert) {
      const key = this.keyOf(row);
      const old = this.byKey.get(key) ?? this.gone.get(key);
      this.gone.delete(key);
      this.byKey.set(key, row);
      const at = old === undefined ? -1 : this.indexOf(next, old);
      if (at >= 0 && this.order(old!, row) === 0) next[at] = row;
      else {
        if (at >= 0) next.splice(at, 1);
        if (bulk) next.push(row);
        else next.splice(this.insertionPoint(next, row), 0, row);
      }
    }
    if (bulk) next.sort(this.order);
    this.rows = next;
    if (delta.remove.length > 0 || this.leaving.size !== this.gone.size) this.leaving = new Set(this.gone.keys());
    if (this.gone.size > 0 && !this.timer) this.timer = setTimeout(() => this.sweep(), LEAVE_MS);
  }

  get(key: K): R | undefined {
    return this.byKey.get(key);
  }

  private sweep(): void {
    this.timer = undefined;
    const gone = this.gone;
    this.rows = this.rows.filter((r) => !gone.has(this.keyOf(r)));
    gone.clear();
    this.leaving = new Set();
  }

  /** First index whose row sorts after `row`. */
  private insertionPoint(rows: readonly R[], row: R): number {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.order(rows[mid]!, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where `row` itself is: a binary search, then a look among the rows that sort equal to it. */
  private indexOf(rows: readonly R[], row: R): number {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.order(rows[mid]!, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < rows.length && this.order(rows[i]!, row) === 0; i++) if (rows[i] === row) return i;
    return rows.indexOf(row);
  }
}
