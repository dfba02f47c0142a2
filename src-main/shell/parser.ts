// Grammar of the shell language: complete commands, lists, pipelines, simple commands, assignments, redirections.

import type { AndOrNode, Assignment, CommandNode, ListNode, PipelineNode, Redirect, RedirOp, SimpleNode, TopLevel, Word, WordPart } from './ast';
import { subParts } from './lexer';
import { CompoundParser } from './parser-compound';

export { ShellSyntaxError } from './lexer';

const REDIR_OPS: RedirOp[] = ['&>>', '<<<', '<<-', '&>', '>>', '>|', '<>', '<&', '>&', '<<', '<', '>'];
const DECLARATIONS = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);
const NOT_A_COMMAND = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}', 'in']);

export class Parser extends CompoundParser {
  constructor(
    src: string,
    /** The whole input is here (a script): end of file inside a here-document only warns. */
    final = true,
    firstLine = 1,
  ) {
    super(src);
    this.final = final;
    this.line = firstLine;
  }

  /** The next complete command (up to an unquoted newline), or null at the end of the input. */
  next(): TopLevel | null {
    this.skipSeparators();
    if (this.pos >= this.src.length) return null;
    const line = this.line;
    const start = this.pos;
    const items: AndOrNode[] = [];
    for (;;) {
      this.skipBlanks();
      const c = this.peek();
      if (c === undefined) break;
      if (c === '\n') {
        this.newline();
        break;
      }
      const ao = this.andOr();
      items.push(ao);
      this.skipBlanks();
      const d = this.peek();
      if (d === '&' && this.peek(1) !== '&') {
        ao.background = true;
        this.pos++;
      } else if (d === ';' && this.peek(1) !== ';' && this.peek(1) !== '&') {
        this.pos++;
      } else if (d !== '\n' && d !== undefined) {
        throw this.unexpected();
      }
    }
    if (this.heredocs.length > 0) this.readHeredocs();
    return { list: { items }, line, text: this.src.slice(start, this.pos).replace(/\n$/, '') };
  }

  /** Everything, as one list (command substitution bodies, `eval`, sourced files). */
  parseAll(): ListNode {
    const items: AndOrNode[] = [];
    for (let top = this.next(); top; top = this.next()) items.push(...top.list.items);
    return { items };
  }

  protected parseSubList(): ListNode {
    const body = this.compoundList([')']);
    if (this.peek() !== ')') throw this.unexpected();
    this.pos++;
    return body;
  }

  protected parseSource(src: string, line: number): ListNode {
    return new Parser(src, true, line).parseAll();
  }

  // ---- lists ----

  protected compoundList(stops: string[]): ListNode {
    const items: AndOrNode[] = [];
    for (;;) {
      this.skipSeparators();
      if (this.pos >= this.src.length) throw this.eofError();
      if (this.atStop(stops)) break;
      const ao = this.andOr();
      items.push(ao);
      this.skipBlanks();
      const c = this.peek();
      if (c === '&' && this.peek(1) !== '&') {
        ao.background = true;
        this.pos++;
      } else if (c === ';' && this.peek(1) !== ';' && this.peek(1) !== '&') this.pos++;
      else if (c === '\n') this.newline();
      else if (c === undefined) throw this.eofError();
      else if (!this.atStop(stops)) throw this.unexpected();
    }
    if (items.length === 0) throw this.unexpected();
    return { items };
  }

  private andOr(): AndOrNode {
    const start = this.pos;
    const node: AndOrNode = { first: this.pipeline(), rest: [], background: false, text: '' };
    for (;;) {
      this.skipBlanks();
      const op = this.startsWith('&&') ? '&&' : this.startsWith('||') ? '||' : null;
      if (!op) {
        node.text = this.src.slice(start, this.pos).trim();
        return node;
      }
      this.pos += 2;
      this.skipSeparators();
      node.rest.push({ op, pipeline: this.pipeline() });
    }
  }

  private pipeline(): PipelineNode {
    const p: PipelineNode = { negate: false, timed: false, cmds: [], stderrToo: [], texts: [] };
    this.skipBlanks();
    if (this.peekReserved() === 'time') {
      this.pos += 4;
      p.timed = true;
      this.skipBlanks();
    }
    while (this.peekReserved() === '!') {
      this.pos++;
      p.negate = !p.negate;
      this.skipBlanks();
    }
    this.stage(p);
    for (;;) {
      this.skipBlanks();
      if (this.peek() !== '|' || this.peek(1) === '|') return p;
      const both = this.peek(1) === '&';
      this.pos += both ? 2 : 1;
      p.stderrToo.push(both);
      this.skipSeparators();
      this.stage(p);
    }
  }

  private stage(p: PipelineNode): void {
    this.skipBlanks();
    const start = this.pos;
    p.cmds.push(this.command());
    p.texts.push(this.src.slice(start, this.pos).trim());
  }

  // ---- commands ----

