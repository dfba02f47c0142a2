// A fingerprint of an event log, wall times left out: two runs of the same inputs must agree on
// it, and a session file carries it so that opening it can say whether the replay matched.
import type { Recorder } from './recorder';

/** The log as comparable lines: every kernel event, then the session's own entries. */
export function canonicalLog(recorder: Recorder): string[] {
  const lines = recorder.host.events().map((e) => JSON.stringify(e));
  for (const item of recorder.entries()) {
    const { wall: _wall, data, ...rest } = item;
    const { edited: _edited, written: _written, ...facts } = data;
    lines.push(JSON.stringify({ ...rest, data: facts }));
  }
  return lines;
}

export interface Digest {
  events: number;
  hash: string;
}

/** FNV-1a over the lines, two 32-bit lanes (different offsets): a fingerprint, not a signature. */
export function digestOf(recorder: Recorder): Digest {
  const lines = canonicalLog(recorder);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x01000193) >>> 0;
      b = (b ^ (b >>> 13)) >>> 0;
    }
    a = Math.imul(a ^ 10, 0x01000193) >>> 0;
  }
  return { events: lines.length, hash: a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0') };
}
