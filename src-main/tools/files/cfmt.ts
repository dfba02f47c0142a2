// The printf conversions coreutils' stat builds from `%-10s`, `%04a`, `%10.10A`: flags, width and
// precision applied to a string or an unsigned/signed/octal/hex integer.

export interface Conv {
  flags: string;
  width: number;
  precision: number | null;
}

/** Parses the `-#0'+ ` flags, width and `.precision` that follow a `%`. */
export function parseConv(fmt: string, at: number): { conv: Conv; end: number } {
  let i = at;
  let flags = '';
  while (i < fmt.length && "'-+ #0I".includes(fmt[i]!)) flags += fmt[i++];
  let w = '';
  while (i < fmt.length && /\d/.test(fmt[i]!)) w += fmt[i++];
  let precision: number | null = null;
  if (fmt[i] === '.') {
    i++;
    let pr = '';
    while (i < fmt.length && /\d/.test(fmt[i]!)) pr += fmt[i++];
    precision = Number(pr || '0');
  }
  return { conv: { flags, width: Number(w || '0'), precision }, end: i };
}

function pad(s: string, c: Conv, zeroOk: boolean): string {
  if (s.length >= c.width) return s;
  if (c.flags.includes('-')) return s.padEnd(c.width);
  if (zeroOk && c.flags.includes('0')) {
    const sign = /^[-+ ]/.test(s) ? s[0]! : '';
    return sign + s.slice(sign.length).padStart(c.width - sign.length, '0');
  }
  return s.padStart(c.width);
}

export function fmtString(c: Conv, s: string): string {
  return pad(c.precision === null ? s : s.slice(0, c.precision), c, false);
}

/** %d/%u/%o/%x of a non-negative (or, for %d, signed) integer. */
export function fmtInt(c: Conv, n: number | bigint, radix: 'd' | 'u' | 'o' | 'x'): string {
  const base = radix === 'o' ? 8 : radix === 'x' ? 16 : 10;
  let digits = (typeof n === 'bigint' ? (n < 0n ? -n : n) : Math.abs(n)).toString(base);
  if (c.precision !== null) digits = digits.padStart(c.precision, '0');
  if (c.flags.includes('#') && radix === 'o' && !digits.startsWith('0')) digits = '0' + digits;
  if (c.flags.includes('#') && radix === 'x' && n !== 0 && n !== 0n) digits = '0x' + digits;
  const neg = typeof n === 'bigint' ? n < 0n : n < 0;
  const sign = neg ? '-' : radix === 'd' && c.flags.includes('+') ? '+' : radix === 'd' && c.flags.includes(' ') ? ' ' : '';
  return pad(sign + digits, c, c.precision === null);
}