  protected command(): CommandNode {
    this.skipBlanks();
    const c = this.peek();
    const line = this.line;
    if (c === undefined) throw this.eofError();
    if (c === ';' || c === '&' || c === '|' || c === ')' || c === '\n') throw this.unexpected();
    if (c === '(') {
      if (this.peek(1) === '(') {
        const end = this.arithEnd(this.pos + 2);
        if (end >= 0) {
          const expr = subParts(this.src.slice(this.pos + 2, end), line, this);
          this.advance(end + 2 - this.pos);
          return this.withRedirs({ type: 'arith', expr, line, redirs: [] });
        }
      }
      this.pos++;
      const body = this.compoundList([')']);
      this.pos++;
      return this.withRedirs({ type: 'subshell', body, line, redirs: [] });
    }
    const w = this.peekReserved();
    switch (w) {
      case 'if': return this.withRedirs(this.ifCommand(line));
      case 'while': case 'until': return this.withRedirs(this.whileCommand(w, line));
      case 'for': return this.withRedirs(this.forCommand(line));
      case 'case': return this.withRedirs(this.caseCommand(line));
      case '{': {
        this.pos++;
        const body = this.compoundList(['}']);
        this.pos++;
        return this.withRedirs({ type: 'group', body, line, redirs: [] });
      }
      case '[[': return this.withRedirs(this.condCommand(line));
      case 'function': return this.functionKeyword(line);
    }
    if (w !== null && NOT_A_COMMAND.has(w)) throw this.unexpected();
    return this.simple(line);
  }

  private withRedirs<T extends CommandNode>(node: T): T {
    for (;;) {
      this.skipBlanks();
      const r = this.redirect();
      if (!r) return node;
      node.redirs.push(r);
    }
  }

  private simple(line: number): CommandNode {
    const node: SimpleNode = { type: 'simple', line, assigns: [], words: [], redirs: [] };
    for (;;) {
      this.skipBlanks();
      const c = this.peek();
      if (c === undefined || c === '\n' || c === ';' || c === '|' || c === ')') break;
      if (c === '&' && this.peek(1) !== '>') break;
      if (c === '(') {
        if (node.words.length === 1 && node.assigns.length === 0 && this.src.slice(this.pos).match(/^\(\s*\)/)) {
          return this.functionBody(this.wordText(node.words[0]!), line);
        }
        throw this.unexpected();
      }
      const r = this.redirect();
      if (r) {
        node.redirs.push(r);
        continue;
      }
      if (node.words.length === 0) {
        const a = this.assignment();
        if (a) {
          node.assigns.push(a);
          continue;
        }
      } else if (DECLARATIONS.has(this.wordText(node.words[0]!)) && /^[A-Za-z_][A-Za-z0-9_]*\+?=\(/.test(this.src.slice(this.pos, this.pos + 256))) {
        node.words.push(this.arrayArgument());
        continue;
      }
      const w = this.readWord();
      if (!w) throw this.unexpected();
      node.words.push(w);
    }
    if (node.words.length === 0 && node.assigns.length === 0 && node.redirs.length === 0) throw this.unexpected();
    return node;
  }

  private assignment(): Assignment | null {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\+?)=/.exec(this.src.slice(this.pos, this.pos + 256));
    if (!m) return null;
    const a: Assignment = { name: m[1]!, append: m[3] === '+' };
    if (m[2]) a.index = subParts(m[2].slice(1, -1), this.line, this);
    this.advance(m[0].length);
    if (this.peek() === '(' && !m[2]) {
      this.pos++;
      a.array = [];
      for (;;) {
        this.skipSeparators();
        if (this.peek() === ')') break;
        if (this.pos >= this.src.length) throw this.eofError('(');
        const w = this.readWord();
        if (!w) throw this.unexpected();
        a.array.push(w);
      }
      this.pos++;
      return a;
    }
    // The value starts a word of its own, so a leading tilde expands as bash does after '='.
    a.value = this.readWord() ?? { parts: [] };
    return a;
  }

  /** `declare -a a=(x y)`: kept as one word `a=(x y)` for the builtin to split. */
  private arrayArgument(): Word {
    const a = this.assignment()!;
    const parts: WordPart[] = [{ t: 'lit', v: `${a.name}${a.append ? '+' : ''}=(` }];
    (a.array ?? []).forEach((w, i) => parts.push(...(i ? [{ t: 'lit' as const, v: ' ' }] : []), ...w.parts));
    parts.push({ t: 'lit', v: ')' });
    return { parts };
  }

  private redirect(): Redirect | null {
    const m = /^([0-9]+)?(&>>|<<<|<<-|&>|>>|>\||<>|<&|>&|<<|<|>)/.exec(this.src.slice(this.pos, this.pos + 12));
    if (!m) return null;
    if (m[1] && m[2]!.startsWith('&')) return null;
    const op = m[2] as RedirOp;
    if (!REDIR_OPS.includes(op)) return null;
    this.pos += m[0].length;
    this.skipBlanks();
    const target = this.readWord();
    if (!target) throw this.unexpected();
    const r: Redirect = { op, target };
    if (m[1] !== undefined) r.fd = Number(m[1]);
    if (op === '<<' || op === '<<-') {
      const quoted = target.parts.some((p) => p.t !== 'lit');
      this.heredocs.push({ redir: r, delim: this.wordText(target), strip: op === '<<-', quoted });
    }
    return r;
  }

}
