// tr: translate, squeeze and/or delete characters (GNU coreutils 9.1, C locale): escapes, ranges,
// [:classes:], [c*n] repeats, -c -d -s -t; streamed chunk by chunk.
import { defineTool } from '../tool';
import { complain, usageError } from '../common';
import { parseOpts } from './opts';

const HELP = `Usage: tr [OPTION]... STRING1 [STRING2]
Translate, squeeze, and/or delete characters from standard input,
writing to standard output.  STRING1 and STRING2 specify arrays of
characters ARRAY1 and ARRAY2 that control the action.

  -c, -C, --complement    use the complement of ARRAY1
  -d, --delete            delete characters in ARRAY1, do not translate
  -s, --squeeze-repeats   replace each sequence of a repeated character
                            that is listed in the last specified ARRAY,
                            with a single occurrence of that character
  -t, --truncate-set1     first truncate ARRAY1 to length of ARRAY2
      --help        display this help and exit

ARRAYs are specified as strings of characters.  Most represent themselves.
Interpreted sequences are:

  \\NNN            character with octal value NNN (1 to 3 octal digits)
  \\\\              backslash
  \\n              new line
  \\t              horizontal tab
  CHAR1-CHAR2     all characters from CHAR1 to CHAR2 in ascending order
  [CHAR*]         in ARRAY2, copies of CHAR until length of ARRAY1
  [CHAR*REPEAT]   REPEAT copies of CHAR, REPEAT octal if starting with 0
  [:alnum:]       all letters and digits
  [:alpha:]       all letters
  [:blank:]       all horizontal whitespace
  [:digit:]       all digits
  [:lower:]       all lower case letters
  [:space:]       all horizontal or vertical whitespace
  [:upper:]       all upper case letters
`;

const LONG = { complement: ['c'], delete: ['d'], 'squeeze-repeats': ['s'], 'truncate-set1': ['t'] } as const;

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => String.fromCharCode(a + k));
const CLASSES: Record<string, string[]> = {
  alnum: [...range(48, 57), ...range(65, 90), ...range(97, 122)],
  alpha: [...range(65, 90), ...range(97, 122)],
  blank: [' ', '\t'],
  cntrl: [...range(0, 31), '\x7f'],
  digit: range(48, 57),
  graph: range(33, 126),
  lower: range(97, 122),
  print: range(32, 126),
  punct: range(33, 126).filter((c) => !/[A-Za-z0-9]/.test(c)),
  space: [' ', '\t', '\n', '\v', '\f', '\r'],
  upper: range(65, 90),
  xdigit: [...range(48, 57), ...range(65, 70), ...range(97, 102)],
};

class SetError extends Error {}

/** One character of a set string at `i`, with its escape decoded. */
function charAt(s: string, i: number): [string, number] {
  if (s[i] !== '\\' || i + 1 >= s.length) return [s[i]!, i + 1];
  const e = s[i + 1]!;
  const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8) & 0xff), i + 1 + oct[0].length];
  const m: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  return [m[e] ?? e, i + 2];
}

/** Expands a set; `fill` is ARRAY1's length for a `[c*]` in ARRAY2. */
function expand(s: string, fill = 0): string[] {
  const out: string[] = [];
  let fillAt = -1;
  let fillCh = '';
  for (let i = 0; i < s.length; ) {
    const cls = /^\[:([a-z]+):\]/.exec(s.slice(i));
    if (cls) {
      const c = CLASSES[cls[1]!];
      if (!c) throw new SetError(`invalid character class '${cls[1]}'`);
      out.push(...c);
      i += cls[0].length;
      continue;
    }
    const eq = /^\[=(.)=\]/.exec(s.slice(i));
    if (eq) {
      out.push(eq[1]!);
      i += eq[0].length;
      continue;
    }
    if (s[i] === '[') {
      const [ch, j] = charAt(s, i + 1);
      const rep = /^\*(\d*)\]/.exec(s.slice(j));
      if (rep) {
        if (rep[1] === '') {
          fillAt = out.length;
          fillCh = ch;
        } else {
          const n = rep[1]!.startsWith('0') ? parseInt(rep[1]!, 8) : Number(rep[1]);
          for (let k = 0; k < n; k++) out.push(ch);
        }
        i = j + rep[0].length;
        continue;
      }
    }
    const [a, j] = charAt(s, i);
    if (s[j] === '-' && j + 1 < s.length) {
      const [b, k] = charAt(s, j + 1);
      if (b.charCodeAt(0) < a.charCodeAt(0)) throw new SetError(`range-endpoints of '${s.slice(i, k)}' are in reverse collating sequence order`);
      out.push(...range(a.charCodeAt(0), b.charCodeAt(0)));
      i = k;
      continue;
    }
    out.push(a);
    i = j;
  }
  if (fillAt >= 0) out.splice(fillAt, 0, ...Array<string>(Math.max(0, fill - out.length)).fill(fillCh));
  return out;
}

export const tr = defineTool({
  name: 'tr',
  summary: 'translate or delete characters',
  help: HELP,
  async run(t) {
    const p = parseOpts(t.args, { short: 'cCdst', long: LONG });
    if (!p.ok) return usageError(t, p.message);
    const f = { c: false, d: false, s: false, t: false };
    for (const [k] of p.opts) f[k === 'C' ? 'c' : (k as 'c' | 'd' | 's' | 't')] = true;
    const ops = p.operands;
    if (ops.length === 0) return usageError(t, 'missing operand');
    const needTwo = f.d === f.s;
    if (needTwo && ops.length < 2) {
      const why = f.d ? 'both deleting and squeezing repeats' : 'translating';
      return usageError(t, `missing operand after '${ops[0]}'\nTwo strings must be given when ${why}.`);
    }
    const max = f.d && !f.s ? 1 : 2;
    if (ops.length > max) {
      const why = max === 1 ? '\nOnly one string may be given when deleting without squeezing repeats.' : '';
      return usageError(t, `extra operand '${ops[max]}'${why}`);
    }
    let set1: string[];
    let set2: string[] = [];
    try {
      set1 = expand(ops[0]!);
      if (f.c) {
        const inSet = new Set(set1);
        set1 = range(0, 255).filter((c) => !inSet.has(c));
      }
      if (ops[1] !== undefined) set2 = expand(ops[1], set1.length);
    } catch (e) {
      if (e instanceof SetError) return complain(t, e.message);
      throw e;
    }
    const translating = !f.d && set2.length > 0;
    if (!f.d && !f.s && set2.length === 0 && ops.length === 2) return complain(t, 'when not truncating set1, string2 must be non-empty');
    if (translating) {
      if (f.t) set1 = set1.slice(0, set2.length);
      while (set2.length < set1.length) set2.push(set2[set2.length - 1]!);
    }
    const map = new Map<string, string>();
    if (translating) set1.forEach((c, k) => map.set(c, set2[k]!));
    const del = new Set(f.d ? set1 : []);
    const squeeze = new Set(f.s ? (set2.length ? set2 : set1) : []);
    let last = '';
    for (let chunk = await t.stdin.read(); chunk !== null; chunk = await t.stdin.read()) {
      let out = '';
      for (const ch of chunk) {
        if (del.has(ch)) continue;
        const c = map.get(ch) ?? ch;
        if (squeeze.has(c) && c === last) continue;
        out += c;
        last = c;
      }
      if (out) await t.out(out);
    }
    return 0;
  },
});
