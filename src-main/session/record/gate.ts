// The shells' macrotask turns in long loops, counted. Live, each turn is a setImmediate and the
// count says how far busy work had got when an input or a clock tick came; in a replay the turns
// are held and let go one by one up to that count, so the work meets the input at the same point.

export type GateMode = 'live' | 'replay';

export class YieldGate {
  /** Turns that have ended. */
  ended = 0;
  /** Turns begun and not yet ended: some shell is busy in a loop. */
  open = 0;
  private held: Array<() => void> = [];

  constructor(private mode: GateMode) {}

  readonly yieldToEvents = (): Promise<void> => {
    this.open++;
    return new Promise<void>((resolve) => {
      const go = () => {
        this.open--;
        this.ended++;
        resolve();
      };
      if (this.mode === 'live') setImmediate(go);
      else this.held.push(go);
    });
  };

  /** Replay: lets held turns end, one at a time with the work each one resumes, until `count` have. */
  async releaseTo(count: number): Promise<void> {
    while (this.ended < count && this.held.length > 0) {
      this.held.shift()!();
      await settled();
    }
  }

  /** The replay is over: turns end by themselves from now on. */
  goLive(): void {
    this.mode = 'live';
    for (const go of this.held.splice(0)) setImmediate(go);
  }
}

/** Resolves once every microtask queued so far (and the ones they queue) has run. */
export function settled(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
