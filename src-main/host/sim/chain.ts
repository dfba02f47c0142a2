// Composing calls that may sleep: `chain(r, f)` continues with `f` once `r` has a result, and
// returns a Blocking whose Wait settles with f's final result.
import type { Blocking, SysResult, Wait } from './result';

class ChainedWait<U> implements Wait<U> {
  private result: SysResult<U> | null = null;
  private readonly callbacks: Array<(r: SysResult<U>) => void> = [];
  private current: Wait<unknown>;

  constructor(first: Wait<unknown>) {
    this.current = first;
  }
  get id(): number {
    return this.current.id;
  }
  get pid(): number {
    return this.current.pid;
  }
  get wchan(): string {
    return this.current.wchan;
  }
  get since(): number {
    return this.current.since;
  }
  get settled(): boolean {
    return this.result !== null;
  }
  get killed(): boolean {
    return this.current.killed;
  }
  follow(w: Wait<unknown>): void {
    this.current = w;
  }
  onSettle(cb: (r: SysResult<U>) => void): void {
    if (this.result) cb(this.result);
    else this.callbacks.push(cb);
  }
  settle(r: SysResult<U>): void {
    this.result = r;
    for (const cb of this.callbacks.splice(0)) cb(r);
  }
}

export function chain<T, U>(r: Blocking<T>, f: (v: SysResult<T>) => Blocking<U>): Blocking<U> {
  if (r.ok || !r.pending) return f(r as SysResult<T>);
  const w = new ChainedWait<U>(r.pending as Wait<unknown>);
  const step = (res: SysResult<unknown>, next: (v: SysResult<never>) => Blocking<U>): void => {
    const out = next(res as SysResult<never>);
    if (out.ok || !out.pending) w.settle(out as SysResult<U>);
    else {
      w.follow(out.pending as Wait<unknown>);
      out.pending.onSettle((x) => w.settle(x));
    }
  };
  r.pending.onSettle((res) => step(res, f as (v: SysResult<never>) => Blocking<U>));
  return { ok: false, pending: w };
}
