// awk values: numbers, strings, and "strnums" (input that looks numeric compares as a number),
// their conversions (CONVFMT/OFMT, integers as %d), and printf's C-style formatting.

/** Text from input (fields, getline, split, ARGV, ENVIRON, -v): numeric if it looks numeric. */
export class StrNum {
  private n: number | null | undefined;
  constructor(readonly s: string) {}
  /** The number it looks like, or null when it does not look numeric. */
  get looks(): number | null {
    if (this.n === undefined) this.n = LOOKS.test(this.s) ? strtod(this.s) : null;
    return this.n;
  }
}

export type Val = number | string | StrNum;

/** The value of a variable never assigned: "" and 0 at once. */
export const UNINIT = new StrNum('');

const LOOKS = /^[ \t\n\r\f\v]*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)[ \t\n\r\f\v]*$/;
const PREFIX = /^[ \t\n\r\f\v]*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/;

/** C's strtod on the longest numeric prefix; 0 when there is none. */
export function strtod(s: string): number {
  const m = PREFIX.exec(s);
  return m ? Number(m[0].trim()) : 0;
}

export function toNum(v: Val): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return strtod(v);
  return v.looks ?? strtod(v.s);
}

export function numToStr(n: number, fmt: string): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  if (Number.isNaN(n)) return n < 0 ? '-nan' : 'nan';
  if (!Number.isFinite(n)) return n < 0 ? '-inf' : 'inf';
  return sprintf(fmt, [n]);
}

export function toStr(v: Val, convfmt = '%.6g'): string {
  if (typeof v === 'number') return numToStr(v, convfmt);
  return typeof v === 'string' ? v : v.s;
}

export function toBool(v: Val): boolean {
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  if (v === UNINIT) return false;
  const n = v.looks;
  return n !== null ? n !== 0 : v.s !== '';
}

function numericish(v: Val): boolean {
  return typeof v === 'number' || (v instanceof StrNum && (v === UNINIT || v.looks !== null));
}

/** POSIX comparison: numeric when both sides are numbers or numeric-looking input, else text. */
export function compare(a: Val, b: Val, convfmt: string): number {
  if (numericish(a) && numericish(b)) {
    const x = toNum(a);
    const y = toNum(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const s = toStr(a, convfmt);
  const t = toStr(b, convfmt);
  return s < t ? -1 : s > t ? 1 : 0;
}

export class FormatError extends Error {}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = /^[+\- ]/.test(s) ? s[0]! : '';
    const pre = /^[+\- ]?0[xX]/.test(s) ? s.slice(sign.length, sign.length + 2) : '';
    const body = s.slice(sign.length + pre.length);
    return sign + pre + '0'.repeat(width - s.length) + body;
  }
  return ' '.repeat(width - s.length) + s;
}

function expForm(v: number, p: number, upper: boolean): string {
  const [m, e] = v.toExponential(p).split('e') as [string, string];
  const n = Number(e);
  const s = `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  return upper ? s.toUpperCase() : s;
}

function general(v: number, p: number, alt: boolean, upper: boolean): string {
  const prec = p === 0 ? 1 : p;
  if (v === 0) return alt ? (0).toFixed(prec - 1) : '0';
  const exp = Number(v.toExponential(prec - 1).split('e')[1]);
  let s = exp < -4 || exp >= prec ? expForm(v, prec - 1, upper) : v.toFixed(Math.max(0, prec - 1 - exp));
  if (!alt) s = s.includes('e') || s.includes('E') ? s.replace(/\.?0+([eE])/, '$1') : s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  return s;
}

function finite(v: number, body: () => string): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v < 0 ? '-inf' : 'inf';
  return body();
}

/** awk's sprintf: C conversions over awk values. */
export function sprintf(fmt: string, args: readonly Val[], convfmt = '%.6g'): string {
  let out = '';
  let ai = 0;
  const next = (): Val => {
    if (ai >= args.length) throw new FormatError('not enough arguments to satisfy format string');
    return args[ai++]!;
  };
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([cdiouxXeEfFgGs%])/.exec(fmt.slice(i));
    if (!m) {
      out += c;
      continue;
    }
    i += m[0].length - 1;
    const flags = m[1] ?? '';
    const conv = m[4]!;
    if (conv === '%') {
      out += '%';
      continue;
    }
    let width = m[2] === '*' ? Math.trunc(toNum(next())) : Number(m[2] ?? 0);
    let left = flags.includes('-');
    if (width < 0) {
      left = true;
      width = -width;
    }
    const precRaw = m[3] === '*' ? Math.trunc(toNum(next())) : m[3] === undefined ? undefined : Number(m[3] || 0);
    const prec = precRaw !== undefined && precRaw < 0 ? undefined : precRaw;
    const zero = flags.includes('0') && !left;
    const sign = (v: number, s: string) => (v < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
    const arg = next();
    switch (conv) {
      case 's': {
        let s = toStr(arg, convfmt);
        if (prec !== undefined) s = s.slice(0, prec);
        out += pad(s, width, left, false);
        break;
      }
      case 'c': {
        // A number (input that looks like one included) is a character code, as in gawk.
        const code = typeof arg === 'number' ? arg : arg instanceof StrNum && arg !== UNINIT ? arg.looks : null;
        const s = code !== null ? String.fromCharCode(Math.trunc(code) & 0xff) : toStr(arg, convfmt).slice(0, 1);
        out += pad(s, width, left, false);
        break;
      }
      case 'd': case 'i': case 'u': {
        const v = Math.trunc(toNum(arg));
        let s = finite(v, () => BigInt(Math.abs(v)).toString());
        if (prec !== undefined) s = s.padStart(prec, '0');
        out += pad(sign(v, s), width, left, zero && prec === undefined);
        break;
      }
      case 'o': case 'x': case 'X': {
        const v = Math.trunc(toNum(arg));
        let s = (v < 0 ? BigInt.asUintN(64, BigInt(v)) : BigInt(v)).toString(conv === 'o' ? 8 : 16);
        if (conv === 'X') s = s.toUpperCase();
        if (prec !== undefined) s = s.padStart(prec, '0');
        if (flags.includes('#') && v !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s;
        out += pad(s, width, left, zero && prec === undefined);
        break;
      }
      default: {
        const v = toNum(arg);
        const p = prec ?? 6;
        const a = Math.abs(v);
        const body = finite(a, () =>
          conv === 'f' || conv === 'F' ? a.toFixed(p) : conv === 'e' || conv === 'E' ? expForm(a, p, conv === 'E') : general(a, p, flags.includes('#'), conv === 'G'),
        );
        out += pad(sign(v, body), width, left, zero && Number.isFinite(v));
      }
    }
  }
  return out;
}
