// Column arithmetic for the line editor: display widths and where each character lands on a wrapping screen.

/** Display width of one code point, as terminals render it (wide East Asian = 2, combining = 0). */
export function charWidth(cp: number): number {
  if (cp === 0) return 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (
    (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe00 && cp <= 0xfe0f)
  ) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd)
  ) return 2;
  return 1;
}

// CSI and OSC sequences take no columns; prompts often carry colours.
// eslint-disable-next-line no-control-regex -- escape sequences are made of control characters
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

/** Width of a prompt: only its last line counts, escape sequences are free. */
export function promptWidth(prompt: string): number {
  const plain = stripAnsi(prompt);
  const last = plain.slice(plain.lastIndexOf('\n') + 1);
  let w = 0;
  for (const ch of last) w += charWidth(ch.codePointAt(0)!);
  return w;
}

export interface ScreenPos {
  row: number;
  col: number;
}

/**
 * Positions of a buffer of characters laid out after a prompt of width `start` on a screen
 * `cols` wide: `pos[i]` is where character i is drawn (or, for i = length, where the cursor
 * rests after it). A wide character that does not fit at the end of a row moves to the next
 * row, as xterm does. A position that would sit past the last column is reported as the start
 * of the next row: the editor always forces that wrap, so the cursor never idles in xterm's
 * pending-wrap state.
 */
export function layout(start: number, chars: readonly string[], cols: number): ScreenPos[] {
  const c = Math.max(1, cols);
  let row = Math.floor(start / c);
  let col = start % c;
  const out: ScreenPos[] = [];
  for (const ch of chars) {
    const w = charWidth(ch.codePointAt(0)!);
    if (col + w > c) {
      row++;
      col = 0;
    }
    out.push({ row, col });
    col += w;
    if (col >= c) {
      row++;
      col = 0;
    }
  }
  out.push({ row, col });
  return out;
}

/** Escape sequence moving the cursor between two positions of the same logical line. */
export function moveCursor(from: ScreenPos, to: ScreenPos): string {
  let s = '';
  if (to.row < from.row) s += `\x1b[${from.row - to.row}A`;
  else if (to.row > from.row) s += `\x1b[${to.row - from.row}B`;
  if (to.col === from.col) return s;
  if (to.col === 0) return s + '\r';
  return s + (to.col > from.col ? `\x1b[${to.col - from.col}C` : `\x1b[${from.col - to.col}D`);
}
