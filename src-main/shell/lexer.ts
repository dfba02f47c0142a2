// Reads words of the shell language — quoting, $-expansions, backquotes, here-document bodies — for the parser.

import type { ListNode, ParamPart, Word, WordPart } from './ast';
import { decodeAnsiC } from './printf';

export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    /** Hit the end of the input: an interactive shell asks for more (PS2) instead. */
    readonly incomplete = false,
  ) {
    super(message);
    this.name = 'ShellSyntaxError';
  }
}

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);
const PARAM_OPS = [':-', ':=', ':+', ':?', '##', '%%', '//', '/#', '/%', '^^', ',,', '-', '=', '+', '?', '#', '%', '/', '^', ',', ':'];

export abstract class Scanner {
  pos = 0;
  line = 1;
  /** The input ends here for good (a script); otherwise a trailing backslash asks for another line. */
  protected final = true;

  constructor(readonly src: string) {}

  /** `$( … )`: the parser reads a command list up to the closing parenthesis. */
  protected abstract parseSubList(): ListNode;
  /** Backquotes and here-strings of code: parse a separate source text. */
  protected abstract parseSource(src: string, line: number): ListNode;

  protected peek(o = 0): string | undefined {
    return this.src[this.pos + o];
  }

  protected startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  protected advance(n = 1): void {
    for (let i = 0; i < n; i++) if (this.src[this.pos + i] === '\n') this.line++;
    this.pos += n;
  }

  protected eofError(what?: string): ShellSyntaxError {
    return what
      ? new ShellSyntaxError(`unexpected EOF while looking for matching \`${what}'`, this.line, true)
      : new ShellSyntaxError('syntax error: unexpected end of file', this.line, true);
  }

  /** Blanks, backslash-newline continuations and comments; never a newline itself. */
  protected skipBlanks(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.peek(1) === '\n') this.advance(2);
      else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  /**
   * One word up to an unquoted metacharacter, or null when none starts here. `condMode` lets
   * `( ) | < >` into the word, for the right-hand side of `=~` inside `[[ ]]`.
   */
  protected readWord(condMode = false): Word | null {
    const start = this.pos;
    const parts = this.readParts((c, depth) => (condMode ? c === ' ' || c === '\t' || c === '\n' || (c === ')' && depth === 0) : META.has(c)), true);
    return this.pos === start ? null : { parts };
  }

  /** Parts until `stop` says an unquoted character ends them. */
  protected readParts(stop: (c: string, depth: number) => boolean, tildeAtStart: boolean): WordPart[] {
    const parts: WordPart[] = [];
    let lit = '';
    let depth = 0;
    const flush = (): void => {
      if (lit) parts.push({ t: 'lit', v: lit });
      lit = '';
    };
    const wordStart = this.pos;
    for (;;) {
      const c = this.peek();
      if (c === undefined || stop(c, depth)) break;
      if (c === '(') depth++;
      if (c === ')') depth--;
      if (c === '~' && tildeAtStart && (this.pos === wordStart || this.afterAssignEquals(wordStart))) {
        flush();
        parts.push(this.readTilde());
        continue;
      }
      if (c === '\\') {
        const n = this.peek(1);
        if (n === '\n') this.advance(2);
        else if (n === undefined) {
          if (!this.final) throw this.eofError();
          lit += '\\';
          this.pos++;
        } else {
          flush();
          parts.push({ t: 'sq', v: n });
          this.advance(2);
        }
      } else if (c === "'") {
        flush();
        parts.push({ t: 'sq', v: this.readSingleQuoted() });
      } else if (c === '"') {
        flush();
        this.pos++;
        parts.push({ t: 'dq', parts: this.readDoubleQuoted('"') });
      } else if (c === '$') {
        const p = this.readDollar(false);
        if (p) {
          flush();
          parts.push(p);
        } else {
          lit += '$';
        }
      } else if (c === '`') {
        flush();
        parts.push(this.readBackquote());
      } else {
        lit += c;
        this.advance();
      }
    }
    flush();
    return parts;
  }

  private afterAssignEquals(wordStart: number): boolean {
    const before = this.src.slice(wordStart, this.pos);
    return /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(before) || (/^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(before) && before.endsWith(':'));
  }

