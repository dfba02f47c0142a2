// The printf builtin's formatting (and echo -e escapes): C conversions, bash's %b and %q, format reuse.

export interface PrintfResult {
  out: string;
  /** Messages for arguments that were not numbers (`printf: x: invalid number`). */
  errors: string[];
}

/** Backslash escapes of `echo -e` and `%b`; `stop` is set by `\c`. */
export function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const e = s[++i]!;
    const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (simple[e] !== undefined) out += simple[e];
    else if (e === 'c') return { text: out, stop: true };
    else if (e === '0' || /[1-7]/.test(e)) {
      // echo wants \0NNN; printf's format accepts \NNN too.
      let oct = e === '0' ? '' : e;
      while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
      out += String.fromCharCode(parseInt(oct || '0', 8) & 0xff);
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const max = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      let hex = '';
      while (hex.length < max && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) hex += s[++i];
      out += hex ? String.fromCodePoint(parseInt(hex, 16)) : '\\' + e;
    } else out += '\\' + e;
  }
  return { text: out, stop: false };
}

/** `printf %q`: quoted so that the shell reads it back as the same word. */
export function shellQuote(s: string): string {
  if (s === '') return "''";
  if (/[^\x20-\x7e]/.test(s)) {
    const body = [...s].map((ch) => {
      const c = ch.codePointAt(0)!;
      const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x1b': '\\E', "'": "\\'", '\\': '\\\\' };
      if (named[ch]) return named[ch];
      return c < 0x20 || c === 0x7f ? '\\' + c.toString(8).padStart(3, '0') : ch;
    });
    return `$'${body.join('')}'`;
  }
  return s.replace(/[^A-Za-z0-9_@%+=:,./-]/g, '\\$&');
}

