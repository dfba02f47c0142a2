// awk's tokens: a `/` starts a regex where an operand is expected; newlines are tokens the
// parser skips where the grammar allows; `name(` (no space) is a function call.

export type TokKind = 'num' | 'str' | 'regex' | 'name' | 'funcname' | 'builtin' | 'kw' | 'op' | 'nl' | 'eof';

export interface Tok {
  kind: TokKind;
  text: string;
  /** Numeric value of a 'num'; decoded text of a 'str'. */
  value?: number | string;
  line: number;
  /** Offset in the source, for the caret under syntax errors. */
  pos: number;
}

export class AwkSyntaxError extends Error {
  constructor(message: string, readonly tok: Tok) {
    super(message);
  }
}

const KEYWORDS = new Set(['BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf']);
export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system', 'close', 'fflush', 'systime']);
const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '**=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '**', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '=', '{', '}', '(', ')', '[', ']', ';', ','];

/** C escapes of awk strings; an unknown `\c` keeps c (gawk warns and does the same). */
export function unescape(s: string): string {
  return s.replace(/\\([0-7]{1,3}|.)/gs, (_, e: string) => {
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    const m: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };
    return m[e] ?? e;
  });
}

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  const operandEnd = () => {
    const last = toks[toks.length - 1];
    if (!last) return false;
    if (last.kind === 'num' || last.kind === 'str' || last.kind === 'name' || last.kind === 'regex' || last.kind === 'builtin') return true;
    if (last.kind === 'kw') return last.text === 'getline';
    return last.kind === 'op' && (last.text === ')' || last.text === ']' || last.text === '$' || last.text === '++' || last.text === '--');
  };
  const push = (kind: TokKind, text: string, pos: number, value?: number | string) => toks.push({ kind, text, line, pos, ...(value !== undefined ? { value } : {}) });
  while (i < src.length) {
    const c = src[i]!;
    const start = i;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\r' && src[i + 2] === '\n') {
      i += 3;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      push('nl', '\n', i++);
      line++;
      continue;
    }
    if (/[0-9.]/.test(c) && /^(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/.test(src.slice(i))) {
      const m = /^(0[xX][0-9a-fA-F]+|\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/.exec(src.slice(i))!;
      i += m[0].length;
      push('num', m[0], start, /^0[xX]/.test(m[0]) ? parseInt(m[0], 16) : Number(m[0]));
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let raw = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\n') throw new AwkSyntaxError('unterminated string', { kind: 'str', text: src.slice(i, j), line, pos: i });
        if (src[j] === '\\' && j + 1 < src.length) {
          if (src[j + 1] === '\n') {
            j += 2;
            line++;
            continue;
          }
          raw += src[j]! + src[j + 1]!;
          j += 2;
        } else raw += src[j++];
      }
      if (j >= src.length) throw new AwkSyntaxError('unterminated string', { kind: 'str', text: src.slice(i), line, pos: i });
      i = j + 1;
      push('str', src.slice(start, i), start, unescape(raw));
      continue;
    }
    if (c === '/' && !operandEnd()) {
      let j = i + 1;
      let inBracket = false;
      while (j < src.length && (src[j] !== '/' || inBracket)) {
        if (src[j] === '\n') throw new AwkSyntaxError('unterminated regexp', { kind: 'regex', text: src.slice(i, j), line, pos: i });
        if (src[j] === '\\') j++;
        else if (src[j] === '[' && !inBracket) {
          inBracket = true;
          if (src[j + 1] === '^') j++;
          if (src[j + 1] === ']') j++;
        } else if (src[j] === ']' && inBracket) inBracket = false;
        j++;
      }
      if (j >= src.length) throw new AwkSyntaxError('unterminated regexp', { kind: 'regex', text: src.slice(i), line, pos: i });
      push('regex', src.slice(i, j + 1), start, src.slice(i + 1, j));
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      i += m[0].length;
      const w = m[0];
      if (KEYWORDS.has(w)) push('kw', w === 'func' ? 'function' : w, start);
      else if (BUILTINS.has(w)) push('builtin', w, start);
      else push(src[i] === '(' ? 'funcname' : 'name', w, start);
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError(`invalid char '${c}' in expression`, { kind: 'op', text: c, line, pos: i });
    i += op.length;
    push('op', op === '**' ? '^' : op === '**=' ? '^=' : op, start);
  }
  push('eof', '', src.length);
  return toks;
}
