// POSIX regular expressions (BRE for grep/sed, ERE for grep -E, sed -E and awk) translated to
// JavaScript RegExp source, with GNU's extensions and GNU regcomp's error texts. Not modelled:
// POSIX leftmost-longest choice between alternatives (JS takes the first that matches).

export class RegexError extends Error {}

export interface RegexSyntax {
  extended: boolean;
  /** GNU sed reads \n and \t (also inside brackets) as newline and tab. */
  sedEscapes?: boolean;
  /** awk (ERE with C escapes): \n \t \/ \" and friends; no back-references. */
  awk?: boolean;
}

export interface Translated {
  source: string;
  /** Capturing groups in the expression. */
  groups: number;
}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

const C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b' };

/** One character as it may stand anywhere in a JS pattern or class. */
function lit(ch: string): string {
  const c = ch.charCodeAt(0);
  if (/[A-Za-z0-9 _]/.test(ch)) return ch;
  if (c < 0x20 || c === 0x7f) return `\\x${c.toString(16).padStart(2, '0')}`;
  if (/[\\^$.|?*+()[\]{}/-]/.test(ch)) return '\\' + ch;
  return ch;
}

export function escapeLiteral(s: string): string {
  let o = '';
  for (const ch of s) o += lit(ch);
  return o;
}

