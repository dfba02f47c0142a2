// The awk interpreter: expressions, statements and user functions over AwkState; reading input
// (main loop, getline, close) is awk-run.ts's, builtins are awk-builtins.ts's.
import type { Expr, Func, LValue, Program, Stmt } from './awk-ast';
import { compare, numToStr, sprintf, StrNum, toBool, toNum, UNINIT, type Val } from './awk-value';
import { callBuiltin } from './awk-builtins';
import { AwkArray, AwkFatal, AwkState, type AwkHost, type Cell } from './awk-state';

export class Next {}
export class NextFile {}
export class Exit {
  constructor(readonly code: number) {}
}
class Return {
  constructor(readonly v: Val) {}
}
class Break {}
class Continue {}

export abstract class Awk extends AwkState {
  private readonly arrayParams = new Map<string, Set<string>>();
  exitCode = 0;
  randSeed = 0;
  randState = 0;

  constructor(
    readonly prog: Program,
    host: AwkHost,
  ) {
    super(host);
  }

  /** getline in its three forms; 1, 0 at the end, -1 on error. */
  protected abstract getline(e: Extract<Expr, { k: 'getline' }>): Promise<Val>;
  /** close(): getline sources and output files/pipes alike. */
  abstract close(name: string): Promise<number>;

  /** A regex operand: a literal /re/ as is, anything else as a dynamic regex string. */
  async regexOf(e: Expr): Promise<RegExp> {
    return e.k === 'regex' ? this.regex(e.src) : this.regex(this.str(await this.eval(e)));
  }

  // ---- assignment --------------------------------------------------------------------------

  async assign(lv: LValue, v: Val): Promise<void> {
    if (lv.k === 'var') this.set(lv.name, v);
    else if (lv.k === 'field') this.setField(Math.trunc(toNum(await this.eval(lv.e))), v);
    else this.array(lv.name).set(this.subscript(await this.evalAll(lv.subs)), v);
  }

  async load(lv: LValue): Promise<Val> {
    if (lv.k === 'var') return this.get(lv.name);
    if (lv.k === 'field') return this.field(Math.trunc(toNum(await this.eval(lv.e))));
    const a = this.array(lv.name);
    const key = this.subscript(await this.evalAll(lv.subs));
    let v = a.get(key);
    if (v === undefined) a.set(key, (v = UNINIT));
    return v;
  }

  async evalAll(es: Expr[]): Promise<Val[]> {
    const out: Val[] = [];
    for (const e of es) out.push(await this.eval(e));
    return out;
  }

