// awk's built-in functions: strings (length substr index split sub gsub match sprintf tolower
// toupper), numbers (int sqrt exp log sin cos atan2 rand srand), and I/O (system close fflush).
import type { Expr, LValue } from './awk-ast';
import type { Awk } from './awk-interp';
import { AwkArray, AwkFatal } from './awk-state';
import { reSplit, splitFields } from './awk-records';
import { FormatError, sprintf, StrNum, toNum, type Val } from './awk-value';

const ZERO: LValue = { k: 'field', e: { k: 'num', v: 0 } };

function isLValue(e: Expr): e is LValue {
  return e.k === 'var' || e.k === 'idx' || e.k === 'field';
}

/** sub/gsub's replacement: `&` is the match, `\&` a literal &, `\\` a backslash. */
function replace(repl: string, match: string): string {
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i]!;
    if (c === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) out += repl[++i];
    else if (c === '&') out += match;
    else out += c;
  }
  return out;
}

/** gsub's scan: an empty match right after a match does not count (as in GNU tools). */
function substitute(s: string, re: RegExp, repl: string, global: boolean): { out: string; n: number } {
  const g = new RegExp(re.source, re.flags + 'g');
  let out = '';
  let pos = 0;
  let n = 0;
  let prevEnd = -1;
  for (let from = 0; from <= s.length; ) {
    g.lastIndex = from;
    const m = g.exec(s);
    if (!m) break;
    const end = m.index + m[0].length;
    if (m[0] === '' && m.index === prevEnd) {
      from = m.index + 1;
      continue;
    }
    out += s.slice(pos, m.index) + replace(repl, m[0]);
    pos = end;
    n++;
    if (!global) break;
    prevEnd = end;
    from = end > m.index ? end : m.index + 1;
  }
  return { out: out + s.slice(pos), n };
}

/** A 32-bit generator; awk's rand() need only be repeatable for one seed. */
function nextRand(a: Awk): number {
  let x = (a.randState = (a.randState + 0x6d2b79f5) | 0);
  x = Math.imul(x ^ (x >>> 15), x | 1);
  x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
}

export async function callBuiltin(a: Awk, name: string, args: Expr[]): Promise<Val> {
  const arg = async (k: number): Promise<Val> => a.eval(args[k]!);
  const s = async (k: number): Promise<string> => a.str(await arg(k));
  const n = async (k: number): Promise<number> => toNum(await arg(k));
  switch (name) {
    case 'length': {
      if (args.length === 0) return a.str(a.field(0)).length;
      const e = args[0]!;
      if (e.k === 'var') {
        const c = a.cell(e.name);
        if (c instanceof AwkArray) return c.size;
      }
      return (await s(0)).length;
    }
    case 'substr': {
      const str = await s(0);
      let start = Math.round(await n(1));
      let len = args.length > 2 ? Math.round(await n(2)) : Infinity;
      if (Number.isNaN(start)) start = 1;
      if (start < 1) {
        len += start - 1;
        start = 1;
      }
      return len > 0 ? str.substr(start - 1, len === Infinity ? undefined : len) : '';
    }
    case 'index': return (await s(0)).indexOf(await s(1)) + 1;
    case 'split': {
      const str = await s(0);
      const target = args[1];
      if (target?.k !== 'var') throw new AwkFatal('split: second argument is not an array');
      const arr = a.array(target.name);
      const sep = args[2];
      let parts: string[];
      if (sep?.k === 'regex') parts = str === '' ? [] : reSplit(str, a.regex(sep.src));
      else parts = splitFields(str, sep ? await s(2) : a.str(a.get('FS')), (src) => a.regex(src));
      arr.clear();
      parts.forEach((p, k) => arr.set(String(k + 1), new StrNum(p)));
      return parts.length;
    }
    case 'sub': case 'gsub': {
      const re = await a.regexOf(args[0]!);
      const repl = await s(1);
      const target = args[2] ?? ZERO;
      const cur = a.str(isLValue(target) ? await a.load(target) : await a.eval(target));
      const r = substitute(cur, re, repl, name === 'gsub');
      if (r.n > 0 && isLValue(target)) await a.assign(target, r.out);
      return r.n;
    }
    case 'match': {
      const str = await s(0);
      const m = (await a.regexOf(args[1]!)).exec(str);
      a.set('RSTART', m ? m.index + 1 : 0);
      a.set('RLENGTH', m ? m[0].length : -1);
      const arrArg = args[2];
      if (arrArg?.k === 'var') {
        const arr = a.array(arrArg.name);
        arr.clear();
        m?.forEach((g, k) => {
          if (g !== undefined) arr.set(String(k), new StrNum(g));
        });
      }
      return m ? m.index + 1 : 0;
    }
    case 'sprintf': {
      if (args.length === 0) throw new AwkFatal('sprintf: no arguments');
      const vals = await a.evalAll(args);
      try {
        return sprintf(a.str(vals[0]!), vals.slice(1), a.str(a.get('CONVFMT')));
      } catch (e) {
        if (e instanceof FormatError) throw new AwkFatal(e.message);
        throw e;
      }
    }
    case 'tolower': return (await s(0)).toLowerCase();
    case 'toupper': return (await s(0)).toUpperCase();
    case 'int': return Math.trunc(await n(0));
    case 'sqrt': return Math.sqrt(await n(0));
    case 'exp': return Math.exp(await n(0));
    case 'log': return Math.log(await n(0));
    case 'sin': return Math.sin(await n(0));
    case 'cos': return Math.cos(await n(0));
    case 'atan2': return Math.atan2(await n(0), await n(1));
    case 'rand': return nextRand(a);
    case 'srand': {
      const prev = a.randSeed;
      a.randSeed = args.length ? Math.trunc(await n(0)) : a.host.nowSeconds();
      a.randState = a.randSeed;
      return prev;
    }
    case 'systime': return a.host.nowSeconds();
    case 'system': {
      await a.host.flush();
      return a.host.system(await s(0));
    }
    case 'close': return a.close(await s(0));
    case 'fflush':
      await a.host.flush();
      return 0;
  }
  throw new AwkFatal(`function \`${name}' not defined`);
}
