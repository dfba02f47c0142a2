// The process tools' view of getopt_long (../getopt.ts): options as {key, arg}, errors as text.
import { getopt as getoptLong } from '../getopt';

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
  const r = getoptLong(args, { short, long: long.map((l) => ({ name: l.name, arg: l.arg ? 'required' : 'none', key: l.key })) });
  if (!r.ok) return { error: r.message };
  return { opts: r.opts.map((o) => (o.value === undefined ? { key: o.key } : { key: o.key, arg: o.value })), operands: r.operands };
}
