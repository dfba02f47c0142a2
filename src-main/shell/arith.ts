// Shell arithmetic ($(( )), (( )), let, array subscripts): 64-bit signed integers with C operators, as bash evaluates them.

export interface ArithVars {
  get(name: string, index?: string): string | undefined;
  set(name: string, value: string, index?: string): void;
}

/** Bash reports `EXPR: MESSAGE (error token is "TOKEN")`. */
export class ArithError extends Error {
  constructor(
    readonly expr: string,
    readonly reason: string,
    readonly token: string,
  ) {
    super(token ? `${expr}: ${reason} (error token is "${token}")` : `${expr}: ${reason}`);
    this.name = 'ArithError';
  }
}

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

const BINARY_LEVELS: string[][] = [
  ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<=', '>=', '<', '>'], ['<<', '>>'], ['+', '-'], ['*', '/', '%'],
];
const ASSIGN_OPS = ['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|='];
const OPERATORS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=',
  '+', '-', '*', '/', '%', '<', '>', '=', '!', '~', '&', '^', '|', '?', ':', ',', '(', ')'];

interface Tok {
  k: 'num' | 'id' | 'op' | 'end';
  v: string;
  at: number;
  /** For ids: the subscript text of `a[...]`. */
  index?: string;
}

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    const at = i;
    if (/[0-9]/.test(c)) {
      while (i < src.length && /[0-9A-Za-z_#@]/.test(src[i]!)) i++;
      toks.push({ k: 'num', v: src.slice(at, i), at });
    } else if (/[A-Za-z_]/.test(c)) {
      while (i < src.length && /[A-Za-z0-9_]/.test(src[i]!)) i++;
      const t: Tok = { k: 'id', v: src.slice(at, i), at };
      if (src[i] === '[') {
        let depth = 0;
        const open = i;
        for (; i < src.length; i++) {
          if (src[i] === '[') depth++;
          else if (src[i] === ']' && --depth === 0) break;
        }
        t.index = src.slice(open + 1, i);
        i++;
      }
      toks.push(t);
    } else {
      const op = OPERATORS.find((o) => src.startsWith(o, i));
      if (!op) throw new ArithError(src.replace(/^\s+/, ''), 'syntax error: invalid arithmetic operator', src.slice(at));
      toks.push({ k: 'op', v: op, at });
      i += op.length;
    }
  }
  toks.push({ k: 'end', v: '', at: src.length });
  return toks;
}

const tokenCache = new Map<string, Tok[]>();

export function evalArith(expr: string, vars: ArithVars, depth = 0): bigint {
  if (depth > 1024) throw new ArithError(expr, 'expression recursion level exceeded', expr);
  let toks = tokenCache.get(expr);
  if (!toks) {
    toks = tokenize(expr);
    if (tokenCache.size > 1000) tokenCache.clear();
    tokenCache.set(expr, toks);
  }
  if (toks.length === 1) return 0n;
  return new Evaluator(expr, toks, vars, depth).run();
}

class Evaluator {
  private i = 0;
  /** Inside the branch that && || ?: do not take: parse only. */
  private skip = 0;

  constructor(
    private readonly src: string,
    private readonly toks: Tok[],
    private readonly vars: ArithVars,
    private readonly depth: number,
  ) {}

  run(): bigint {
    const v = this.comma();
    const t = this.peek();
    if (t.k !== 'end') throw this.error('syntax error in expression', t);
    return v;
  }

  private peek(): Tok {
    return this.toks[this.i]!;
  }

  /** Bash names the token where it stopped; at the end of the text, the last one it read. */
  private error(reason: string, t: Tok): ArithError {
    let tok = t;
    if (tok.k === 'end') {
      const i = this.toks.indexOf(tok);
      tok = i > 0 ? this.toks[i - 1]! : tok;
    }
    return new ArithError(this.src.replace(/^\s+/, ''), reason, this.src.slice(tok.at));
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t.k === 'op' && t.v === v;
  }

  private comma(): bigint {
    let v = this.assign();
    while (this.isOp(',')) {
      this.i++;
      v = this.assign();
    }
    return v;
  }

  private assign(): bigint {
    const t = this.peek();
    const next = this.toks[this.i + 1]!;
    if (t.k === 'id' && next.k === 'op' && ASSIGN_OPS.includes(next.v)) {
      this.i += 2;
      const rhs = this.assign();
      if (this.skip) return 0n;
      const v = next.v === '=' ? rhs : this.binary(next.v.slice(0, -1), this.varValue(t), rhs, next);
      this.vars.set(t.v, String(v), this.subscript(t));
      return v;
    }
    const v = this.ternary();
    const after = this.peek();
    if (after.k === 'op' && ASSIGN_OPS.includes(after.v)) throw this.error('attempted assignment to non-variable', after);
    return v;
  }

  private ternary(): bigint {
    const cond = this.level(0);
    if (!this.isOp('?')) return cond;
    this.i++;
    if (cond === 0n) this.skip++;
    const a = this.assign();
    if (cond === 0n) this.skip--;
    if (!this.isOp(':')) throw this.error("`:' expected for conditional expression", this.peek());
    this.i++;
    if (cond !== 0n) this.skip++;
    const b = this.assign();
    if (cond !== 0n) this.skip--;
    return cond !== 0n ? a : b;
  }

