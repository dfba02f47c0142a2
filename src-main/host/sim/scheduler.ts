// Timer queue on virtual time: a binary heap ordered by (when, insertion sequence), so that timers
// due at the same instant run in the order they were armed — the determinism the event log needs.
import type { Clock } from './clock';

export type TimerId = number;

interface Timer {
  id: TimerId;
  when: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export class Scheduler {
  private heap: Timer[] = [];
  private byId = new Map<TimerId, Timer>();
  private nextId = 1;
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  /** Runs `fn` when virtual time reaches now + delayNs (delay 0: at the next run of due timers). */
  after(delayNs: number, fn: () => void): TimerId {
    if (!(delayNs >= 0)) throw new Error(`negative timer delay ${delayNs}`);
    const t: Timer = { id: this.nextId++, when: this.clock.now() + delayNs, seq: this.seq++, fn, cancelled: false };
    this.byId.set(t.id, t);
    this.push(t);
    return t.id;
  }

  cancel(id: TimerId): void {
    const t = this.byId.get(id);
    if (t) {
      t.cancelled = true;
      this.byId.delete(id);
    }
  }

  pending(): number {
    return this.byId.size;
  }

  /** Virtual time of the next live timer, or null when none is armed. */
  nextTime(): number | null {
    this.dropCancelled();
    return this.heap[0]?.when ?? null;
  }

  /** Runs every timer due at or before `until`, moving the clock to each one, then to `until`. */
  advanceTo(until: number): number {
    let ran = 0;
    for (;;) {
      this.dropCancelled();
      const top = this.heap[0];
      if (!top || top.when > until) break;
      this.pop();
      this.byId.delete(top.id);
      if (top.when > this.clock.now()) this.clock.set(top.when);
      top.fn();
      ran++;
    }
    if (until > this.clock.now()) this.clock.set(until);
    return ran;
  }

  /** Runs timers in order until none remain or `maxTimers` have run; returns how many ran. */
  runUntilIdle(maxTimers: number): number {
    let ran = 0;
    while (ran < maxTimers) {
      const next = this.nextTime();
      if (next === null) break;
      ran += this.advanceTo(next);
    }
    return ran;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop();
  }

  private less(a: Timer, b: Timer): boolean {
    return a.when < b.when || (a.when === b.when && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
