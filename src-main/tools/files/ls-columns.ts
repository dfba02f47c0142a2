// ls's many-per-line format (-C, the default when stdout is a terminal): names sorted down the
// columns, as many columns as fit in the line, each as wide as its widest name plus two spaces,
// padded with tabs where a tab stop allows — GNU ls 9.1's calculate_columns and indent.

/** A one-character name and its two-space gap: the narrowest column GNU ls plans for. */
const MIN_COLUMN_WIDTH = 3;
/** ls pads with tabs (TABSIZE 8) where a tab lands exactly where a space run would. */
const TAB_SIZE = 8;

interface Plan {
  valid: boolean;
  lineLength: number;
  widths: number[];
}

/** Names already sorted; `width` is the line length (the terminal's columns, or COLUMNS, or 80). */
export function formatColumns(names: readonly string[], width: number): string {
  const n = names.length;
  if (n === 0) return '';
  const maxIdx = Math.floor(width / MIN_COLUMN_WIDTH) + (width % MIN_COLUMN_WIDTH !== 0 ? 1 : 0);
  const maxCols = Math.max(1, Math.min(maxIdx, n));
  // Every column count at once, as ls does: a plan stays valid while its line is shorter than width.
  const plans: Plan[] = [];
  for (let i = 0; i < maxCols; i++) plans.push({ valid: true, lineLength: (i + 1) * MIN_COLUMN_WIDTH, widths: new Array<number>(i + 1).fill(MIN_COLUMN_WIDTH) });
  for (let f = 0; f < n; f++) {
    const len = names[f]!.length;
    for (let i = 0; i < maxCols; i++) {
      const p = plans[i]!;
      if (!p.valid) continue;
      const col = Math.floor(f / Math.floor((n + i) / (i + 1)));
      const real = len + (col === i ? 0 : 2);
      if (p.widths[col]! < real) {
        p.lineLength += real - p.widths[col]!;
        p.widths[col] = real;
        p.valid = p.lineLength < width;
      }
    }
  }
  let cols = maxCols;
  while (cols > 1 && !plans[cols - 1]!.valid) cols--;
  const widths = plans[cols - 1]!.widths;
  const rows = Math.floor(n / cols) + (n % cols !== 0 ? 1 : 0);
  let out = '';
  for (let row = 0; row < rows; row++) {
    let pos = 0;
    for (let col = 0, f = row; ; col++) {
      const name = names[f]!;
      out += name;
      f += rows;
      if (f >= n) break;
      out += indent(pos + name.length, pos + widths[col]!);
      pos += widths[col]!;
    }
    out += '\n';
  }
  return out;
}

function indent(from: number, to: number): string {
  let s = '';
  while (from < to) {
    if (Math.floor(to / TAB_SIZE) > Math.floor((from + 1) / TAB_SIZE)) {
      s += '\t';
      from += TAB_SIZE - (from % TAB_SIZE);
    } else {
      s += ' ';
      from++;
    }
  }
  return s;
}
