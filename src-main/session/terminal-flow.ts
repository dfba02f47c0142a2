// Flow control between a terminal's shell and the window showing it, as xterm.js recommends
// (xtermjs.org/docs/guides/flowcontrol): the window acknowledges what it has drawn, and once too
// much is unacknowledged the shell's writes wait, so a 50 MB `cat` streams at the window's pace
// instead of piling up in its memory. Off until the window's first acknowledgement: a face that
// never acknowledges (`pinsim shell`, a replay) is never made to wait.

/** Unacknowledged characters at which writers wait, and below which they go on. */
export const FLOW_HIGH = 8 * 1024 * 1024;
export const FLOW_LOW = 4 * 1024 * 1024;

export class TerminalFlow {
  private on = false;
  private unacked = 0;
  private waiters: Array<() => void> = [];

  /** Characters sent to the window. */
  sent(chars: number): void {
    if (this.on) this.unacked += chars;
  }

  /** The window drew `chars` more characters (0: it is there and acknowledges from now on). */
  ack(chars: number): void {
    this.on = true;
    this.unacked = Math.max(0, this.unacked - chars);
    if (this.unacked < FLOW_LOW) this.release();
  }

  /** Resolves when a writer may go on: at once unless too much is unacknowledged. */
  ready(): Promise<void> | undefined {
    if (!this.on || this.unacked <= FLOW_HIGH) return undefined;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Lets every waiting writer go (an interrupt, the terminal closing); acknowledgements stay on. */
  release(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  get waiting(): number {
    return this.waiters.length;
  }
}
