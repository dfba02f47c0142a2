// find(1) from GNU findutils 4.9: walks each starting point in directory order (the order
// getdents gives), evaluating the expression (find-expr.ts) for every file it meets.
import { strerror, type Stat } from '../../host';
import { matchPattern } from '../../shell/glob';
import { runArgv } from '../text/run';
import { defineTool, type ToolRun } from '../tool';
import { compare, FindError, parseExpression, type FindExpr, type Node } from './find-expr';
import { modeString } from './filemode';
import { idNames, type IdNames } from './ids';

const HELP = `Usage: find [-H] [-L] [-P] [path...] [expression]

Default path is the current directory; default expression is -print.
Expression may consist of: operators, options, tests, and actions.

Operators (decreasing precedence; -and is implicit where no others are given):
      ( EXPR )   ! EXPR   -not EXPR   EXPR1 -a EXPR2   EXPR1 -and EXPR2
      EXPR1 -o EXPR2   EXPR1 -or EXPR2

Positional options (always true):
      -depth -maxdepth LEVELS -mindepth LEVELS -mount -xdev

Tests (N can be +N or -N or N):
      -empty -false -gid N -group NAME -inum N -iname PATTERN -ipath PATTERN
      -links N -mmin N -mtime N -name PATTERN -newer FILE -path PATTERN
      -perm [-/]MODE -size N[bcwkMG] -true -type [bcdpfls] -uid N -user NAME
      -wholename PATTERN

Actions:
      -delete -print0 -printf FORMAT -prune -print -quit
      -exec COMMAND ; -exec COMMAND {} +

Symbolic links are never followed (-P); -H and -L are accepted and act as -P.
`;

/** findutils quotes names in its messages with the locale's quotes (C.UTF-8: ‘…’). */
const quote = (name: string): string => `‘${name}’`;

/** Thrown by -quit through the expression being evaluated. */
const QUIT = Symbol('quit');

const TYPE_LETTER: Record<string, string> = { reg: 'f', dir: 'd', lnk: 'l', chr: 'c', blk: 'b', fifo: 'p', sock: 's' };
const NS_PER_SEC = 1e9;

interface Visit {
  path: string;
  name: string;
  depth: number;
  start: string;
  st: Stat;
}

class Walk {
  status = 0;
  quit = false;
  prune = false;
  private out = '';
  private readonly batches = new Map<Node, string[]>();
  private readonly newer = new Map<string, number>();

  constructor(
    readonly t: ToolRun,
    readonly x: FindExpr,
    readonly ids: IdNames,
    readonly nowNs: number,
  ) {}

  async warn(message: string): Promise<void> {
    await this.flush();
    await this.t.err(`find: ${message}\n`);
    this.status = 1;
  }