  private level(n: number): bigint {
    if (n >= BINARY_LEVELS.length) return this.power();
    let l = this.level(n + 1);
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op' || !BINARY_LEVELS[n]!.includes(t.v)) return l;
      this.i++;
      if (t.v === '&&' || t.v === '||') {
        const decided = t.v === '&&' ? l === 0n : l !== 0n;
        if (decided) this.skip++;
        const r = this.level(n + 1);
        if (decided) this.skip--;
        l = decided ? (t.v === '||' ? 1n : 0n) : r !== 0n ? 1n : 0n;
      } else {
        const rt = this.peek();
        l = this.binary(t.v, l, this.level(n + 1), rt);
      }
    }
  }

  private binary(op: string, a: bigint, b: bigint, rhsTok: Tok): bigint {
    if (this.skip) return 0n;
    switch (op) {
      case '+': return wrap(a + b);
      case '-': return wrap(a - b);
      case '*': return wrap(a * b);
      case '/': case '%':
        if (b === 0n) throw this.error('division by 0', rhsTok);
        return wrap(op === '/' ? a / b : a % b);
      case '<<': return wrap(a << (b & 63n));
      case '>>': return wrap(a >> (b & 63n));
      case '&': return a & b;
      case '|': return a | b;
      case '^': return a ^ b;
      case '<': return a < b ? 1n : 0n;
      case '>': return a > b ? 1n : 0n;
      case '<=': return a <= b ? 1n : 0n;
      case '>=': return a >= b ? 1n : 0n;
      case '==': return a === b ? 1n : 0n;
      case '!=': return a !== b ? 1n : 0n;
      case '**':
        if (b < 0n) throw this.error('exponent less than 0', rhsTok);
        return wrap(a ** b);
    }
    throw this.error('syntax error in expression', rhsTok);
  }

  private power(): bigint {
    const base = this.unary();
    if (!this.isOp('**')) return base;
    this.i++;
    const rt = this.peek();
    return this.binary('**', base, this.power(), rt);
  }

  private unary(): bigint {
    const t = this.peek();
    if (t.k === 'op') {
      if (t.v === '++' || t.v === '--') {
        this.i++;
        const id = this.peek();
        if (id.k !== 'id') throw this.error('syntax error: operand expected', id);
        this.i++;
        const v = wrap(this.varValue(id) + (t.v === '++' ? 1n : -1n));
        if (!this.skip) this.vars.set(id.v, String(v), this.subscript(id));
        return v;
      }
      if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
        this.i++;
        const v = this.unary();
        return t.v === '-' ? wrap(-v) : t.v === '+' ? v : t.v === '!' ? (v === 0n ? 1n : 0n) : ~v;
      }
    }
    return this.postfix();
  }

  private postfix(): bigint {
    const t = this.peek();
    if (t.k === 'id') {
      this.i++;
      const n = this.peek();
      const v = this.varValue(t);
      if (n.k === 'op' && (n.v === '++' || n.v === '--')) {
        this.i++;
        if (!this.skip) this.vars.set(t.v, String(wrap(v + (n.v === '++' ? 1n : -1n))), this.subscript(t));
      }
      return v;
    }
    if (t.k === 'num') {
      this.i++;
      return this.number(t);
    }
    if (t.k === 'op' && t.v === '(') {
      this.i++;
      const v = this.comma();
      if (!this.isOp(')')) throw this.error("missing `)'", this.peek());
      this.i++;
      return v;
    }
    throw this.error('syntax error: operand expected', t);
  }

  private number(t: Tok): bigint {
    const s = t.v;
    let base = 10;
    let digits = s;
    const hash = s.indexOf('#');
    if (hash > 0) {
      base = Number(s.slice(0, hash));
      digits = s.slice(hash + 1);
      if (base < 2 || base > 64) throw this.error('invalid arithmetic base', t);
    } else if (/^0[xX]/.test(s)) {
      base = 16;
      digits = s.slice(2);
    } else if (s.length > 1 && s.startsWith('0')) {
      base = 8;
      digits = s.slice(1);
    }
    let v = 0n;
    for (const ch of digits) {
      const d = digitValue(ch, base);
      if (d < 0 || d >= base) throw this.error('value too great for base', t);
      v = wrap(v * BigInt(base) + BigInt(d));
    }
    return v;
  }

  private subscript(t: Tok): string | undefined {
    return t.index === undefined ? undefined : String(evalArith(t.index, this.vars, this.depth + 1));
  }

  private varValue(t: Tok): bigint {
    if (this.skip) return 0n;
    const raw = this.vars.get(t.v, this.subscript(t));
    if (raw === undefined || raw.trim() === '') return 0n;
    if (/^\s*-?[0-9]+\s*$/.test(raw)) return wrap(BigInt(raw.trim()));
    return evalArith(raw, this.vars, this.depth + 1);
  }
}

function digitValue(ch: string, base: number): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 97 + 10;
  if (c >= 65 && c <= 90) return base <= 36 ? c - 65 + 10 : c - 65 + 36;
  if (ch === '@') return 62;
  if (ch === '_') return 63;
  return -1;
}
