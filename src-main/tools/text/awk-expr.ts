// awk expressions by POSIX precedence: ?: || && in ~ comparison concatenation + - * / % unary ^
// ++ -- $ grouping; getline in its three forms; `>` and `|` left to print inside its arguments.
import type { Expr, LValue } from './awk-ast';
import { AwkSyntaxError, type Tok } from './awk-lex';

const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '^=']);
const CMP = new Set(['<', '<=', '!=', '==', '>', '>=']);

export class ExprParser {
  protected p = 0;
  /** Inside print's arguments (not in parentheses): `>` redirects, `|` pipes. */
  protected inPrint = false;

  constructor(protected readonly toks: Tok[]) {}

  protected get tok(): Tok {
    return this.toks[this.p]!;
  }

  protected is(text: string, kind?: Tok['kind']): boolean {
    const t = this.tok;
    return t.text === text && (kind ? t.kind === kind : t.kind === 'op' || t.kind === 'kw');
  }

  protected fail(t: Tok = this.tok): never {
    throw new AwkSyntaxError(t.kind === 'eof' || t.kind === 'nl' ? 'unexpected newline or end of string' : 'syntax error', t);
  }

  protected expect(text: string): Tok {
    if (!this.is(text)) this.fail();
    return this.toks[this.p++]!;
  }

  protected skipNl(): void {
    while (this.tok.kind === 'nl') this.p++;
  }

  expr(): Expr {
    const left = this.ternary();
    if (this.tok.kind === 'op' && ASSIGN.has(this.tok.text) && isLValue(left)) {
      const op = this.toks[this.p++]!.text;
      this.skipNl();
      return { k: 'assign', op, target: left, e: this.expr() };
    }
    return left;
  }

  private ternary(): Expr {
    const c = this.or();
    if (!this.is('?')) return c;
    this.p++;
    this.skipNl();
    const a = this.expr();
    this.skipNl();
    this.expect(':');
    this.skipNl();
    return { k: 'cond', c, a, b: this.expr() };
  }

  private or(): Expr {
    let a = this.and();
    while (this.is('||')) {
      this.p++;
      this.skipNl();
      a = { k: 'or', a, b: this.and() };
    }
    return a;
  }

  private and(): Expr {
    let a = this.inExpr();
    while (this.is('&&')) {
      this.p++;
      this.skipNl();
      a = { k: 'and', a, b: this.inExpr() };
    }
    return a;
  }

  private inExpr(): Expr {
    let a = this.matchExpr();
    while (this.is('in', 'kw')) {
      this.p++;
      const name = this.tok;
      if (name.kind !== 'name') this.fail();
      this.p++;
      a = { k: 'in', subs: a.k === 'group' ? a.list : [a], name: name.text };
    }
    return a;
  }

  private matchExpr(): Expr {
    let a = this.comparison();
    while (this.is('~') || this.is('!~')) {
      const neg = this.toks[this.p++]!.text === '!~';
      a = { k: 'match', neg, a, re: this.comparison() };
    }
    return a;
  }

  private comparison(): Expr {
    let a = this.concat();
    while (this.tok.kind === 'op' && CMP.has(this.tok.text) && !(this.inPrint && this.tok.text === '>')) {
      const op = this.toks[this.p++]!.text;
      a = { k: 'cmp', op, a, b: this.concat() };
    }
    return a;
  }

  /** Juxtaposition; `cmd | getline [var]` binds here too. */
  protected concat(): Expr {
    let a = this.additive();
    for (;;) {
      if (this.is('|') && this.toks[this.p + 1]?.text === 'getline' && this.toks[this.p + 1]?.kind === 'kw') {
        this.p += 2;
        const target = this.optLValue();
        a = { k: 'getline', from: 'cmd', src: a, ...(target ? { target } : {}) };
        continue;
      }
      if (!this.startsOperand()) return a;
      a = { k: 'concat', a, b: this.additive() };
    }
  }

  private startsOperand(): boolean {
    const t = this.tok;
    if (t.kind === 'num' || t.kind === 'str' || t.kind === 'name' || t.kind === 'funcname' || t.kind === 'builtin' || t.kind === 'regex') return true;
    if (t.kind === 'kw') return t.text === 'getline' && !this.inPrint;
    return t.kind === 'op' && (t.text === '$' || t.text === '(' || t.text === '++' || t.text === '--');
  }

