// A table the host keeps up to date by keyed deltas; rows are replaced wholesale (raw state) so a
// 10 Hz update of 10,000 rows costs one array, not 10,000 proxies. Removed rows linger briefly,
// marked leaving, so the window can show them go.
/* eslint-disable svelte/prefer-svelte-reactivity -- the indexes are private; state is published as raw arrays and sets, replaced wholesale */
import type { Delta } from '../../../src-main/protocol/views';

export const LEAVE_MS = 700;

export class KeyedRows<R, K> {
  rows = $state.raw<R[]>([]);
  leaving = $state.raw<ReadonlySet<K>>(new Set());
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
    }
    for (const key of delta.remove) {
      const row = this.byKey.get(key);
      if (row === undefined) continue;
      this.byKey.delete(key);
      this.gone.set(key, row);
    }
    for (const row of delta.upsert) {
      const key = this.keyOf(row);
      this.gone.delete(key);
      this.byKey.set(key, row);
    }
    if (this.gone.size > 0 && !this.timer) this.timer = setTimeout(() => this.sweep(), LEAVE_MS);
    this.publish();
  }

  get(key: K): R | undefined {
    return this.byKey.get(key);
  }

  /** Rows still present (not leaving). */
  get live(): R[] {
    return this.rows.filter((r) => !this.leaving.has(this.keyOf(r)));
  }

  private sweep(): void {
    this.timer = undefined;
    this.gone.clear();
    this.publish();
  }

  private publish(): void {
    this.rows = [...this.byKey.values(), ...this.gone.values()].sort(this.order);
    this.leaving = new Set(this.gone.keys());
  }
}
