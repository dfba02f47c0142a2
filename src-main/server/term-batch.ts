// Joins the terminal output the simulation sends within one turn of the event loop into one
// binary frame per terminal (protocol/term-frame.ts): in a flood the page then handles a few large
// messages instead of one per 64 KiB chunk, and each message costs the browser an IPC hop and a
// task of its own. The text is written as UTF-8 straight into a frame of its exact size.
import { termOutputHeaderSize, writeTermOutputHeader } from '../protocol/term-frame';

/** Output is sent at the latest at the end of the turn, or once this much waits. */
const MAX_BATCH = 1 << 20;

interface Pending {
  parts: string[];
  chars: number;
  bytes: number;
}

export class TermOutputBatch {
  private readonly pending = new Map<string, Pending>();
  private size = 0;
  private scheduled = false;

  constructor(private readonly send: (frame: Buffer) => void) {}

  add(term: string, data: string): void {
    let p = this.pending.get(term);
    if (!p) this.pending.set(term, (p = { parts: [], chars: 0, bytes: 0 }));
    p.parts.push(data);
    p.chars += data.length;
    p.bytes += Buffer.byteLength(data, 'utf8');
    this.size += data.length;
    if (this.size >= MAX_BATCH) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Sends what waits, in the order the terminals first had output; other messages must follow it. */
  flush(): void {
    this.scheduled = false;
    if (this.pending.size === 0) return;
    const batches = [...this.pending];
    this.pending.clear();
    this.size = 0;
    for (const [term, p] of batches) {
      const head = termOutputHeaderSize(term);
      const frame = Buffer.allocUnsafe(head + p.bytes);
      writeTermOutputHeader(frame, term, p.chars);
      let at = head;
      for (const part of p.parts) at += frame.write(part, at, 'utf8');
      this.send(frame);
    }
  }
}
