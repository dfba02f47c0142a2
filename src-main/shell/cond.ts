// Conditional expressions: the `test`/`[` builtin and `[[ … ]]`, with file tests through ShellFs.

import type { CondExpr } from './ast';
import type { Expander } from './expand';
import { resolvePath, type ShellFs, type ShellStat } from './fs';
import { matchPattern } from './glob';

/** A malformed expression: bash prints the message and the status is 2. */
export class CondError extends Error {}

const UNARY = new Set(['-e', '-f', '-d', '-r', '-w', '-x', '-s', '-L', '-h', '-n', '-z', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G', '-N', '-a', '-o', '-v']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

export interface TestEnv {
  fs: ShellFs;
  cwd: string;
  isSet(name: string): boolean;
  option(name: string): boolean;
}

async function statOf(env: TestEnv, path: string, link = false): Promise<ShellStat | null> {
  if (path === '') return null;
  const p = resolvePath(env.cwd, path);
  try {
    return await (link && env.fs.lstat ? env.fs.lstat(p) : env.fs.stat(p));
  } catch {
    return null;
  }
}

async function can(env: TestEnv, path: string, what: 'r' | 'w' | 'x'): Promise<boolean> {
  const s = await statOf(env, path);
  if (!s) return false;
  if (env.fs.access) return env.fs.access(resolvePath(env.cwd, path), what);
  // Root may read and write anything, and execute what has an x bit (or is a directory).
  return what !== 'x' || s.type === 'dir' || (s.mode & 0o111) !== 0;
}

export async function unaryTest(env: TestEnv, op: string, arg: string): Promise<boolean> {
  switch (op) {
    case '-n': return arg !== '';
    case '-z': return arg === '';
    case '-v': return env.isSet(arg);
    case '-o': return env.option(arg);
    case '-t': return false;
    case '-r': case '-w': case '-x': return can(env, arg, op[1] as 'r' | 'w' | 'x');
    case '-L': case '-h': return (await statOf(env, arg, true))?.type === 'symlink';
  }
  const s = await statOf(env, arg);
  if (!s) return false;
  switch (op) {
    case '-e': case '-a': return true;
    case '-f': return s.type === 'file';
    case '-d': return s.type === 'dir';
    case '-s': return s.size > 0;
    case '-b': return s.type === 'block';
    case '-c': return s.type === 'char';
    case '-p': return s.type === 'fifo';
    case '-S': return s.type === 'socket';
    case '-u': return (s.mode & 0o4000) !== 0;
    case '-g': return (s.mode & 0o2000) !== 0;
    case '-k': return (s.mode & 0o1000) !== 0;
    case '-O': return (s.uid ?? 0) === 0;
    case '-G': return (s.gid ?? 0) === 0;
    default: return false;
  }
}

function integer(s: string): bigint {
  const t = s.trim();
  if (!/^[+-]?[0-9]+$/.test(t)) throw new CondError(`${s}: integer expression expected`);
  return BigInt(t);
}

export async function binaryTest(env: TestEnv, op: string, a: string, b: string, arith?: (s: string) => Promise<bigint>): Promise<boolean> {
  const num = arith ?? (async (s: string) => integer(s));
  switch (op) {
    case '=': case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '-eq': return (await num(a)) === (await num(b));
    case '-ne': return (await num(a)) !== (await num(b));
    case '-lt': return (await num(a)) < (await num(b));
    case '-le': return (await num(a)) <= (await num(b));
    case '-gt': return (await num(a)) > (await num(b));
    case '-ge': return (await num(a)) >= (await num(b));
    case '-nt': case '-ot': {
      const [sa, sb] = [await statOf(env, a), await statOf(env, b)];
      const [ta, tb] = [sa?.mtimeMs ?? -Infinity, sb?.mtimeMs ?? -Infinity];
      if (!sa && !sb) return false;
      return op === '-nt' ? ta > tb : ta < tb;
    }
    case '-ef': {
      const [sa, sb] = [await statOf(env, a), await statOf(env, b)];
      return !!sa && !!sb && resolvePath(env.cwd, a) === resolvePath(env.cwd, b);
    }
  }
  throw new CondError(`${op}: binary operator expected`);
}

/** The `test` and `[` builtins: POSIX rules by argument count, then -a/-o/!/( ) precedence. */
export async function testArgs(env: TestEnv, args: string[]): Promise<boolean> {
  const t = new TestParser(env, args);
  return t.run();
}

class TestParser {
  private i = 0;
  constructor(
    private readonly env: TestEnv,
    private readonly a: string[],
  ) {}

  async run(): Promise<boolean> {
    const n = this.a.length;
    if (n === 0) return false;
    if (n === 1) return this.a[0] !== '';
    if (n === 2) {
      if (this.a[0] === '!') return this.a[1] === '';
      if (UNARY.has(this.a[0]!)) return unaryTest(this.env, this.a[0]!, this.a[1]!);
      throw new CondError(`${this.a[0]}: unary operator expected`);
    }
    if (n === 3 && BINARY.has(this.a[1]!)) return binaryTest(this.env, this.a[1]!, this.a[0]!, this.a[2]!);
    if (n === 3 && this.a[0] === '!') return !(await new TestParser(this.env, this.a.slice(1)).run());
    if (n === 3 && this.a[0] === '(' && this.a[2] === ')') return this.a[1] !== '';
    const v = await this.or();
    if (this.i < n) throw new CondError(n === 3 ? `${this.a[1]}: binary operator expected` : 'too many arguments');
    return v;
  }

  private async or(): Promise<boolean> {
    let v = await this.and();
    while (this.a[this.i] === '-o') {
      this.i++;
      v = (await this.and()) || v;
    }
    return v;
  }

  private async and(): Promise<boolean> {
    let v = await this.not();
    while (this.a[this.i] === '-a') {
      this.i++;
      v = (await this.not()) && v;
    }
    return v;
  }

  private async not(): Promise<boolean> {
    if (this.a[this.i] === '!') {
      this.i++;
      return !(await this.not());
    }
    return this.primary();
  }

  private async primary(): Promise<boolean> {
    const x = this.a[this.i];
    if (x === undefined) throw new CondError('argument expected');
    if (x === '(') {
      this.i++;
      const v = await this.or();
      if (this.a[this.i] !== ')') throw new CondError("`)' expected");
      this.i++;
      return v;
    }
    const op = this.a[this.i + 1];
    if (op !== undefined && BINARY.has(op) && this.i + 2 < this.a.length) {
      this.i += 3;
      return binaryTest(this.env, op, x, this.a[this.i - 1]!);
    }
    if (UNARY.has(x) && this.i + 1 < this.a.length) {
      this.i += 2;
      return unaryTest(this.env, x, this.a[this.i - 1]!);
    }
    this.i++;
    return x !== '';
  }
}

/** `[[ … ]]`: 0 true, 1 false, 2 with a message for a malformed operand. */
export async function evalCond(e: CondExpr, ex: Expander, env: TestEnv, report: (msg: string) => Promise<void>): Promise<number> {
  try {
    return (await cond(e, ex, env)) ? 0 : 1;
  } catch (err) {
    if (!(err instanceof CondError)) throw err;
    await report(err.message);
    return 2;
  }
}

async function cond(e: CondExpr, ex: Expander, env: TestEnv): Promise<boolean> {
  switch (e.k) {
    case 'not': return !(await cond(e.e, ex, env));
    case 'and': return (await cond(e.l, ex, env)) && cond(e.r, ex, env);
    case 'or': return (await cond(e.l, ex, env)) || cond(e.r, ex, env);
    case 'word': return (await ex.string(e.arg.parts)) !== '';
    case 'unary': return unaryTest(env, e.op, await ex.string(e.arg.parts));
    case 'binary': {
      const left = await ex.string(e.left.parts);
      if (e.op === '==' || e.op === '=' || e.op === '!=') {
        const hit = matchPattern(await ex.pattern(e.right.parts), left);
        return e.op === '!=' ? !hit : hit;
      }
      if (e.op === '=~') return ex.regexMatch(left, e.right.parts);
      const arith = async (s: string): Promise<bigint> => ex.arith([{ t: 'lit', v: s }]);
      return binaryTest(env, e.op, left, await ex.string(e.right.parts), arith);
    }
  }
}
