// Compound commands of the grammar (if, loops, case, [[ ]], functions) and the token helpers the parser shares.

import type { CaseItem, CommandNode, CondExpr, ListNode, Redirect, Word } from './ast';
import { Scanner, ShellSyntaxError, subParts } from './lexer';

const UNARY = new Set(['-e', '-f', '-d', '-r', '-w', '-x', '-s', '-L', '-h', '-n', '-z', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G', '-N', '-a', '-o', '-v']);
const BINARY = new Set(['==', '=', '!=', '=~', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

export interface PendingHeredoc {
  redir: Redirect;
  delim: string;
  strip: boolean;
  quoted: boolean;
}

export abstract class CompoundParser extends Scanner {
  protected heredocs: PendingHeredoc[] = [];
  /** Warnings bash prints but carries on after (a here-document ended by end of file). */
  readonly warnings: { line: number; message: string }[] = [];

  /** Commands up to one of the `stops` reserved words (or `)` / `;;`). */
  protected abstract compoundList(stops: string[]): ListNode;
  protected abstract command(): CommandNode;

  protected atStop(stops: string[]): boolean {
    if (stops.includes(')') && this.peek() === ')') return true;
    if (stops.includes(';;') && this.peek() === ';' && (this.peek(1) === ';' || this.peek(1) === '&')) return true;
    const w = this.peekReserved();
    return w !== null && stops.includes(w);
  }

  protected ifCommand(line: number): CommandNode {
    this.pos += 2;
    const clauses: { cond: ListNode; body: ListNode }[] = [];
    let elseBody: ListNode | undefined;
    for (;;) {
      const cond = this.compoundList(['then']);
      this.expect('then');
      const body = this.compoundList(['elif', 'else', 'fi']);
      clauses.push({ cond, body });
      const w = this.peekReserved();
      this.pos += w!.length;
      if (w === 'elif') continue;
      if (w === 'else') {
        elseBody = this.compoundList(['fi']);
        this.expect('fi');
      }
      break;
    }
    return elseBody ? { type: 'if', clauses, else: elseBody, line, redirs: [] } : { type: 'if', clauses, line, redirs: [] };
  }

  protected whileCommand(kw: string, line: number): CommandNode {
    this.pos += kw.length;
    const cond = this.compoundList(['do']);
    this.expect('do');
    const body = this.compoundList(['done']);
    this.expect('done');
    return { type: 'while', until: kw === 'until', cond, body, line, redirs: [] };
  }

  protected forCommand(line: number): CommandNode {
    this.pos += 3;
    this.skipBlanks();
    if (this.startsWith('((')) {
      const end = this.arithEnd(this.pos + 2);
      if (end < 0) throw this.unexpected();
      const [init = '', cond = '', step = ''] = this.src.slice(this.pos + 2, end).split(';');
      this.advance(end + 2 - this.pos);
      this.skipBlanks();
      if (this.peek() === ';') this.pos++;
      this.skipSeparators();
      const body = this.loopBody();
      const sp = (t: string) => subParts(t, line, this);
      return { type: 'cfor', init: sp(init), cond: sp(cond), step: sp(step), body, line, redirs: [] };
    }
    const nameWord = this.readWord();
    const name = nameWord ? this.wordText(nameWord) : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ShellSyntaxError(`\`${name}': not a valid identifier`, line);
    this.skipSeparators();
    let items: Word[] | undefined;
    if (this.peekReserved() === 'in') {
      this.pos += 2;
      items = [];
      for (;;) {
        this.skipBlanks();
        const c = this.peek();
        if (c === ';' || c === '\n') break;
        if (c === undefined) throw this.eofError();
        const w = this.readWord();
        if (!w) throw this.unexpected();
        items.push(w);
      }
    }
    this.skipBlanks();
    if (this.peek() === ';') this.pos++;
    this.skipSeparators();
    const body = this.loopBody();
    return items ? { type: 'for', name, items, body, line, redirs: [] } : { type: 'for', name, body, line, redirs: [] };
  }

  protected loopBody(): ListNode {
    if (this.pos >= this.src.length) throw this.eofError();
    if (this.peekReserved() === '{') {
      this.pos++;
      const body = this.compoundList(['}']);
      this.pos++;
      return body;
    }
    this.expect('do');
    const body = this.compoundList(['done']);
    this.expect('done');
    return body;
  }

  protected caseCommand(line: number): CommandNode {
    this.pos += 4;
    this.skipBlanks();
    const word = this.readWord();
    if (!word) throw this.unexpected();
    this.skipSeparators();
    this.expect('in');
    const items: CaseItem[] = [];
    for (;;) {
      this.skipSeparators();
      if (this.pos >= this.src.length) throw this.eofError();
      if (this.peekReserved() === 'esac') break;
      if (this.peek() === '(') this.pos++;
      const patterns: Word[] = [];
      for (;;) {
        this.skipBlanks();
        const w = this.readWord();
        if (!w) throw this.unexpected();
        patterns.push(w);
        this.skipBlanks();
        if (this.peek() === '|') this.pos++;
        else break;
      }
      if (this.peek() !== ')') throw this.unexpected();
      this.pos++;
      this.skipSeparators();
      const body = this.atStop(['esac', ';;']) ? { items: [] } : this.compoundList(['esac', ';;']);
      let end: CaseItem['end'] = ';;';
      if (this.startsWith(';;&')) end = ';;&';
      else if (this.startsWith(';&')) end = ';&';
      if (this.peek() === ';') this.pos += end.length;
      items.push({ patterns, body, end });
    }
    this.expect('esac');
    return { type: 'case', word, items, line, redirs: [] };
  }

  protected condCommand(line: number): CommandNode {
    this.pos += 2;
    const expr = this.condOr();
    this.skipSeparators();
    this.expect(']]');
    return { type: 'cond', expr, line, redirs: [] };
  }

  protected condOr(): CondExpr {
    let l = this.condAnd();
    while ((this.skipSeparators(), this.startsWith('||'))) {
      this.pos += 2;
      l = { k: 'or', l, r: this.condAnd() };
    }
    return l;
  }

  protected condAnd(): CondExpr {
    let l = this.condNot();
    while ((this.skipSeparators(), this.startsWith('&&'))) {
      this.pos += 2;
      l = { k: 'and', l, r: this.condNot() };
    }
    return l;
  }

  protected condNot(): CondExpr {
    this.skipSeparators();
    if (this.peek() === '!' && /[\s(]/.test(this.peek(1) ?? '')) {
      this.pos++;
      return { k: 'not', e: this.condNot() };
    }
    if (this.peek() === '(') {
      this.pos++;
      const e = this.condOr();
      this.skipSeparators();
      if (this.peek() !== ')') throw this.unexpected();
      this.pos++;
      return e;
    }
    const first = this.condWord();
    const firstText = this.wordText(first);
    this.skipBlanks();
    if (UNARY.has(firstText) && first.parts.every((p) => p.t === 'lit') && !this.startsWith(']]') && !this.startsWith('&&') && !this.startsWith('||')) {
      return { k: 'unary', op: firstText, arg: this.condWord() };
    }
    const op = this.peek() === '<' || this.peek() === '>' ? this.src[this.pos++]! : this.peekReserved();
    if (op !== null && BINARY.has(op)) {
      if (op !== '<' && op !== '>') this.pos += op.length;
      this.skipBlanks();
      const right = op === '=~' ? this.readWord(true) : this.condWord();
      if (!right) throw this.unexpected();
      return { k: 'binary', op, left: first, right };
    }
    return { k: 'word', arg: first };
  }

  protected condWord(): Word {
    this.skipBlanks();
    const w = this.readWord();
    if (!w) throw this.pos >= this.src.length ? this.eofError() : this.unexpected();
    return w;
  }

  protected functionKeyword(line: number): CommandNode {
    this.pos += 8;
    this.skipBlanks();
    const w = this.readWord();
    if (!w) throw this.unexpected();
    this.skipBlanks();
    if (this.peek() === '(') {
      const m = /^\(\s*\)/.exec(this.src.slice(this.pos));
      if (!m) throw this.unexpected();
      this.pos += m[0].length;
    }
    return this.functionBody(this.wordText(w), line, true);
  }

  protected functionBody(name: string, line: number, keyword = false): CommandNode {
    if (!keyword) this.pos += /^\(\s*\)/.exec(this.src.slice(this.pos))![0].length;
    this.skipSeparators();
    if (this.pos >= this.src.length) throw this.eofError();
    const body = this.command();
    if (body.type === 'simple' || body.type === 'funcdef') throw this.unexpected();
    return { type: 'funcdef', name, body, line, redirs: [] };
  }

  // ---- tokens ----

  /** The bare word at the cursor if it could be a reserved word (`if`, `{`, `]]`, `!`…). */
  protected peekReserved(): string | null {
    let i = this.pos;
    while (i < this.src.length && !/[\s;&|<>()"'`\\$]/.test(this.src[i]!)) i++;
    if (i === this.pos) return null;
    return this.src.slice(this.pos, i);
  }

  protected expect(word: string): void {
    this.skipSeparators();
    if (this.peekReserved() !== word) throw this.pos >= this.src.length ? this.eofError() : this.unexpected();
    this.pos += word.length;
  }

  /** Blanks, comments and newlines between commands. */
  protected skipSeparators(): void {
    for (;;) {
      this.skipBlanks();
      if (this.peek() === '\n') this.newline();
      else return;
    }
  }

  protected newline(): void {
    this.advance();
    if (this.heredocs.length > 0) this.readHeredocs();
  }

  protected readHeredocs(): void {
    const pending = this.heredocs;
    this.heredocs = [];
    for (const h of pending) {
      const startLine = this.line;
      let body = '';
      let found = false;
      while (this.pos < this.src.length) {
        let end = this.src.indexOf('\n', this.pos);
        if (end < 0) end = this.src.length;
        let text = this.src.slice(this.pos, end);
        this.advance(Math.min(end + 1, this.src.length) - this.pos);
        if (h.strip) text = text.replace(/^\t+/, '');
        if (text === h.delim) {
          found = true;
          break;
        }
        body += text + '\n';
      }
      if (!found) {
        if (!this.final) throw this.eofError();
        this.warnings.push({
          line: this.line,
          message: `warning: here-document at line ${startLine - 1} delimited by end-of-file (wanted \`${h.delim}')`,
        });
      }
      h.redir.heredoc = h.quoted ? [{ t: 'sq', v: body }] : subParts(body, startLine, this);
    }
  }

  protected wordText(w: Word): string {
    return w.parts.map((p) => (p.t === 'lit' || p.t === 'sq' ? p.v : p.t === 'dq' ? p.parts.map((q) => (q.t === 'sq' ? q.v : '')).join('') : '')).join('');
  }

  protected unexpected(): ShellSyntaxError {
    this.skipBlanks();
    const c = this.peek();
    if (c === undefined) return this.eofError();
    let tok: string;
    if (c === '\n') tok = 'newline';
    else {
      const op = /^(;;&|;;|;&|&&|\|\||\|&|&>>|>>|<<<|<<-|<<|&>|>&|<&|<>|>\||[;&|<>()])/.exec(this.src.slice(this.pos));
      tok = op ? op[0] : (this.peekReserved() ?? c);
    }
    return new ShellSyntaxError(`syntax error near unexpected token \`${tok}'`, this.line);
  }
}