  private readTilde(): WordPart {
    this.pos++;
    let user = '';
    while (this.pos < this.src.length && /[A-Za-z0-9_.-]/.test(this.src[this.pos]!)) user += this.src[this.pos++];
    const next = this.peek();
    if (next !== undefined && next !== '/' && next !== ':' && !META.has(next)) return { t: 'lit', v: '~' + user };
    return { t: 'tilde', user };
  }

  private readSingleQuoted(): string {
    const end = this.src.indexOf("'", this.pos + 1);
    if (end < 0) throw this.eofError("'");
    const v = this.src.slice(this.pos + 1, end);
    this.advance(end + 1 - this.pos);
    return v;
  }

  /**
   * Inside "…" (terminator '"') or a here-document body (terminator null: to the end, and
   * quotes are plain characters there).
   */
  protected readDoubleQuoted(term: '"' | null): WordPart[] {
    const startLine = this.line;
    const parts: WordPart[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ t: 'sq', v: lit });
      lit = '';
    };
    for (;;) {
      const c = this.peek();
      if (c === undefined) {
        if (term) {
          // Bash reports the line where the quote opened.
          this.line = startLine;
          throw this.eofError('"');
        }
        break;
      }
      if (c === term) {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = this.peek(1);
        if (n === '\n') this.advance(2);
        else if (n === '$' || n === '`' || n === '\\' || (n === '"' && term)) {
          lit += n;
          this.advance(2);
        } else {
          lit += '\\';
          this.pos++;
        }
      } else if (c === '$') {
        const p = this.readDollar(true);
        if (p) {
          flush();
          parts.push(p);
        } else lit += '$';
      } else if (c === '`') {
        flush();
        parts.push(this.readBackquote());
      } else {
        lit += c;
        this.advance();
      }
    }
    flush();
    return parts;
  }

  /** At a `$`: an expansion, or null (and nothing consumed beyond it) for a lone dollar sign. */
  private readDollar(inDq: boolean): WordPart | null {
    const n = this.peek(1);
    if (n === '(' && this.peek(2) === '(') {
      const end = this.arithEnd(this.pos + 3);
      if (end >= 0) {
        const text = this.src.slice(this.pos + 3, end);
        const line = this.line;
        this.advance(end + 2 - this.pos);
        return { t: 'arith', expr: subParts(text, line, this) };
      }
    }
    if (n === '(') {
      this.advance(2);
      return { t: 'cmd', body: this.parseSubList() };
    }
    if (n === '{') return this.readBraceParam();
    if (n === "'" && !inDq) {
      this.pos++;
      return { t: 'sq', v: this.readAnsiC() };
    }
    if (n === '"' && !inDq) {
      this.advance(2);
      return { t: 'dq', parts: this.readDoubleQuoted('"') };
    }
    if (n !== undefined && NAME_START.test(n)) {
      let name = '';
      this.pos++;
      while (this.pos < this.src.length && NAME_CHAR.test(this.src[this.pos]!)) name += this.src[this.pos++];
      return { t: 'param', name };
    }
    if (n !== undefined && (/[0-9]/.test(n) || SPECIAL_PARAMS.has(n))) {
      this.advance(2);
      return { t: 'param', name: n };
    }
    this.pos++;
    return null;
  }

  /** Index of the `))` closing an arithmetic expansion whose text starts at `from`, or -1. */
  protected arithEnd(from: number): number {
    let depth = 0;
    for (let i = from; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return this.src[i + 1] === ')' ? i : -1;
        depth--;
      }
    }
    throw this.eofError('(');
  }

  private readBraceParam(): ParamPart {
    this.advance(2);
    const p: ParamPart = { t: 'param', name: '' };
    const c = this.peek();
    if (c === '#' && this.peek(1) !== '}' && this.peek(1) !== undefined) {
      p.length = true;
      this.pos++;
    } else if (c === '!' && this.peek(1) !== '}') {
      p.indirect = true;
      this.pos++;
    }
    const f = this.peek();
    if (f !== undefined && NAME_START.test(f)) {
      while (this.pos < this.src.length && NAME_CHAR.test(this.src[this.pos]!)) p.name += this.src[this.pos++];
    } else if (f !== undefined && /[0-9]/.test(f)) {
      while (this.pos < this.src.length && /[0-9]/.test(this.src[this.pos]!)) p.name += this.src[this.pos++];
    } else if (f !== undefined && SPECIAL_PARAMS.has(f)) {
      p.name = f;
      this.pos++;
    } else {
      return this.badSubstitution();
    }
    if (p.indirect && (this.peek() === '*' || this.peek() === '@') && this.peek(1) === '}') {
      p.namesWithPrefix = true;
      this.advance(2);
      return p;
    }
    if (this.peek() === '[') {
      this.pos++;
      p.index = this.readParts((ch) => ch === ']', false);
      if (this.peek() !== ']') throw this.eofError('[');
      this.pos++;
    }
    if (this.peek() === '}') {
      this.pos++;
      return p;
    }
    const op = PARAM_OPS.find((o) => this.startsWith(o));
    if (!op || p.length) return this.badSubstitution();
    this.advance(op.length);
    p.op = op;
    if (op === '/' || op === '//' || op === '/#' || op === '/%') {
      p.arg = this.readParts((ch) => ch === '/' || ch === '}', false);
      if (this.peek() === '/') {
        this.pos++;
        p.arg2 = this.readParts((ch) => ch === '}', false);
      }
    } else if (op === ':') {
      p.arg = this.readParts((ch) => ch === ':' || ch === '}', false);
      if (this.peek() === ':') {
        this.pos++;
        p.arg2 = this.readParts((ch) => ch === '}', false);
      }
    } else {
      p.arg = this.readParts((ch) => ch === '}', false);
    }
    if (this.peek() !== '}') throw this.eofError('}');
    this.pos++;
    return p;
  }

  /** Bash reports a bad substitution when it expands the word, not when it reads it. */
  private badSubstitution(): ParamPart {
    const end = this.src.indexOf('}', this.pos);
    if (end < 0) throw this.eofError('}');
    const start = Math.max(0, this.src.lastIndexOf('${', this.pos));
    const text = this.src.slice(start, end + 1);
    this.advance(end + 1 - this.pos);
    return { t: 'param', name: '', bad: text };
  }

  /** `$'…'`: the cursor is on the quote. */
  private readAnsiC(): string {
    let i = this.pos + 1;
    while (i < this.src.length && this.src[i] !== "'") i += this.src[i] === '\\' ? 2 : 1;
    if (i >= this.src.length) throw this.eofError("'");
    const body = this.src.slice(this.pos + 1, i);
    this.advance(i + 1 - this.pos);
    return decodeAnsiC(body);
  }

  private readBackquote(): WordPart {
    const line = this.line;
    this.pos++;
    let body = '';
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw this.eofError('`');
      this.advance();
      if (c === '`') break;
      if (c === '\\' && (this.peek() === '`' || this.peek() === '\\' || this.peek() === '$')) {
        body += this.peek();
        this.advance();
      } else body += c;
    }
    return { t: 'cmd', body: this.parseSource(body, line) };
  }
}