  async write(s: string): Promise<void> {
    this.out += s;
    if (this.out.length > 32768) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.out) return;
    const s = this.out;
    this.out = '';
    await this.t.out(s);
  }

  /** Files named by -newer are looked up once, before the walk, as GNU find does. */
  async resolveNewer(n: Node): Promise<void> {
    if (n.k === 'and' || n.k === 'or') {
      await this.resolveNewer(n.l);
      await this.resolveNewer(n.r);
    } else if (n.k === 'not') await this.resolveNewer(n.e);
    else if (n.k === 'newer' && !this.newer.has(n.arg)) {
      const st = this.t.sys.stat(n.arg);
      if (!st.ok) throw new FindError(`${quote(n.arg)}: ${strerror(st.errno)}`);
      this.newer.set(n.arg, st.value.mtimeNs);
    } else if (n.k === 'user' || n.k === 'group') {
      n.id = idOf(this.ids, n.k, n.arg);
      if (n.id === undefined) throw new FindError(`${quote(n.arg)} is not the name of a known ${n.k}`);
    }
  }

  async visit(path: string, name: string, depth: number, start: string, dev: number | undefined): Promise<void> {
    const st = this.t.sys.lstat(path);
    if (!st.ok) return this.warn(`${quote(path)}: ${strerror(st.errno)}`);
    const v: Visit = { path, name, depth, start, st: st.value };
    const topDev = dev ?? st.value.dev.major * 256 + st.value.dev.minor;
    this.prune = false;
    if (!this.x.depthFirst && depth >= this.x.minDepth) await this.evalRoot(v);
    const descend = st.value.type === 'dir' && depth < this.x.maxDepth && !this.prune && !this.quit && !(this.x.xdev && st.value.dev.major * 256 + st.value.dev.minor !== topDev);
    if (descend) {
      const list = this.t.sys.readdir(path);
      if (!list.ok) await this.warn(`${quote(path)}: ${strerror(list.errno)}`);
      else {
        for (const e of list.value) {
          if (this.quit) break;
          await this.visit(path.endsWith('/') ? path + e.name : `${path}/${e.name}`, e.name, depth + 1, start, topDev);
        }
      }
    }
    if (this.x.depthFirst && depth >= this.x.minDepth && !this.quit) await this.evalRoot(v);
  }

  private async evalRoot(v: Visit): Promise<void> {
    try {
      await this.eval(this.x.root, v);
    } catch (e) {
      if (e !== QUIT) throw e;
    }
  }

  async eval(n: Node, v: Visit): Promise<boolean> {
    const st = v.st;
    switch (n.k) {
      case 'and': return (await this.eval(n.l, v)) && this.eval(n.r, v);
      case 'or': return (await this.eval(n.l, v)) || this.eval(n.r, v);
      case 'not': return !(await this.eval(n.e, v));
      case 'name': case 'iname': return matchPattern(n.pattern, v.name, n.k === 'iname');
      case 'path': case 'ipath': return matchPattern(n.pattern, v.path, n.k === 'ipath');
      case 'type': return n.types.includes(TYPE_LETTER[st.type] ?? '?');
      case 'size': return compare(n.cmp, Math.ceil(st.size / n.unit));
      case 'mtime': return compare(n.cmp, Math.floor((this.nowNs - st.mtimeNs) / (86400 * NS_PER_SEC)));
      case 'mmin': return compare(n.cmp, Math.floor((this.nowNs - st.mtimeNs) / (60 * NS_PER_SEC)));
      case 'inum': return compare(n.cmp, st.ino);
      case 'links': return compare(n.cmp, st.nlink);
      case 'uid': return compare(n.cmp, st.uid);
      case 'gid': return compare(n.cmp, st.gid);
      case 'user': return n.id === st.uid;
      case 'group': return n.id === st.gid;
      case 'newer': return st.mtimeNs > this.newer.get(n.arg)!;
      case 'perm': {
        const mode = st.mode & 0o7777;
        return n.how === 'exact' ? mode === n.mode : n.how === 'all' ? (mode & n.mode) === n.mode : n.mode === 0 || (mode & n.mode) !== 0;
      }
      case 'empty': {
        if (st.type === 'reg') return st.size === 0;
        if (st.type !== 'dir') return false;
        const list = this.t.sys.readdir(v.path);
        return list.ok && list.value.length === 0;
      }
      case 'true': return true;
      case 'false': return false;
      case 'prune':
        if (!this.x.depthFirst) this.prune = true;
        return true;
      case 'quit':
        // GNU find exits at once: nothing after -quit runs, not even the rest of its expression.
        this.quit = true;
        throw QUIT;
      case 'print':
        await this.write(`${v.path}\n`);
        return true;
      case 'print0':
        await this.write(`${v.path}\0`);
        return true;
      case 'printf':
        await this.write(printf(n.format, v, this.ids));
        return true;
      case 'delete': {
        // GNU find leaves the directory `.` itself alone.
        if (v.path === '.') return true;
        const r = st.type === 'dir' ? this.t.sys.rmdir(v.path) : this.t.sys.unlink(v.path);
        if (!r.ok) await this.warn(`cannot delete ${quote(v.path)}: ${strerror(r.errno)}`);
        return r.ok;
      }
      case 'exec': {
        if (n.batch) {
          const list = this.batches.get(n) ?? [];
          this.batches.set(n, list);
          list.push(v.path);
          return true;
        }
        await this.flush();
        const status = await runArgv(this.t, n.argv.map((a) => a.replaceAll('{}', v.path)), (s) => this.t.out(s));
        return status === 0;
      }
    }
  }

  /** `-exec … {} +`: the collected names, after the walk (as one command line here). */
  async runBatches(): Promise<void> {
    await this.flush();
    for (const [n, paths] of this.batches) {
      if (n.k !== 'exec' || paths.length === 0) continue;
      const status = await runArgv(this.t, [...n.argv, ...paths], (s) => this.t.out(s));
      if (status !== 0) this.status = 1;
    }
  }
}

