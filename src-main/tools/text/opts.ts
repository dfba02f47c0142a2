// The text tools' view of getopt_long (../getopt.ts): options as [key, value] pairs and long
// options as a table.
import { getopt } from '../getopt';

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

export function parseOpts(args: readonly string[], spec: OptSpec): Parsed {
  const long = Object.entries(spec.long ?? {}).map(([name, [key, arg = 'none']]) => ({ name, key, arg }));
  const r = getopt(args, { short: spec.short, long, inOrder: spec.stopAtOperand ?? false });
  if (!r.ok) return r;
  return { ok: true, opts: r.opts.map((o): Opt => [o.key, o.value]), operands: r.operands };
}