function toNumber(arg: string | undefined, errors: string[]): number {
  if (arg === undefined || arg === '') return 0;
  if (/^['"]/.test(arg)) return arg.length > 1 ? arg.codePointAt(1)! : 0;
  const t = arg.trim();
  if (/^[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.test(t)) {
    const neg = t.startsWith('-');
    const body = t.replace(/^[+-]/, '');
    const v = body.startsWith('0x') || body.startsWith('0X') ? parseInt(body, 16) : body.length > 1 && body.startsWith('0') ? parseInt(body, 8) : Number(body);
    return neg ? -v : v;
  }
  if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(t)) return Number(t);
  errors.push(`${arg}: invalid number`);
  const lead = /^[+-]?[0-9]+/.exec(t);
  return lead ? Number(lead[0]) : 0;
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = /^[+-]/.test(s) ? s[0]! : '';
    return sign + '0'.repeat(width - s.length) + s.slice(sign.length);
  }
  return ' '.repeat(width - s.length) + s;
}

export function formatPrintf(format: string, args: readonly string[]): PrintfResult {
  const errors: string[] = [];
  let out = '';
  let ai = 0;
  const next = (): string | undefined => args[ai++];
  for (;;) {
    const before = ai;
    const r = formatOnce(format, next, errors);
    out += r.text;
    if (r.stop || ai >= args.length || ai === before) break;
  }
  return { out, errors };
}

function formatOnce(format: string, next: () => string | undefined, errors: string[]): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '\\') {
      const e = formatEscape(format, i);
      if (e.stop) return { text: out, stop: true };
      out += e.text;
      i = e.next - 1;
      continue;
    }
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^%([-+ 0#]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([diouxXfFeEgGcsbq%])/.exec(format.slice(i));
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
    const width = m[2] === '*' ? toNumber(next(), errors) : Number(m[2] ?? 0);
    const precArg = m[3] === '*' ? String(toNumber(next(), errors)) : m[3];
    const prec = precArg === undefined ? undefined : Number(precArg || 0);
    const left = flags.includes('-') || width < 0;
    const zero = flags.includes('0') && !left;
    const w = Math.abs(width);
    const arg = next();
    let s: string;
    switch (conv) {
      case 's': s = arg ?? ''; if (prec !== undefined) s = s.slice(0, prec); break;
      case 'q': s = shellQuote(arg ?? ''); break;
      case 'b': {
        const e = echoEscapes(arg ?? '');
        out += pad(prec !== undefined ? e.text.slice(0, prec) : e.text, w, left, false);
        if (e.stop) return { text: out, stop: true };
        continue;
      }
      case 'c': s = (arg ?? '').slice(0, 1); break;
      case 'd': case 'i': case 'u': {
        const v = Math.trunc(toNumber(arg, errors));
        s = String(Math.abs(v));
        if (prec !== undefined) s = s.padStart(prec, '0');
        s = (v < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
        out += pad(s, w, left, zero && prec === undefined);
        continue;
      }
      case 'o': case 'x': case 'X': {
        const v = Math.trunc(toNumber(arg, errors));
        s = (v < 0 ? BigInt.asUintN(64, BigInt(v)) : BigInt(v)).toString(conv === 'o' ? 8 : 16);
        if (conv === 'X') s = s.toUpperCase();
        if (prec !== undefined) s = s.padStart(prec, '0');
        if (flags.includes('#') && v !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s;
        out += pad(s, w, left, zero);
        continue;
      }
      default: {
        const v = toNumber(arg, errors);
        const p = prec ?? 6;
        s = conv === 'f' || conv === 'F' ? v.toFixed(p) : conv === 'e' || conv === 'E' ? cExp(v, p) : cGeneral(v, p);
        if (conv === 'E' || conv === 'G') s = s.toUpperCase();
        if (v >= 0 && flags.includes('+')) s = '+' + s;
        out += pad(s, w, left, zero);
        continue;
      }
    }
    out += pad(s, w, left, false);
  }
  return { text: out, stop: false };
}

/** The text of a `$'…'` string: printf's escapes plus `\cX` control characters. */
export function decodeAnsiC(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; ) {
    if (body[i] !== '\\') {
      out += body[i++];
      continue;
    }
    if (body[i + 1] === 'c' && i + 2 < body.length) {
      out += String.fromCharCode(body[i + 2]!.toUpperCase().charCodeAt(0) & 0x1f);
      i += 3;
      continue;
    }
    const e = formatEscape(body, i);
    out += e.stop ? '\\c' : e.text;
    i = e.next;
  }
  return out;
}

/** One backslash escape of a printf format starting at `i`. */
function formatEscape(f: string, i: number): { text: string; next: number; stop: boolean } {
  const e = f[i + 1];
  if (e === undefined) return { text: '\\', next: i + 1, stop: false };
  const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'", '?': '?' };
  if (simple[e] !== undefined) return { text: simple[e], next: i + 2, stop: false };
  if (e === 'c') return { text: '', next: i + 2, stop: true };
  const digits = (re: RegExp, max: number, from: number): string => {
    let d = '';
    while (d.length < max && re.test(f[from + d.length] ?? '')) d += f[from + d.length];
    return d;
  };
  if (/[0-7]/.test(e)) {
    const oct = digits(/[0-7]/, 3, i + 1);
    return { text: String.fromCharCode(parseInt(oct, 8) & 0xff), next: i + 1 + oct.length, stop: false };
  }
  if (e === 'x' || e === 'u' || e === 'U') {
    const hex = digits(/[0-9a-fA-F]/, e === 'x' ? 2 : e === 'u' ? 4 : 8, i + 2);
    if (hex) return { text: String.fromCodePoint(parseInt(hex, 16)), next: i + 2 + hex.length, stop: false };
  }
  return { text: '\\' + e, next: i + 2, stop: false };
}

function cExp(v: number, p: number): string {
  const [mant, exp] = v.toExponential(p).split('e') as [string, string];
  const n = Number(exp);
  return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
}

function cGeneral(v: number, p: number): string {
  const prec = p === 0 ? 1 : p;
  if (v === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(v)));
  const s = exp < -4 || exp >= prec ? cExp(v, prec - 1) : v.toFixed(Math.max(0, prec - 1 - exp));
  // %g drops trailing zeros.
  return s.includes('e') ? s.replace(/\.?0+e/, 'e') : s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
