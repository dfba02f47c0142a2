// Command-line options as glibc's getopt_long reads them: clustered short options, attached or
// separate arguments, long options by unique prefix, operands permuted after the options.

export type ArgKind = 'none' | 'required' | 'optional';

export interface OptSpec {
  /** getopt's optstring: a letter, then ':' if it takes an argument, '::' if optional. */
  short: string;
  /** Long name → the key it sets (usually its short letter) and whether it takes an argument. */
  long?: Readonly<Record<string, readonly [key: string, arg?: ArgKind]>>;
  /** Stop at the first operand (xargs, env: the rest is a command). */
  stopAtOperand?: boolean;
}

export type Opt = readonly [key: string, value: string | undefined];

export type Parsed = { ok: true; opts: Opt[]; operands: string[] } | { ok: false; message: string };

function shortKind(spec: string, ch: string): ArgKind | null {
  const i = spec.indexOf(ch);
  if (i < 0 || ch === ':') return null;
  if (spec[i + 1] !== ':') return 'none';
  return spec[i + 2] === ':' ? 'optional' : 'required';
}

export function parseOpts(args: readonly string[], spec: OptSpec): Parsed {
  const opts: Opt[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const table = spec.long ?? {};
      let hit = table[name] ? name : undefined;
      if (!hit) {
        const cands = Object.keys(table).filter((k) => k.startsWith(name));
        const keys = new Set(cands.map((k) => table[k]![0]));
        if (cands.length === 0) return { ok: false, message: `unrecognized option '${eq < 0 ? a : a.slice(0, eq)}'` };
        if (keys.size > 1) return { ok: false, message: `option '${a.slice(0, eq < 0 ? undefined : eq)}' is ambiguous; possibilities:${cands.map((k) => ` '--${k}'`).join('')}` };
        hit = cands[0]!;
      }
      const [key, kind = 'none'] = table[hit]!;
      if (kind === 'none') {
        if (eq >= 0) return { ok: false, message: `option '--${hit}' doesn't allow an argument` };
        opts.push([key, undefined]);
      } else if (eq >= 0) opts.push([key, a.slice(eq + 1)]);
      else if (kind === 'optional') opts.push([key, undefined]);
      else {
        if (i + 1 >= args.length) return { ok: false, message: `option '--${hit}' requires an argument` };
        opts.push([key, args[++i]!]);
      }
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j]!;
        const kind = shortKind(spec.short, ch);
        if (kind === null) return { ok: false, message: `invalid option -- '${ch}'` };
        if (kind === 'none') {
          opts.push([ch, undefined]);
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest !== '') opts.push([ch, rest]);
        else if (kind === 'optional') opts.push([ch, undefined]);
        else {
          if (i + 1 >= args.length) return { ok: false, message: `option requires an argument -- '${ch}'` };
          opts.push([ch, args[++i]!]);
        }
        break;
      }
      continue;
    }
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i));
      break;
    }
    operands.push(a);
  }
  return { ok: true, opts, operands };
}
