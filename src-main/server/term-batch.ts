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

/** A chunk may end in the first half of a surrogate pair (cat reads 64 Ki UTF-16 units at a time). */
const endsInHighSurrogate = (s: string): boolean => {
  const c = s.charCodeAt(s.length - 1);
  return c >= 0xd800 && c <= 0xdbff;
};

export class TermOutputBatch {
  private readonly pending = new Map<string, Pending>();
  /** Per terminal: a high surrogate held back from the last frame, to go with its other half. */
  private readonly held = new Map<string, string>();
  private size = 0;
  private scheduled = false;

  constructor(private readonly send: (frame: Buffer) => void) {}

  add(term: string, data: string): void {
    const held = this.held.get(term);
    if (held !== undefined) {
      this.held.delete(term);
      data = held + data;
    }
    this.append(term, data);
    if (this.size >= MAX_BATCH) this.flush(false);
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush(false));
    }
  }

  private append(term: string, data: string): void {
    let p = this.pending.get(term);
    if (!p) this.pending.set(term, (p = { parts: [], chars: 0, bytes: 0 }));
    // Parts are encoded one by one: a pair split between two of them becomes one part's.
    const prev = p.parts[p.parts.length - 1];
    if (prev !== undefined && endsInHighSurrogate(prev)) {
      const half = prev.slice(-1);
      p.parts[p.parts.length - 1] = prev.slice(0, -1);
      p.chars -= 1;
      p.bytes -= Buffer.byteLength(half, 'utf8');
      this.size -= 1;
      data = half + data;
    }
    p.parts.push(data);
    p.chars += data.length;
    p.bytes += Buffer.byteLength(data, 'utf8');
    this.size += data.length;
  }

  /**
   * Sends what waits, in the order the terminals first had output; other messages must follow it.
   * `complete` (before another message): a trailing half of a surrogate pair goes too; otherwise
   * it waits for the chunk with its other half, so that the page never decodes the pair apart.
   */
  flush(complete = true): void {
    this.scheduled = false;
    if (complete) for (const [term, half] of this.held) this.append(term, half);
    if (complete) this.held.clear();
    if (this.pending.size === 0) return;
    const batches = [...this.pending];
    this.pending.clear();
    this.size = 0;
    for (const [term, p] of batches) {
      const last = p.parts[p.parts.length - 1]!;
      if (!complete && endsInHighSurrogate(last)) {
        const half = last.slice(-1);
        this.held.set(term, half);
        p.parts[p.parts.length - 1] = last.slice(0, -1);
        p.chars -= 1;
        p.bytes -= Buffer.byteLength(half, 'utf8');
        if (p.chars === 0) continue;
      }
      const head = termOutputHeaderSize(term);
      const frame = Buffer.allocUnsafe(head + p.bytes);
      writeTermOutputHeader(frame, term, p.chars);
      let at = head;
      for (const part of p.parts) at += frame.write(part, at, 'utf8');
      this.send(frame);
    }
  }
}
