// sed's parsed commands, and the pieces of its syntax the parser reads: bracket expressions
// inside delimited regexes, and the replacement of s.

export type Addr =
  | { kind: 'line'; n: number }
  | { kind: 'last' }
  /** re null: the last regex used. */
  | { kind: 're'; re: RegExp | null }
  | { kind: 'step'; first: number; step: number }
  | { kind: 'plus'; n: number }
  | { kind: 'mult'; n: number };

export type ReplPart = string | { group: number } | { caseOp: 'U' | 'L' | 'u' | 'l' | 'E' };

export interface Cmd {
  name: string;
  a1?: Addr;
  a2?: Addr;
  /** `0,/re/`: the end regex may match on the first line already. */
  zero?: boolean;
  neg: boolean;
  /** Range state while running. */
  active?: boolean;
  endLine?: number;
  text?: string;
  label?: string;
  /** Index of the command a jump (b, t, T, `{` when not selected) goes to. */
  target?: number;
  file?: string;
  code?: number;
  s?: { re: RegExp | null; repl: ReplPart[]; global: boolean; nth: number; print: number; file?: string };
  y?: Map<string, string>;
}

export class SedError extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}

/** Index of the ']' closing a bracket expression whose body starts at `i`, or -1. */
export function bracketEnd(p: string, i: number): number {
  let j = i;
  if (p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === '\n') return -1;
    if (p[j] === '[' && /[:.=]/.test(p[j + 1] ?? '')) {
      const close = p.indexOf(p[j + 1]! + ']', j + 2);
      if (close < 0) return -1;
      j = close + 1;
    } else if (p[j] === ']') return j;
  }
  return -1;
}

/** The RHS of s: `&`, `\1`…`\9`, `\n`, GNU's `\U \L \u \l \E`, and escaped characters. */
export function replacement(r: string): ReplPart[] {
  const parts: ReplPart[] = [];
  let lit = '';
  const flush = () => {
    if (lit) parts.push(lit);
    lit = '';
  };
  for (let k = 0; k < r.length; k++) {
    const c = r[k]!;
    if (c === '&') {
      flush();
      parts.push({ group: 0 });
    } else if (c === '\\' && k + 1 < r.length) {
      const e = r[++k]!;
      if (/\d/.test(e)) {
        flush();
        parts.push({ group: Number(e) });
      } else if ('ULulE'.includes(e)) {
        flush();
        parts.push({ caseOp: e as 'U' | 'L' | 'u' | 'l' | 'E' });
      } else lit += e === 'n' ? '\n' : e === 't' ? '\t' : e;
    } else lit += c;
  }
  flush();
  return parts;
}
