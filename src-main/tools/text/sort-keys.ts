// sort's key fields and orderings (GNU coreutils 9.1 under LC_ALL=C): -k F[.C][opts][,F[.C][opts]],
// -t, and the b d f g h i M n r V orderings, with the last-resort byte comparison.

export interface Ordering {
  b: boolean;
  d: boolean;
  f: boolean;
  g: boolean;
  h: boolean;
  i: boolean;
  M: boolean;
  n: boolean;
  r: boolean;
  V: boolean;
}

export interface Key extends Ordering {
  sField: number;
  sChar: number;
  /** The end: field 0 means the end of the line; char 0 the end of the field. */
  eField: number;
  eChar: number;
  /** b given on the end position (skip blanks before counting its characters). */
  eb: boolean;
}

export const NO_ORDER: Ordering = { b: false, d: false, f: false, g: false, h: false, i: false, M: false, n: false, r: false, V: false };

export function hasOrdering(o: Ordering): boolean {
  return o.d || o.f || o.g || o.h || o.i || o.M || o.n || o.r || o.V || o.b;
}

/** Parses a -k argument; a message (GNU's) when it is invalid. */
export function parseKey(spec: string, global: Ordering): Key | string {
  const m = /^(\d+)(?:\.(\d+))?([bdfghiMnrV]*)(?:,(\d+)(?:\.(\d+))?([bdfghiMnrV]*))?$/.exec(spec);
  if (!m) return `invalid number at field start: invalid count at start of '${spec}'`;
  const sField = Number(m[1]);
  if (sField === 0) return `field number is zero: invalid field specification '${spec}'`;
  if (m[2] !== undefined && Number(m[2]) === 0) return `character offset is zero: invalid field specification '${spec}'`;
  if (m[4] !== undefined && Number(m[4]) === 0) return `field number is zero: invalid field specification '${spec}'`;
  const flags = (m[3] ?? '') + (m[6] ?? '');
  const pos = { sField, sChar: m[2] === undefined ? 1 : Number(m[2]), eField: m[4] === undefined ? 0 : Number(m[4]), eChar: m[5] === undefined ? 0 : Number(m[5]) };
  // A key with no options of its own inherits all the global ones (b included).
  if (flags === '') return { ...global, ...pos, eb: global.b };
  const own = { ...NO_ORDER };
  for (const c of flags) own[c as keyof Ordering] = true;
  return { ...own, ...pos, b: (m[3] ?? '').includes('b'), eb: (m[6] ?? '').includes('b') };
}

const BLANK = /[ \t]/;

/** Start offsets of fields: -t splits at each separator; otherwise a field starts with its blanks. */
function fieldStarts(line: string, tab: string | null): number[] {
  const starts = [0];
  if (tab !== null) {
    for (let i = line.indexOf(tab); i >= 0; i = line.indexOf(tab, i + 1)) starts.push(i + 1);
    return starts;
  }
  let i = 0;
  while (i < line.length) {
    while (i < line.length && BLANK.test(line[i]!)) i++;
    while (i < line.length && !BLANK.test(line[i]!)) i++;
    if (i < line.length) starts.push(i);
  }
  return starts;
}

function fieldEnd(line: string, starts: number[], f: number, tab: string | null): number {
  const next = starts[f];
  if (next === undefined) return line.length;
  return tab !== null ? next - 1 : next;
}

/** The text of key `k` in `line`. */
export function keyText(line: string, k: Key, tab: string | null): string {
  const starts = fieldStarts(line, tab);
  let s: number;
  if (k.sField - 1 >= starts.length) s = line.length;
  else {
    s = starts[k.sField - 1]!;
    const end = fieldEnd(line, starts, k.sField, tab);
    if (k.b) while (s < end && BLANK.test(line[s]!)) s++;
    s = Math.min(s + k.sChar - 1, end);
  }
  let e: number;
  if (k.eField === 0) e = line.length;
  else if (k.eField - 1 >= starts.length) e = line.length;
  else {
    const fs = starts[k.eField - 1]!;
    const end = fieldEnd(line, starts, k.eField, tab);
    if (k.eChar === 0) e = end;
    else {
      let p = fs;
      if (k.eb) while (p < end && BLANK.test(line[p]!)) p++;
      e = Math.min(p + k.eChar, end);
    }
  }
  return e > s ? line.slice(s, e) : '';
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** strtold-like leading number of -n: blanks, sign, digits, one decimal point. */
function numPrefix(s: string): number {
  const m = /^[ \t]*(-?)(\d*)(?:\.(\d*))?/.exec(s)!;
  if (m[2] === '' && (m[3] ?? '') === '') return 0;
  const v = Number(`${m[2] || '0'}.${m[3] ?? ''}`);
  return m[1] ? -v : v;
}

/** -h: sign, then SI suffix (k K M G T P E Z Y R Q), then the number. */
function human(s: string): [sign: number, unit: number] {
  const m = /^[ \t]*(-?)(\d*)(?:\.(\d*))?([kKMGTPEZYRQ]?)/.exec(s)!;
  const zero = Number(`${m[2] || '0'}.${m[3] ?? ''}`) === 0;
  const sign = zero ? 0 : m[1] ? -1 : 1;
  const unit = m[4] ? 'KMGTPEZYRQ'.indexOf(m[4].toUpperCase()) + 1 : 0;
  return [sign, sign * unit];
}

function versionCmp(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d < 0 ? -1 : 1;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function bytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two key texts under one ordering (without r). */
export function compareKey(a: string, b: string, o: Ordering): number {
  if (o.n) return Math.sign(numPrefix(a) - numPrefix(b));
  if (o.g) {
    const x = Number.parseFloat(a.trim());
    const y = Number.parseFloat(b.trim());
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
    return Math.sign(x - y);
  }
  if (o.h) {
    const [sa, ua] = human(a);
    const [sb, ub] = human(b);
    if (sa !== sb) return Math.sign(sa - sb);
    if (ua !== ub) return Math.sign(ua - ub);
    return Math.sign(numPrefix(a) - numPrefix(b));
  }
  if (o.M) {
    const mon = (s: string) => MONTHS.indexOf(s.trim().slice(0, 3).toUpperCase()) + 1;
    return Math.sign(mon(a) - mon(b));
  }
  if (o.V) return versionCmp(a, b);
  if (o.d || o.i || o.f) {
    const norm = (s: string) => {
      let t = s;
      if (o.d) t = t.replace(/[^ \tA-Za-z0-9]/g, '');
      if (o.i) t = t.replace(/[^\x20-\x7e]/g, '');
      if (o.f) t = t.toUpperCase();
      return t;
    };
    return bytes(norm(a), norm(b));
  }
  return bytes(a, b);
}

export function lastResort(a: string, b: string): number {
  return bytes(a, b);
}