function idOf(ids: IdNames, kind: 'user' | 'group', name: string): number | undefined {
  if (/^\d+$/.test(name)) return Number(name);
  for (let id = 0; id < 65536; id++) {
    const n = kind === 'user' ? ids.user(id) : ids.group(id);
    if (n === name) return id;
  }
  return undefined;
}

/** -printf's directives that admins use; others are printed as they are. */
function printf(format: string, v: Visit, ids: IdNames): string {
  const st = v.st;
  const slash = v.path.lastIndexOf('/');
  const directive: Record<string, () => string> = {
    p: () => v.path,
    f: () => v.name,
    h: () => (slash < 0 ? '.' : slash === 0 ? '/' : v.path.slice(0, slash)),
    P: () => v.path.slice(v.start.length).replace(/^\//, ''),
    s: () => String(st.size),
    k: () => String(Math.ceil(st.blocks / 2)),
    b: () => String(st.blocks),
    m: () => (st.mode & 0o7777).toString(8),
    M: () => modeString(st),
    u: () => ids.user(st.uid) ?? String(st.uid),
    g: () => ids.group(st.gid) ?? String(st.gid),
    U: () => String(st.uid),
    G: () => String(st.gid),
    i: () => String(st.ino),
    n: () => String(st.nlink),
    y: () => TYPE_LETTER[st.type] ?? '?',
    d: () => String(v.depth),
    '%': () => '%',
  };
  const escapes: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', '0': '\0', a: '\x07', r: '\r' };
  return format.replace(/%([-+ #0-9.]*)([a-zA-Z%])|\\(.)/g, (all, flags: string | undefined, d: string | undefined, e: string | undefined) => {
    if (e !== undefined) return escapes[e] ?? `\\${e}`;
    const f = directive[d!];
    if (!f) return all;
    const text = f();
    const w = /(-?)(\d+)/.exec(flags ?? '');
    return w ? (w[1] ? text.padEnd(Number(w[2])) : text.padStart(Number(w[2]))) : text;
  });
}

export const find = defineTool({
  name: 'find',
  summary: 'search for files in a directory hierarchy',
  help: HELP,
  async run(t) {
    const args = [...t.args];
    while (args[0] === '-P' || args[0] === '-H' || args[0] === '-L') args.shift();
    const firstExpr = args.findIndex((a) => (a.startsWith('-') && a !== '-') || a === '(' || a === '!');
    const starts = firstExpr < 0 ? args : args.slice(0, firstExpr);
    let x: FindExpr;
    const ids = await idNames(t);
    const w = (expr: FindExpr) => new Walk(t, expr, ids, t.host.wallNs());
    let walk: Walk;
    try {
      x = parseExpression(firstExpr < 0 ? [] : args.slice(firstExpr));
      walk = w(x);
      await walk.resolveNewer(x.root);
    } catch (e) {
      if (!(e instanceof FindError)) throw e;
      await t.err(`find: ${e.message}\n`);
      return 1;
    }
    for (const s of starts.length ? starts : ['.']) {
      if (walk.quit) break;
      const trimmed = s.length > 1 ? s.replace(/\/+$/, '') || '/' : s;
      const name = trimmed === '/' ? '/' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
      await walk.visit(s, name, 0, s, undefined);
    }
    await walk.runBatches();
    await walk.flush();
    return walk.status;
  },
});
