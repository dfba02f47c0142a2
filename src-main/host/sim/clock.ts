// Virtual time in nanoseconds since boot, as a JS number (exact up to 2^53 ns ≈ 104 days).

export const NS_PER_US = 1_000;
export const NS_PER_MS = 1_000_000;
export const NS_PER_SEC = 1_000_000_000;
/** USER_HZ: the tick /proc/<pid>/stat counts start times in. */
export const USER_HZ = 100;

export class Clock {
  private t = 0;

  /**
   * @param epochNs wall-clock time at boot (ns since 1970), so that file times and `ps` start times
   *   look like a real date while staying deterministic.
   */
  constructor(readonly epochNs: number) {}

  now(): number {
    return this.t;
  }

  /** Wall-clock ns since the Unix epoch. */
  wallNs(): number {
    return this.epochNs + this.t;
  }

  /** Only the scheduler moves time, and only forwards. */
  set(t: number): void {
    if (t < this.t) throw new Error(`clock cannot go back from ${this.t} to ${t}`);
    this.t = t;
  }
}