/** A bracket expression starting after `[` at `i`; returns the JS class and the index past `]`. */
function bracket(p: string, i: number, syn: RegexSyntax): { cls: string; next: number } {
  const start = i;
  let neg = false;
  if (p[i] === '^') {
    neg = true;
    i++;
  }
  let body = '';
  let first = true;
  for (;;) {
    if (i >= p.length) throw new RegexError(start >= p.length ? 'Invalid regular expression' : 'Unmatched [, [^, [:, [., or [=');
    let ch = p[i]!;
    if (ch === ']' && !first) break;
    first = false;
    if (ch === '[' && (p[i + 1] === ':' || p[i + 1] === '.' || p[i + 1] === '=')) {
      const kind = p[i + 1]!;
      const end = p.indexOf(kind + ']', i + 2);
      if (end < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const name = p.slice(i + 2, end);
      i = end + 2;
      if (kind === ':') {
        const cls = CLASSES[name];
        if (cls === undefined) throw new RegexError('Invalid character class name');
        body += cls;
        continue;
      }
      if ([...name].length !== 1) throw new RegexError('Invalid collation character');
      ch = name;
    } else if (ch === '\\' && (syn.awk || syn.sedEscapes) && i + 1 < p.length) {
      const e = p[i + 1]!;
      if (C_ESCAPES[e] !== undefined && (syn.awk || e === 'n' || e === 't')) {
        ch = C_ESCAPES[e];
        i += 2;
      } else if (syn.awk) {
        ch = e;
        i += 2;
      } else i++;
    } else i++;
    // A range: prev-ch, unless '-' ends the bracket.
    if (p[i] === '-' && p[i + 1] !== ']' && i + 1 < p.length) {
      let hi = p[i + 1]!;
      let skip = 2;
      if (hi === '[' && p[i + 2] === '.') {
        const end = p.indexOf('.]', i + 3);
        if (end < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
        hi = p.slice(i + 3, end);
        skip = end + 2 - i;
      } else if (hi === '\\' && syn.awk && i + 2 < p.length) {
        hi = C_ESCAPES[p[i + 2]!] ?? p[i + 2]!;
        skip = 3;
      }
      if (hi.charCodeAt(0) < ch.charCodeAt(0)) throw new RegexError('Invalid range end');
      body += `${lit(ch)}-${lit(hi)}`;
      i += skip;
      continue;
    }
    body += lit(ch);
  }
  return { cls: `[${neg ? '^' : ''}${body}]`, next: i + 1 };
}

type Kind = 'none' | 'atom' | 'quantified' | 'assertion';

/**
 * Translates `p` to a JS source. `offset` renumbers groups and back-references, so that several
 * patterns (grep -e A -e B) can be joined by `|`.
 */
export function translate(p: string, syn: RegexSyntax, offset = 0): Translated {
  const ere = syn.extended;
  let out = '';
  let atomStart = 0;
  let kind: Kind = 'none';
  /** Start of an alternative: BRE reads `*` and `^` there as a literal and an anchor. */
  let atStart = true;
  /** Open groups: their number and where their '(' stands in `out`. */
  const open: { n: number; pos: number }[] = [];
  let groups = 0;
  const closed = new Set<number>();

  const atom = (s: string, k: Kind = 'atom') => {
    atomStart = out.length;
    out += s;
    kind = k;
    atStart = false;
  };
  const quantify = (q: string) => {
    if (kind === 'quantified' || kind === 'assertion') out = out.slice(0, atomStart) + '(?:' + out.slice(atomStart) + ')';
    out += q;
    kind = 'quantified';
    atStart = false;
  };
  /** An interval body `m,n` (GNU: `,n` is `0,n`); null when it is not one. */
  const interval = (body: string): string | null => {
    const m = /^(\d*)(,(\d*))?$/.exec(body);
    if (!m || (m[1] === '' && m[2] === undefined)) return null;
    const lo = m[1] === '' ? 0 : Number(m[1]);
    const hi = m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3]);
    if (hi < lo || lo > 32767 || (hi !== Infinity && hi > 32767)) throw new RegexError('Invalid content of \\{\\}');
    return m[2] === undefined ? `{${lo}}` : hi === Infinity ? `{${lo},}` : `{${lo},${hi}}`;
  };
  const groupOpen = () => {
    open.push({ n: ++groups, pos: out.length });
    atomStart = out.length;
    out += '(';
    kind = 'none';
    atStart = true;
  };
  const groupClose = () => {
    const g = open.pop()!;
    closed.add(g.n);
    out += ')';
    atomStart = g.pos;
    kind = 'atom';
    atStart = false;
  };
  const alternate = () => {
    out += '|';
    kind = 'none';
    atStart = true;
  };
  const backref = (d: string) => {
    const n = Number(d);
    if (n > groups || !closed.has(n)) throw new RegexError('Invalid back reference');
    atom(`\\${n + offset}`);
  };

  let afterCaret = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    const caret = afterCaret;
    afterCaret = false;
    if (c === '\\') {
      if (i + 1 >= p.length) throw new RegexError('Trailing backslash');
      const e = p[++i]!;
      if (!ere && e === '(') groupOpen();
      else if (!ere && e === ')') {
        if (!open.length) throw new RegexError('Unmatched ) or \\)');
        groupClose();
      } else if (!ere && e === '|') alternate();
      else if (!ere && e === '{') {
        const end = p.indexOf('\\}', i + 1);
        if (end < 0) throw new RegexError('Unmatched \\{');
        if (atStart) throw new RegexError('Invalid preceding regular expression');
        const q = interval(p.slice(i + 1, end));
        if (q === null) throw new RegexError('Invalid content of \\{\\}');
        quantify(q);
        i = end + 1;
      } else if (!ere && (e === '+' || e === '?')) {
        if (atStart) atom(lit(e));
        else quantify(e);
      } else if (/[1-9]/.test(e) && !syn.awk) backref(e);
      else if (e === '<') atom('\\b(?=\\w)', 'assertion');
      else if (e === '>') atom('\\b(?<=\\w)', 'assertion');
      else if (e === 'b' && !syn.awk) atom('\\b', 'assertion');
      else if (e === 'B') atom('\\B', 'assertion');
      else if (e === '`') atom('(?<![\\s\\S])', 'assertion');
      else if (e === "'") atom('(?![\\s\\S])', 'assertion');
      else if (e === 'w' || e === 'W' || e === 's' || e === 'S') atom('\\' + e);
      else if ((syn.sedEscapes && (e === 'n' || e === 't')) || (syn.awk && C_ESCAPES[e] !== undefined)) atom(lit(C_ESCAPES[e]!));
      else atom(lit(e));
      continue;
    }
    if (c === '[') {
      const b = bracket(p, i + 1, syn);
      atom(b.cls);
      i = b.next - 1;
      continue;
    }
    if (c === '.') {
      atom('.');
      continue;
    }
    if (c === '*' || (ere && (c === '+' || c === '?'))) {
      if (atStart || (!ere && kind === 'assertion' && caret)) {
        // BRE: a leading `*` is literal; ERE (GNU): a leading repetition repeats nothing.
        if (!ere) atom('\\*');
        continue;
      }
      quantify(c);
      continue;
    }
    if (c === '^') {
      if (ere || atStart) {
        out += '^';
        atomStart = out.length - 1;
        kind = 'assertion';
        atStart = false;
        // `^*` in BRE: the star is literal.
        afterCaret = true;
        continue;
      } else atom('\\^');
      continue;
    }
    if (c === '$') {
      const rest = p.slice(i + 1);
      const anchor = ere || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|');
      atom(anchor ? '$' : '\\$', anchor ? 'assertion' : 'atom');
      continue;
    }
    if (ere && c === '(') {
      groupOpen();
      continue;
    }
    if (ere && c === ')') {
      if (open.length) groupClose();
      else atom('\\)');
      continue;
    }
    if (ere && c === '|') {
      alternate();
      continue;
    }
    if (ere && c === '{') {
      const end = p.indexOf('}', i + 1);
      const q = end < 0 ? null : interval(p.slice(i + 1, end));
      if (q === null || atStart) {
        atom('\\{');
        continue;
      }
      quantify(q);
      i = end;
      continue;
    }
    atom(lit(c));
  }
  if (open.length) throw new RegexError('Unmatched ( or \\(');
  return { source: out, groups };
}

export interface CompileOptions extends RegexSyntax {
  icase?: boolean;
  global?: boolean;
}

/** Compiles a POSIX pattern; `.` matches a newline as in sed's pattern space. */
export function compile(p: string, o: CompileOptions): RegExp {
  const t = translate(p, o);
  return new RegExp(t.source, `s${o.icase ? 'i' : ''}${o.global ? 'g' : ''}`);
}