/** Parts of the text of `$(( ))`, a `(( ))` command or a here-document: only $ and ` expand. */
export function subParts(text: string, line: number, owner: Scanner): WordPart[] {
  const s = new TextScanner(text, owner);
  s.line = line;
  return s.all();
}

class TextScanner extends Scanner {
  constructor(
    src: string,
    private readonly owner: Scanner,
  ) {
    super(src);
  }

  all(): WordPart[] {
    return this.readDoubleQuoted(null);
  }

  protected parseSubList(): ListNode {
    const ownerAny = this.owner as unknown as { parseSource(src: string, line: number): ListNode };
    // Find the matching parenthesis in this text and hand the inside to the real parser.
    let depth = 1;
    let i = this.pos;
    for (; i < this.src.length && depth > 0; i++) {
      if (this.src[i] === '(') depth++;
      else if (this.src[i] === ')') depth--;
    }
    if (depth > 0) throw this.eofError('(');
    const inner = this.src.slice(this.pos, i - 1);
    const line = this.line;
    this.advance(i - this.pos);
    return ownerAny.parseSource(inner, line);
  }

  protected parseSource(src: string, line: number): ListNode {
    return (this.owner as unknown as { parseSource(s: string, l: number): ListNode }).parseSource(src, line);
  }
}
