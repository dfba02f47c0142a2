// Lays out completion candidates in columns the way readline lists them on a double Tab.

import { charWidth } from './screen-layout';

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/**
 * Candidates sorted, filled down the columns first (readline's default, with
 * print-completions-horizontally off); each row ends in CRLF because it goes straight to the
 * terminal.
 */
export function formatCandidates(candidates: readonly string[], cols: number): string {
  const items = [...candidates].sort();
  if (items.length === 0) return '';
  const max = Math.max(...items.map(width)) + 2;
  let limit = Math.floor(cols / max);
  // readline leaves the last column free rather than fill the row exactly.
  if (limit !== 1 && limit * max === cols) limit--;
  if (limit <= 0) limit = 1;
  const rows = Math.ceil(items.length / limit);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < limit; c++) {
      const item = items[c * rows + r];
      if (item === undefined) break;
      const isLast = c + 1 >= limit || items[(c + 1) * rows + r] === undefined;
      line += isLast ? item : item + ' '.repeat(max - width(item));
    }
    out += line + '\r\n';
  }
  return out;
}
