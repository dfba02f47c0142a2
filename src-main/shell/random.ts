// $RANDOM as bash 5 computes it (Park–Miller generator), seeded from the host so that runs repeat.

export class BashRandom {
  private seed: number;
  private last = -1;

  constructor(seed: number) {
    this.seed = seed >>> 0;
  }

  /** `RANDOM=n` reseeds, and the same n gives the same sequence as real bash. */
  reseed(n: number): void {
    this.seed = n >>> 0;
    this.last = -1;
  }

  next(): number {
    let v: number;
    // Bash never returns the same value twice in a row.
    do v = this.step(); while (v === this.last);
    this.last = v;
    return v;
  }

  private step(): number {
    let s = this.seed;
    if (s === 0) s = 123459876;
    const hi = Math.floor(s / 127773);
    const lo = s % 127773;
    let t = 16807 * lo - 2836 * hi;
    if (t < 0) t += 0x7fffffff;
    this.seed = t;
    return ((t >>> 16) ^ (t & 0xffff)) & 0x7fff;
  }
}
