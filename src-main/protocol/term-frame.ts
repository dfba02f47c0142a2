// Terminal output as binary WebSocket frames: the page hands the UTF-8 bytes straight to xterm.js,
// instead of decoding a text frame, parsing JSON and validating a string per chunk (most of the
// renderer's work in a flood of output). Layout, all in one frame:
//   byte 0          TERM_OUTPUT (the only kind so far)
//   byte 1          n, the terminal id's length (1..32)
//   bytes 2..2+n    the terminal id, ASCII [A-Za-z0-9_-]
//   4 bytes         the text's length in UTF-16 units, little-endian: what flow control counts
//   the rest        the text as UTF-8
// Everything else still travels as JSON text frames checked by messages.ts.

export const TERM_OUTPUT = 1;
/** Terminal ids are chosen by the client so it can route output before the host answers. */
export const TERM_ID = /^[A-Za-z0-9_-]{1,32}$/;
const encoder = new TextEncoder();

export interface TermOutputFrame {
  term: string;
  /** The output's UTF-8 bytes (a view into the frame). */
  bytes: Uint8Array<ArrayBuffer>;
  /** Its length as a string, in UTF-16 units. */
  chars: number;
}

/** The bytes before the text: where a sender that knows the text's UTF-8 size writes it directly. */
export function termOutputHeaderSize(term: string): number {
  if (!TERM_ID.test(term)) throw new Error(`invalid terminal id: ${term}`);
  return 2 + term.length + 4;
}

/** Writes the header at the start of `frame`, for a text of `chars` UTF-16 units. */
export function writeTermOutputHeader(frame: Uint8Array, term: string, chars: number): void {
  frame[0] = TERM_OUTPUT;
  frame[1] = term.length;
  for (let i = 0; i < term.length; i++) frame[2 + i] = term.charCodeAt(i);
  new DataView(frame.buffer, frame.byteOffset, frame.byteLength).setUint32(2 + term.length, chars, true);
}

export function encodeTermOutput(term: string, data: string): Uint8Array {
  const head = termOutputHeaderSize(term);
  // UTF-8 takes at most 3 bytes per UTF-16 unit.
  const frame = new Uint8Array(head + data.length * 3);
  writeTermOutputHeader(frame, term, data.length);
  const { written } = encoder.encodeInto(data, frame.subarray(head));
  return frame.subarray(0, head + written);
}

/** The frame's parts, or why it is not a terminal output frame. */
export function decodeTermOutput(frame: Uint8Array<ArrayBuffer>): TermOutputFrame | { error: string } {
  if (frame.length < 2 || frame[0] !== TERM_OUTPUT) return { error: 'invalid message: unknown binary frame' };
  const n = frame[1]!;
  const head = 2 + n + 4;
  if (frame.length < head) return { error: 'invalid message: truncated binary frame' };
  const term = String.fromCharCode(...frame.subarray(2, 2 + n));
  if (!TERM_ID.test(term)) return { error: 'invalid message at term: bad terminal id' };
  const chars = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(2 + n, true);
  return { term, bytes: frame.subarray(head), chars };
}
