// awk programs: rules (BEGIN, END, pattern, range), functions, and statements.
import type { Expr, Func, Program, Redirect, Stmt } from './awk-ast';
import { tokenize, type Tok } from './awk-lex';
import { ExprParser, isLValue } from './awk-expr';

class Parser extends ExprParser {
  program(): Program {
    const prog: Program = { begin: [], end: [], rules: [], funcs: new Map() };
    for (;;) {
      while (this.tok.kind === 'nl' || this.is(';')) this.p++;
      if (this.tok.kind === 'eof') return prog;
      if (this.is('BEGIN', 'kw') || this.is('END', 'kw')) {
        const which = this.toks[this.p++]!.text;
        if (!this.is('{')) this.fail();
        (which === 'BEGIN' ? prog.begin : prog.end).push(this.block());
        continue;
      }
      if (this.is('function', 'kw')) {
        const f = this.func();
        prog.funcs.set(f.name, f);
        continue;
      }
      let pattern: Expr | undefined;
      let end: Expr | undefined;
      if (!this.is('{')) {
        pattern = this.expr();
        if (this.is(',')) {
          this.p++;
          this.skipNl();
          end = this.expr();
        }
      }
      const action = this.is('{') ? this.block() : null;
      if (action === null && !this.atItemEnd()) this.fail();
      prog.rules.push({ ...(pattern ? { pattern } : {}), ...(end ? { end } : {}), action });
    }
  }

  private atItemEnd(): boolean {
    const k = this.tok.kind;
    return k === 'nl' || k === 'eof' || this.is(';');
  }

  private func(): Func {
    this.p++;
    const name = this.tok;
    if (name.kind !== 'name' && name.kind !== 'funcname') this.fail();
    this.p++;
    this.expect('(');
    const params: string[] = [];
    this.skipNl();
    while (!this.is(')')) {
      if (this.tok.kind !== 'name') this.fail();
      params.push(this.toks[this.p++]!.text);
      this.skipNl();
      if (this.is(',')) {
        this.p++;
        this.skipNl();
      } else if (!this.is(')')) this.fail();
    }
    this.p++;
    this.skipNl();
    return { name: name.text, params, body: this.block() };
  }

  private block(): Stmt {
    this.expect('{');
    const body: Stmt[] = [];
    for (;;) {
      while (this.tok.kind === 'nl' || this.is(';')) this.p++;
      if (this.is('}')) {
        this.p++;
        return { k: 'block', body };
      }
      if (this.tok.kind === 'eof') this.fail();
      body.push(this.stmt());
    }
  }

  /** A simple statement ends at `;`, a newline, or before `}`. */
  private terminate(): void {
    if (this.is(';') || this.tok.kind === 'nl') {
      this.p++;
      return;
    }
    if (this.is('}') || this.tok.kind === 'eof') return;
    this.fail();
  }

  private body(): Stmt {
    this.skipNl();
    if (this.is(';')) {
      this.p++;
      return { k: 'nop' };
    }
    return this.stmt();
  }

  private cond(): Expr {
    this.expect('(');
    this.skipNl();
    const c = this.expr();
    this.skipNl();
    this.expect(')');
    return c;
  }

  private stmt(): Stmt {
    const t = this.tok;
    if (this.is('{')) return this.block();
    if (t.kind === 'kw') {
      switch (t.text) {
        case 'if': {
          this.p++;
          const c = this.cond();
          const then = this.body();
          const save = this.p;
          while (this.tok.kind === 'nl' || this.is(';')) this.p++;
          if (this.is('else', 'kw')) {
            this.p++;
            return { k: 'if', c, t: then, f: this.body() };
          }
          this.p = save;
          return { k: 'if', c, t: then };
        }
        case 'while': {
          this.p++;
          const c = this.cond();
          if (this.is(';')) {
            this.p++;
            return { k: 'while', c, body: { k: 'nop' } };
          }
          return { k: 'while', c, body: this.body() };
        }
        case 'do': {
          this.p++;
          const body = this.body();
          while (this.tok.kind === 'nl' || this.is(';')) this.p++;
          if (!this.is('while', 'kw')) this.fail();
          this.p++;
          const c = this.cond();
          this.terminate();
          return { k: 'do', body, c };
        }
        case 'for': return this.forStmt();
        case 'next': case 'nextfile': case 'break': case 'continue':
          this.p++;
          this.terminate();
          return { k: t.text };
        case 'exit': case 'return': {
          this.p++;
          const e = this.is(';') || this.is('}') || this.tok.kind === 'nl' || this.tok.kind === 'eof' ? undefined : this.expr();
          this.terminate();
          return e ? { k: t.text, e } : { k: t.text };
        }
        case 'delete': {
          this.p++;
          const n = this.tok;
          if (n.kind !== 'name') this.fail();
          this.p++;
          let subs: Expr[] | undefined;
          if (this.is('[')) {
            this.p++;
            subs = [this.expr()];
            while (this.is(',')) {
              this.p++;
              subs.push(this.expr());
            }
            this.expect(']');
          }
          this.terminate();
          return subs ? { k: 'delete', name: n.text, subs } : { k: 'delete', name: n.text };
        }
        case 'print': case 'printf': return this.print(t.text);
      }
    }
    const e = this.expr();
    this.terminate();
    return { k: 'expr', e };
  }

  private forStmt(): Stmt {
    this.p++;
    this.expect('(');
    const [a, b, c] = [this.toks[this.p]!, this.toks[this.p + 1]!, this.toks[this.p + 2]!];
    const d = this.toks[this.p + 3];
    if (a.kind === 'name' && b.text === 'in' && b.kind === 'kw' && c.kind === 'name' && d?.text === ')') {
      this.p += 4;
      return { k: 'forin', v: { k: 'var', name: a.text }, name: c.text, body: this.body() };
    }
    const init = this.is(';') ? undefined : this.expr();
    this.expect(';');
    this.skipNl();
    const cond = this.is(';') ? undefined : this.expr();
    this.expect(';');
    this.skipNl();
    const step = this.is(')') ? undefined : this.expr();
    this.expect(')');
    if (this.is(';')) {
      this.p++;
      return { k: 'for', ...(init ? { init } : {}), ...(cond ? { c: cond } : {}), ...(step ? { step } : {}), body: { k: 'nop' } };
    }
    return { k: 'for', ...(init ? { init } : {}), ...(cond ? { c: cond } : {}), ...(step ? { step } : {}), body: this.body() };
  }

  private print(kind: 'print' | 'printf'): Stmt {
    this.p++;
    let args: Expr[] = [];
    this.inPrint = true;
    try {
      if (!(this.is(';') || this.is('}') || this.is('>') || this.is('>>') || this.is('|') || this.tok.kind === 'nl' || this.tok.kind === 'eof')) {
        args.push(this.expr());
        while (this.is(',')) {
          this.p++;
          this.skipNl();
          args.push(this.expr());
        }
      }
    } finally {
      this.inPrint = false;
    }
    if (args.length === 1 && args[0]!.k === 'group') args = args[0]!.list;
    let redir: Redirect | undefined;
    if (this.is('>') || this.is('>>') || this.is('|')) {
      const op = this.toks[this.p++]!.text as Redirect['op'];
      redir = { op, e: this.concat() };
    }
    if (kind === 'printf' && args.length === 0) this.fail();
    this.terminate();
    return redir ? { k: kind, args, redir } : { k: kind, args };
  }
}

export function parseAwk(src: string): Program {
  const toks: Tok[] = tokenize(src);
  return new Parser(toks).program();
}

export { isLValue };
