// Word boundaries for the line editor's word motions and kills (readline's two notions of a word).

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Start of the word before `i` (Alt-B, Alt-Backspace): letters and digits only. */
export function wordStart(chars: readonly string[], i: number): number {
  while (i > 0 && !isWordChar(chars[i - 1])) i--;
  while (i > 0 && isWordChar(chars[i - 1])) i--;
  return i;
}

/** End of the word after `i` (Alt-F, Alt-D). */
export function wordEnd(chars: readonly string[], i: number): number {
  while (i < chars.length && !isWordChar(chars[i])) i++;
  while (i < chars.length && isWordChar(chars[i])) i++;
  return i;
}

/** Start of the whitespace-delimited word before `i` (Ctrl-W, unix-word-rubout). */
export function unixWordStart(chars: readonly string[], i: number): number {
  const space = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';
  while (i > 0 && space(chars[i - 1])) i--;
  while (i > 0 && !space(chars[i - 1])) i--;
  return i;
}