  private arith(op: string, a: number, b: number): number {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/':
        if (b === 0) throw new AwkFatal('division by zero attempted');
        return a / b;
      case '%':
        if (b === 0) throw new AwkFatal('division by zero attempted in `%\'');
        return a % b;
      default: return Math.pow(a, b);
    }
  }

  // ---- expressions -------------------------------------------------------------------------

  async eval(e: Expr): Promise<Val> {
    switch (e.k) {
      case 'num': return e.v;
      case 'str': return e.v;
      case 'var': return this.get(e.name);
      case 'field': return this.field(Math.trunc(toNum(await this.eval(e.e))));
      case 'idx': return this.load(e);
      case 'regex': return this.regex(e.src).test(this.record) ? 1 : 0;
      case 'group': return this.eval(e.list[e.list.length - 1]!);
      case 'assign': {
        let v = await this.eval(e.e);
        if (e.op !== '=') v = this.arith(e.op[0]!, toNum(await this.load(e.target)), toNum(v));
        await this.assign(e.target, v);
        return v;
      }
      case 'cond': return toBool(await this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'and': return toBool(await this.eval(e.a)) && toBool(await this.eval(e.b)) ? 1 : 0;
      case 'or': return toBool(await this.eval(e.a)) || toBool(await this.eval(e.b)) ? 1 : 0;
      case 'in': {
        const c = this.scope(e.name).get(e.name);
        return c instanceof AwkArray && c.has(this.subscript(await this.evalAll(e.subs))) ? 1 : 0;
      }
      case 'match': {
        const s = this.str(await this.eval(e.a));
        return (await this.regexOf(e.re)).test(s) !== e.neg ? 1 : 0;
      }
      case 'cmp': {
        const c = compare(await this.eval(e.a), await this.eval(e.b), this.str(this.get('CONVFMT')));
        const ok = e.op === '<' ? c < 0 : e.op === '<=' ? c <= 0 : e.op === '>' ? c > 0 : e.op === '>=' ? c >= 0 : e.op === '==' ? c === 0 : c !== 0;
        return ok ? 1 : 0;
      }
      case 'concat': {
        const a = this.str(await this.eval(e.a));
        return a + this.str(await this.eval(e.b));
      }
      case 'bin': return this.arith(e.op, toNum(await this.eval(e.a)), toNum(await this.eval(e.b)));
      case 'unary': {
        const v = await this.eval(e.e);
        return e.op === '!' ? (toBool(v) ? 0 : 1) : e.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'incdec': {
        const old = toNum(await this.load(e.target));
        const nv = e.op === '++' ? old + 1 : old - 1;
        await this.assign(e.target, nv);
        return e.prefix ? nv : old;
      }
      case 'call': return this.call(e.name, e.args);
      case 'builtin': return callBuiltin(this, e.name, e.args);
      case 'getline': return this.getline(e);
    }
  }

  // ---- functions ---------------------------------------------------------------------------

  /** Parameters a function uses as arrays: an unset variable passed there is passed by reference. */
  private arrayParamsOf(f: Func): Set<string> {
    let s = this.arrayParams.get(f.name);
    if (s) return s;
    s = new Set();
    const names = new Set(f.params);
    const walk = (n: unknown): void => {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) return n.forEach(walk);
      const o = n as Record<string, unknown>;
      if ((o.k === 'idx' || o.k === 'in' || o.k === 'forin' || o.k === 'delete') && typeof o.name === 'string' && names.has(o.name)) s!.add(o.name);
      if (o.k === 'builtin' && o.name === 'split') {
        const a = (o.args as Expr[])[1];
        if (a?.k === 'var' && names.has(a.name)) s!.add(a.name);
      }
      Object.values(o).forEach(walk);
    };
    walk(f.body);
    this.arrayParams.set(f.name, s);
    return s;
  }

  private async call(name: string, args: Expr[]): Promise<Val> {
    const f = this.prog.funcs.get(name);
    if (!f) throw new AwkFatal(`function \`${name}' not defined`);
    if (args.length > f.params.length) throw new AwkFatal(`function \`${name}' called with more arguments than declared`);
    const wantsArray = this.arrayParamsOf(f);
    const frame = new Map<string, Cell>();
    for (let k = 0; k < f.params.length; k++) {
      const p = f.params[k]!;
      const a = args[k];
      if (!a) {
        frame.set(p, UNINIT);
        continue;
      }
      if (a.k === 'var') {
        const c = this.scope(a.name).get(a.name);
        if (c instanceof AwkArray) {
          frame.set(p, c);
          continue;
        }
        if ((c === undefined || c === UNINIT) && wantsArray.has(p)) {
          frame.set(p, this.array(a.name));
          continue;
        }
      }
      frame.set(p, await this.eval(a));
    }
    if (this.frames.length > 1000) throw new AwkFatal('function call nesting too deep');
    this.frames.push(frame);
    try {
      await this.exec(f.body);
      return UNINIT;
    } catch (x) {
      if (x instanceof Return) return x.v;
      throw x;
    } finally {
      this.frames.pop();
    }
  }

  // ---- statements --------------------------------------------------------------------------

  async exec(s: Stmt): Promise<void> {
    switch (s.k) {
      case 'block':
        for (const b of s.body) await this.exec(b);
        return;
      case 'expr': await this.eval(s.e); return;
      case 'print': case 'printf': return this.print(s);
      case 'if':
        if (toBool(await this.eval(s.c))) await this.exec(s.t);
        else if (s.f) await this.exec(s.f);
        return;
      case 'while':
        while (toBool(await this.eval(s.c))) if (await this.loopBody(s.body)) break;
        return;
      case 'do':
        do if (await this.loopBody(s.body)) break;
        while (toBool(await this.eval(s.c)));
        return;
      case 'for':
        if (s.init) await this.eval(s.init);
        while (!s.c || toBool(await this.eval(s.c))) {
          if (await this.loopBody(s.body)) break;
          if (s.step) await this.eval(s.step);
        }
        return;
      case 'forin': {
        const a = this.array(s.name);
        for (const key of [...a.keys()]) {
          if (!a.has(key)) continue;
          await this.assign(s.v, new StrNum(key));
          if (await this.loopBody(s.body)) break;
        }
        return;
      }
      case 'next': throw new Next();
      case 'nextfile': throw new NextFile();
      case 'break': throw new Break();
      case 'continue': throw new Continue();
      case 'exit': throw new Exit(s.e ? Math.trunc(toNum(await this.eval(s.e))) & 0xff : this.exitCode);
      case 'return': throw new Return(s.e ? await this.eval(s.e) : UNINIT);
      case 'delete':
        if (s.subs) this.array(s.name).delete(this.subscript(await this.evalAll(s.subs)));
        else this.array(s.name).clear();
        return;
      case 'nop': return;
    }
  }

  /** Runs a loop body; true when it breaks out. */
  private async loopBody(b: Stmt): Promise<boolean> {
    await this.host.busy();
    try {
      await this.exec(b);
      return false;
    } catch (x) {
      if (x instanceof Break) return true;
      if (x instanceof Continue) return false;
      throw x;
    }
  }

  private async print(s: Extract<Stmt, { k: 'print' | 'printf' }>): Promise<void> {
    let text: string;
    if (s.k === 'print') {
      const ofmt = this.str(this.get('OFMT'));
      const vals = s.args.length ? await this.evalAll(s.args) : [new StrNum(this.record)];
      text = vals.map((v) => (typeof v === 'number' ? numToStr(v, ofmt) : this.str(v))).join(this.str(this.get('OFS'))) + this.str(this.get('ORS'));
    } else {
      const vals = await this.evalAll(s.args);
      text = sprintf(this.str(vals[0] ?? ''), vals.slice(1), this.str(this.get('CONVFMT')));
    }
    if (!s.redir) {
      this.host.write(text);
      return this.host.maybeFlush();
    }
    await this.host.output(s.redir.op, this.str(await this.eval(s.redir.e)), text);
  }
}
