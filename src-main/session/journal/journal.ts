// The journal of a running session: its inputs appended as JSON lines to the current segment and
// written out at the end of each turn of the event loop (synced to disk at least once a second);
// a snapshot of the whole session replaces the old one by an atomic rename and starts a new segment.
import { closeSync, fdatasyncSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionInput } from '../record/inputs';
import { serializeSession, type SessionDoc } from '../record/session-file';

export const SNAPSHOT = 'session.json';
export const SEGMENT = /^journal-(\d{9})\.jsonl$/;
const SYNC_MS = 500;

export const segmentName = (first: number): string => `journal-${String(first).padStart(9, '0')}.jsonl`;

/** Writes `text` to `dir/name` so that a reader sees the old file or the new one, never half. */
export function writeAtomic(dir: string, name: string, text: string): void {
  const tmp = join(dir, `${name}.tmp`);
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(dir, name));
  syncDir(dir);
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms cannot open a directory to sync it; the rename itself is still atomic.
  }
}

export class Journal {
  private fd: number;
  private buffer: string[] = [];
  private flushing = false;
  private syncTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    readonly id: string,
    readonly dir: string,
    first: number,
  ) {
    this.fd = openSync(join(dir, segmentName(first)), 'a', 0o600);
  }

  append(input: SessionInput): void {
    if (this.closed) return;
    this.buffer.push(`${JSON.stringify(input)}\n`);
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => this.flush());
  }

  /** Writes what is buffered (the OS has it then: a killed process loses nothing). */
  flush(): void {
    this.flushing = false;
    if (this.buffer.length === 0 || this.closed) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.syncTimer ??= setTimeout(() => {
      this.syncTimer = undefined;
      if (!this.closed) fdatasyncSync(this.fd);
    }, SYNC_MS);
    this.syncTimer.unref?.();
  }

  /** The whole session so far, atomically; later inputs go to a new segment, older ones go. */
  snapshot(doc: SessionDoc): void {
    if (this.closed) return;
    this.flush();
    writeAtomic(this.dir, SNAPSHOT, serializeSession(doc));
    const next = (doc.inputs[doc.inputs.length - 1]?.n ?? 0) + 1;
    const name = segmentName(next);
    closeSync(this.fd);
    this.fd = openSync(join(this.dir, name), 'a', 0o600);
    for (const f of readdirSync(this.dir)) if (SEGMENT.test(f) && f !== name) rmSync(join(this.dir, f), { force: true });
    syncDir(this.dir);
  }

  /** A clean end: everything on disk, and the session marked so nobody offers to restore it. */
  close(state: 'closed' | 'restored' = 'closed'): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    if (this.syncTimer) clearTimeout(this.syncTimer);
    fdatasyncSync(this.fd);
    closeSync(this.fd);
    writeAtomic(this.dir, 'state', `${state}\n`);
  }

  /** Leaves the files as a crash would (tests of recovery). */
  abandon(): void {
    this.flush();
    this.closed = true;
    if (this.syncTimer) clearTimeout(this.syncTimer);
    closeSync(this.fd);
  }
}
