// Interval tree over page ranges [start, end): a treap keyed by (start, id) and augmented with the
// subtree's largest end, so "is any pin in this range?" costs O(log n) — the layout-change decision
// must stay cheap with a million pinned pages on one file.

interface Node {
  start: number;
  end: number;
  id: number;
  prio: number;
  maxEnd: number;
  left: Node | null;
  right: Node | null;
}

function cmp(aStart: number, aId: number, b: Node): number {
  return aStart !== b.start ? aStart - b.start : aId - b.id;
}

function fix(n: Node): Node {
  let m = n.end;
  if (n.left && n.left.maxEnd > m) m = n.left.maxEnd;
  if (n.right && n.right.maxEnd > m) m = n.right.maxEnd;
  n.maxEnd = m;
  return n;
}

export class IntervalTree {
  private root: Node | null = null;
  private count = 0;
  /** Treap priorities from a private xorshift: deterministic, and independent of the host PRNG. */
  private x = 0x2545f491;

  get size(): number {
    return this.count;
  }

  insert(start: number, end: number, id: number): void {
    const node: Node = { start, end, id, prio: this.nextPrio(), maxEnd: end, left: null, right: null };
    this.root = this.ins(this.root, node);
    this.count++;
  }

  /** Removes the entry (start, id); false when absent. */
  remove(start: number, id: number): boolean {
    const before = this.count;
    this.root = this.del(this.root, start, id);
    return this.count < before;
  }

  /** True when some entry overlaps [start, end). */
  overlaps(start: number, end: number): boolean {
    let n = this.root;
    while (n) {
      if (n.start < end && start < n.end) return true;
      // Go left when the left subtree can still reach `start`; else only the right can hold one.
      if (n.left && n.left.maxEnd > start) n = n.left;
      else if (n.start < end) n = n.right;
      else return false;
    }
    return false;
  }

  /** Ids of entries overlapping [start, end), ordered by (start, id). */
  collect(start: number, end: number, out: number[] = []): number[] {
    const walk = (n: Node | null): void => {
      if (!n || n.maxEnd <= start) return;
      walk(n.left);
      if (n.start < end && start < n.end) out.push(n.id);
      if (n.start < end) walk(n.right);
    };
    walk(this.root);
    return out;
  }

  private nextPrio(): number {
    let x = this.x;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.x = x >>> 0;
    return this.x;
  }

  private ins(t: Node | null, n: Node): Node {
    if (!t) return n;
    if (cmp(n.start, n.id, t) < 0) {
      t.left = this.ins(t.left, n);
      if (t.left.prio > t.prio) return this.rotRight(t);
    } else {
      t.right = this.ins(t.right, n);
      if (t.right.prio > t.prio) return this.rotLeft(t);
    }
    return fix(t);
  }

  private del(t: Node | null, start: number, id: number): Node | null {
    if (!t) return null;
    const c = cmp(start, id, t);
    if (c < 0) t.left = this.del(t.left, start, id);
    else if (c > 0) t.right = this.del(t.right, start, id);
    else {
      this.count--;
      return this.merge(t.left, t.right);
    }
    return fix(t);
  }

  private merge(a: Node | null, b: Node | null): Node | null {
    if (!a) return b;
    if (!b) return a;
    if (a.prio > b.prio) {
      a.right = this.merge(a.right, b);
      return fix(a);
    }
    b.left = this.merge(a, b.left);
    return fix(b);
  }

  private rotRight(t: Node): Node {
    const l = t.left!;
    t.left = l.right;
    l.right = fix(t);
    return fix(l);
  }

  private rotLeft(t: Node): Node {
    const r = t.right!;
    t.right = r.left;
    r.left = fix(t);
    return fix(r);
  }
}
