// A key → values index whose keys nearly always have one value (the holder of a file, the pids
// of a lease): one value is kept as itself and only a second one makes a set, which keeps the
// indexes of a 10,000-process host a few MB instead of tens.

const NONE: readonly never[] = [];

export class MultiIndex<K, V> {
  private readonly map = new Map<K, V | Set<V>>();

  add(key: K, value: V): void {
    const cur = this.map.get(key);
    if (cur === undefined) this.map.set(key, value);
    else if (cur instanceof Set) cur.add(value);
    else if (cur !== value) this.map.set(key, new Set([cur, value]));
  }

  /** True when `value` was there. */
  remove(key: K, value: V): boolean {
    const cur = this.map.get(key);
    if (cur === undefined) return false;
    if (!(cur instanceof Set)) {
      if (cur !== value) return false;
      this.map.delete(key);
      return true;
    }
    const had = cur.delete(value);
    if (cur.size === 1) this.map.set(key, cur.values().next().value as V);
    return had;
  }

  get(key: K): Iterable<V> {
    const cur = this.map.get(key);
    return cur === undefined ? NONE : cur instanceof Set ? cur : [cur];
  }

  has(key: K): boolean {
    return this.map.has(key);
  }
}
