// GNU getopt_long as glibc 2.36 does it, for every tool (files, text and process tools adapt it): options anywhere among the operands unless `--` (or
// `inOrder`) stops them, bundled short options, `-ofile`/`-o file`, unambiguous prefixes of long
// options, and glibc's exact diagnostics (the tool prefixes its name).

export interface LongOpt {
  name: string;
  arg: 'none' | 'required' | 'optional';
  /** What the option is reported as; defaults to the short letter it stands for, or its name. */
  key?: string;
}

export interface GetoptSpec {
  /** getopt's optstring: letters, `:` after one taking an argument, `::` for an optional one. */
  short: string;
  long?: readonly LongOpt[];
  /** Stop at the first operand (optstring `+…`, POSIXLY_CORRECT): xfs_io subcommands, sudo. */
  inOrder?: boolean;
}

export interface Opt {
  key: string;
  value?: string;
}

export type Parsed = { ok: true; opts: Opt[]; operands: string[] } | { ok: false; message: string };

function shortArg(spec: string, c: string): 'none' | 'required' | 'optional' | null {
  const i = spec.indexOf(c);
  if (i < 0 || c === ':') return null;
  if (spec[i + 1] !== ':') return 'none';
  return spec[i + 2] === ':' ? 'optional' : 'required';
}

/** `word` is the argument as given (`--name=value`): glibc quotes all of it in its complaints. */
function findLong(long: readonly LongOpt[], name: string, word: string): LongOpt | string {
  const exact = long.find((l) => l.name === name);
  if (exact) return exact;
  const prefixed = long.filter((l) => l.name.startsWith(name));
  const distinct = prefixed.filter((l, i) => prefixed.findIndex((o) => (o.key ?? o.name) === (l.key ?? l.name)) === i);
  if (distinct.length === 1) return distinct[0]!;
  if (distinct.length === 0) return `unrecognized option '${word}'`;
  return `option '${word}' is ambiguous; possibilities:${distinct.map((l) => ` '--${l.name}'`).join('')}`;
}

export function getopt(args: readonly string[], spec: GetoptSpec): Parsed {
  const opts: Opt[] = [];
  const operands: string[] = [];
  const long = spec.long ?? [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      if (spec.inOrder) {
        operands.push(...args.slice(i));
        break;
      }
      operands.push(a);
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const found = findLong(long, name, a);
      if (typeof found === 'string') return { ok: false, message: found };
      const key = found.key ?? found.name;
      if (eq >= 0) {
        if (found.arg === 'none') return { ok: false, message: `option '--${found.name}' doesn't allow an argument` };
        opts.push({ key, value: a.slice(eq + 1) });
      } else if (found.arg === 'required') {
        if (i + 1 >= args.length) return { ok: false, message: `option '--${found.name}' requires an argument` };
        opts.push({ key, value: args[++i]! });
      } else opts.push({ key });
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      const kind = shortArg(spec.short, c);
      if (kind === null) return { ok: false, message: `invalid option -- '${c}'` };
      if (kind === 'none') {
        opts.push({ key: c });
        continue;
      }
      const rest = a.slice(j + 1);
      if (rest !== '') opts.push({ key: c, value: rest });
      else if (kind === 'optional') opts.push({ key: c });
      else if (i + 1 < args.length) opts.push({ key: c, value: args[++i]! });
      else return { ok: false, message: `option requires an argument -- '${c}'` };
      break;
    }
  }
  return { ok: true, opts, operands };
}
