// GNU getopt_long as the psmisc, procps and util-linux tools use it: clustered short options,
// arguments attached or in the next word, long options with `=` or a following word (unique
// prefixes accepted), operands anywhere unless `--` ends the options — and glibc's messages.

export interface LongOpt {
  name: string;
  arg: boolean;
  /** the key the option reports (its short letter, or a name of its own) */
  key: string;
}

export interface Opt {
  key: string;
  arg?: string;
}

export type GetoptResult = { opts: Opt[]; operands: string[] } | { error: string };

/** `short` is a getopt string: a letter followed by `:` takes an argument. */
export function getopt(args: readonly string[], short: string, long: readonly LongOpt[] = []): GetoptResult {
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
      const exact = long.find((l) => l.name === name);
      const prefixed = long.filter((l) => l.name.startsWith(name));
      const lo = exact ?? (prefixed.length === 1 ? prefixed[0] : undefined);
      if (!lo) return { error: prefixed.length > 1 ? `option '${a}' is ambiguous` : `unrecognized option '${a}'` };
      if (!lo.arg && eq >= 0) return { error: `option '--${lo.name}' doesn't allow an argument` };
      if (lo.arg) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return { error: `option '--${lo.name}' requires an argument` };
        opts.push({ key: lo.key, arg: v });
      } else opts.push({ key: lo.key });
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      const at = short.indexOf(c);
      if (at < 0 || c === ':') return { error: `invalid option -- '${c}'` };
      if (short[at + 1] !== ':') {
        opts.push({ key: c });
        continue;
      }
      const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
      if (v === undefined) return { error: `option requires an argument -- '${c}'` };
      opts.push({ key: c, arg: v });
      break;
    }
  }
  return { opts, operands };
}
