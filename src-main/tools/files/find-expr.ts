// find's expression (GNU findutils 4.9): operators ( ) ! -not -a -and -o -or, tests, actions and
// the global options, parsed into a tree the walk evaluates per file.

export type Cmp = { op: '+' | '-' | '='; n: number };

export type Node =
  | { k: 'and' | 'or'; l: Node; r: Node }
  | { k: 'not'; e: Node }
  | { k: 'name' | 'iname' | 'path' | 'ipath'; pattern: string }
  | { k: 'type'; types: string }
  | { k: 'size'; cmp: Cmp; unit: number }
  | { k: 'mtime' | 'mmin' | 'inum' | 'links' | 'uid' | 'gid'; cmp: Cmp }
  | { k: 'user' | 'group'; arg: string; id?: number }
  | { k: 'newer'; arg: string }
  | { k: 'perm'; mode: number; how: 'exact' | 'all' | 'any' }
  | { k: 'empty' | 'true' | 'false' | 'prune' | 'quit' | 'print' | 'print0' | 'delete' }
  | { k: 'printf'; format: string }
  | { k: 'exec'; argv: string[]; batch: boolean };

export interface FindExpr {
  root: Node;
  maxDepth: number;
  minDepth: number;
  depthFirst: boolean;
  xdev: boolean;
}

export class FindError extends Error {}

/** -size's units: 512-byte blocks by default; c bytes, w two-byte words, k, M, G. */
const SIZE_UNITS: Record<string, number> = { b: 512, c: 1, w: 2, k: 1024, M: 1024 ** 2, G: 1024 ** 3 };
const TYPES = 'bcdpflsD';
const ACTIONS = new Set(['print', 'print0', 'printf', 'exec', 'delete', 'quit']);

function cmpOf(text: string, what: string): Cmp {
  const m = /^([+-]?)(\d+)$/.exec(text);
  if (!m) throw new FindError(`invalid argument \`${text}' to \`-${what}'`);
  return { op: (m[1] || '=') as Cmp['op'], n: Number(m[2]) };
}

export function compare(c: Cmp, value: number): boolean {
  return c.op === '+' ? value > c.n : c.op === '-' ? value < c.n : value === c.n;
}

function hasAction(n: Node): boolean {
  if (n.k === 'and' || n.k === 'or') return hasAction(n.l) || hasAction(n.r);
  if (n.k === 'not') return hasAction(n.e);
  return ACTIONS.has(n.k);
}

/** `args` is everything after the starting points. */
export function parseExpression(args: readonly string[]): FindExpr {
  const x: FindExpr = { root: { k: 'true' }, maxDepth: Infinity, minDepth: 0, depthFirst: false, xdev: false };
  let i = 0;
  let explicitDepth = false;
  let prune = false;
  let deletes = false;
  const next = (what: string): string => {
    const a = args[i++];
    if (a === undefined) throw new FindError(`missing argument to \`-${what}'`);
    return a;
  };
  const depth = (what: string): number => {
    const a = next(what);
    if (!/^\d+$/.test(a)) throw new FindError(`Expected a positive decimal integer argument to -${what}, but got ‘${a}’`);
    return Number(a);
  };

  const primary = (): Node | null => {
    const a = args[i++]!;
    if (a === '(') {
      const e = or();
      if (args[i++] !== ')') throw new FindError('invalid expression; I was expecting to find a \')\' somewhere but did not see one.');
      return e;
    }
    if (a === '!' || a === '-not') return { k: 'not', e: unary() };
    const name = a.slice(1);
    switch (a) {
      case '-maxdepth': x.maxDepth = depth(name); return null;
      case '-mindepth': x.minDepth = depth(name); return null;
      case '-depth':
        x.depthFirst = explicitDepth = true;
        return null;
      case '-xdev': case '-mount': x.xdev = true; return null;
      case '-name': case '-iname': case '-path': case '-ipath': return { k: name as 'name', pattern: next(name) };
      case '-wholename': return { k: 'path', pattern: next(name) };
      case '-type': {
        const t = next(name);
        const types = t.split(',');
        if (types.some((c) => c.length !== 1 || !TYPES.includes(c))) throw new FindError(`Unknown argument to -type: ${t}`);
        return { k: 'type', types: types.join('') };
      }
      case '-size': {
        const m = /^([+-]?\d+)([bcwkMG]?)$/.exec(next(name));
        if (!m) throw new FindError(`invalid -size type \`${args[i - 1]}'`);
        return { k: 'size', cmp: cmpOf(m[1]!, name), unit: SIZE_UNITS[m[2] || 'b']! };
      }
      case '-mtime': case '-mmin': case '-inum': case '-links': case '-uid': case '-gid':
        return { k: name as 'mtime', cmp: cmpOf(next(name), name) };
      case '-user': case '-group': case '-newer': return { k: name as 'user', arg: next(name) };
      case '-perm': {
        const m = /^([-/]?)([0-7]{1,4})$/.exec(next(name));
        if (!m) throw new FindError(`invalid mode ‘${args[i - 1]}’`);
        return { k: 'perm', mode: parseInt(m[2]!, 8), how: m[1] === '-' ? 'all' : m[1] === '/' ? 'any' : 'exact' };
      }
      case '-empty': case '-true': case '-false': case '-quit': case '-print': case '-print0':
        return { k: name as 'empty' };
      case '-prune':
        prune = true;
        return { k: 'prune' };
      case '-delete':
        x.depthFirst = deletes = true;
        return { k: 'delete' };
      case '-printf': return { k: 'printf', format: next(name) };
      case '-exec': {
        const argv: string[] = [];
        for (;;) {
          const w = args[i++];
          if (w === undefined) throw new FindError('missing argument to `-exec\'');
          if (w === ';') {
            if (argv.length === 0) throw new FindError("invalid argument `;' to `-exec'");
            return { k: 'exec', argv, batch: false };
          }
          if (w === '+' && argv[argv.length - 1] === '{}') return { k: 'exec', argv: argv.slice(0, -1), batch: true };
          argv.push(w);
        }
      }
      default:
        if (a.startsWith('-') && a.length > 1) throw new FindError(`unknown predicate \`${a}'`);
        throw new FindError(`paths must precede expression: \`${a}'`);
    }
  };
  // Global options stand for -true where they appear.
  const unary = (): Node => {
    if (i >= args.length) throw new FindError(`invalid expression; you have used a binary operator '${args[i - 1]}' with nothing before it.`);
    return primary() ?? { k: 'true' };
  };
  const and = (): Node => {
    let l = unary();
    while (i < args.length && args[i] !== ')' && args[i] !== '-o' && args[i] !== '-or') {
      if (args[i] === '-a' || args[i] === '-and') i++;
      l = { k: 'and', l, r: unary() };
    }
    return l;
  };
  const or = (): Node => {
    let l = and();
    while (args[i] === '-o' || args[i] === '-or') {
      i++;
      l = { k: 'or', l, r: and() };
    }
    return l;
  };
  if (args.length > 0) {
    x.root = or();
    if (i < args.length) throw new FindError(`unexpected extra predicate '${args[i]}'`);
  }
  if (deletes && prune && !explicitDepth) {
    throw new FindError('The -delete action automatically turns on -depth, but -prune does nothing when -depth is in effect.  If you want to carry on anyway, just explicitly use the -depth option.');
  }
  // No action anywhere: every file the expression accepts is printed.
  if (!hasAction(x.root)) x.root = { k: 'and', l: x.root, r: { k: 'print' } };
  return x;
}