  private additive(): Expr {
    let a = this.multiplicative();
    while (this.is('+') || this.is('-')) {
      const op = this.toks[this.p++]!.text;
      a = { k: 'bin', op, a, b: this.multiplicative() };
    }
    return a;
  }

  private multiplicative(): Expr {
    let a = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.toks[this.p++]!.text;
      a = { k: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.is('!') || this.is('-') || this.is('+')) {
      const op = this.toks[this.p++]!.text;
      return { k: 'unary', op, e: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const a = this.postfix();
    if (!this.is('^')) return a;
    this.p++;
    // Right-associative, and the exponent may carry a sign: 2^-1.
    const b = this.is('-') || this.is('+') || this.is('!') ? this.unary() : this.power();
    return { k: 'bin', op: '^', a, b };
  }

  private postfix(): Expr {
    if (this.is('++') || this.is('--')) {
      const op = this.toks[this.p++]!.text as '++' | '--';
      const target = this.primary();
      if (!isLValue(target)) this.fail();
      return { k: 'incdec', op, prefix: true, target };
    }
    const e = this.primary();
    if (isLValue(e) && (this.is('++') || this.is('--'))) return { k: 'incdec', op: this.toks[this.p++]!.text as '++' | '--', prefix: false, target: e };
    return e;
  }

  protected optLValue(): LValue | undefined {
    if (this.tok.kind === 'name' || this.is('$')) {
      const e = this.primary();
      if (isLValue(e)) return e;
      this.fail();
    }
    return undefined;
  }

  private args(): Expr[] {
    this.expect('(');
    const list: Expr[] = [];
    this.skipNl();
    if (this.is(')')) {
      this.p++;
      return list;
    }
    const saved = this.inPrint;
    this.inPrint = false;
    for (;;) {
      list.push(this.expr());
      this.skipNl();
      if (this.is(')')) break;
      this.expect(',');
      this.skipNl();
    }
    this.inPrint = saved;
    this.p++;
    return list;
  }

  protected primary(): Expr {
    const t = this.tok;
    switch (t.kind) {
      case 'num': this.p++; return { k: 'num', v: t.value as number };
      case 'str': this.p++; return { k: 'str', v: t.value as string };
      case 'regex': this.p++; return { k: 'regex', src: t.value as string };
      case 'funcname': this.p++; return { k: 'call', name: t.text, args: this.args() };
      case 'builtin':
        this.p++;
        if (this.is('(')) return { k: 'builtin', name: t.text, args: this.args() };
        if (t.text === 'length') return { k: 'builtin', name: t.text, args: [] };
        return this.fail(t);
      case 'name': {
        this.p++;
        if (!this.is('[')) return { k: 'var', name: t.text };
        this.p++;
        const subs = [this.expr()];
        while (this.is(',')) {
          this.p++;
          this.skipNl();
          subs.push(this.expr());
        }
        this.expect(']');
        return { k: 'idx', name: t.text, subs };
      }
      case 'kw':
        if (t.text === 'getline') {
          this.p++;
          const target = this.optLValue();
          if (this.is('<')) {
            this.p++;
            return { k: 'getline', from: 'file', src: this.postfix(), ...(target ? { target } : {}) };
          }
          return { k: 'getline', from: 'main', ...(target ? { target } : {}) };
        }
        return this.fail(t);
      case 'op':
        if (t.text === '$') {
          this.p++;
          const e = this.is('++') || this.is('--') || this.is('-') || this.is('+') || this.is('!') ? this.unary() : this.primary();
          return { k: 'field', e };
        }
        if (t.text === '(') {
          this.p++;
          const saved = this.inPrint;
          this.inPrint = false;
          this.skipNl();
          const list = [this.expr()];
          this.skipNl();
          while (this.is(',')) {
            this.p++;
            this.skipNl();
            list.push(this.expr());
            this.skipNl();
          }
          this.expect(')');
          this.inPrint = saved;
          return list.length === 1 ? list[0]! : { k: 'group', list };
        }
        return this.fail(t);
      default:
        return this.fail(t);
    }
  }
}

export function isLValue(e: Expr): e is LValue {
  return e.k === 'var' || e.k === 'idx' || e.k === 'field';
}
