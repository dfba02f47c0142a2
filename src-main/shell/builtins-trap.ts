// `trap` (bash's trap.def): commands the shell runs when its own process catches a signal, when
// it exits (EXIT) and after a failing command (ERR). The kernel delivers the signals; the shell
// runs the commands between its own commands, as bash does.

import { put, type Ctx, type Executor } from './executor';
import type { Builtin } from './services';
import { decodeSignal, NSIG, SIGINT, SIGQUIT, SIGTERM, signalName, signalTable } from './signals';

export const EXIT = 0;
export const ERR = 66;
const PSEUDO: Record<string, number> = { DEBUG: 65, ERR, RETURN: 67 };

function decodeTrap(spec: string): number | undefined {
  const up = spec.toUpperCase();
  return Object.hasOwn(PSEUDO, up) ? PSEUDO[up] : decodeSignal(spec);
}

function trapName(n: number): string {
  return Object.keys(PSEUDO).find((k) => PSEUDO[k] === n) ?? signalName(n) ?? String(n);
}

/** bash's sh_single_quote(): 'it'\''s'. */
function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** What the shell's process does with `sig` when no trap is set: bash's own dispositions. */
export function baseAction(sig: number, interactive: boolean): 'catch' | 'ignore' | 'default' {
  if (sig === SIGQUIT) return 'ignore';
  if (!interactive) return 'default';
  return sig === SIGTERM ? 'ignore' : sig === SIGINT ? 'catch' : 'default';
}

async function list(ctx: Ctx, which: number[] | undefined): Promise<void> {
  const traps = ctx.state.traps;
  const sigs = which ?? [...traps.keys()].sort((a, b) => a - b);
  for (const n of sigs) {
    const cmd = traps.get(n);
    if (cmd !== undefined) await put(ctx.fds[1], `trap -- ${quote(cmd)} ${trapName(n)}\n`);
  }
}

const trap: Builtin = async (ex, argv, ctx) => {
  let args = argv.slice(1);
  if (args[0] === '-l') {
    await put(ctx.fds[1], signalTable());
    return 0;
  }
  const printing = args[0] === '-p';
  if (printing || args[0] === '--') args = args.slice(1);
  if (args.length === 0 || printing) {
    const sigs = args.map(decodeTrap);
    const bad = args.find((_a, i) => sigs[i] === undefined);
    if (bad !== undefined) return (await ex.err(ctx, `trap: ${bad}: invalid signal specification`), 1);
    await list(ctx, args.length ? (sigs as number[]) : undefined);
    return 0;
  }
  const first = args[0]!;
  let command: string | undefined;
  // bash: a first argument that is a signal on its own (or all digits) resets; `-` resets too.
  if ((/^[0-9]+$/.test(first) && decodeTrap(first) !== undefined) || (args.length === 1 && decodeTrap(first) !== undefined)) command = undefined;
  else {
    args = args.slice(1);
    if (args.length === 0) {
      await put(ctx.fds[2], 'trap: usage: trap [-lp] [[arg] signal_spec ...]\n');
      return 2;
    }
    command = first === '-' ? undefined : first;
  }
  let status = 0;
  for (const spec of args) {
    const sig = decodeTrap(spec);
    if (sig === undefined) {
      status = 1;
      await ex.err(ctx, `trap: ${spec}: invalid signal specification`);
      continue;
    }
    if (command === undefined) ctx.state.traps.delete(sig);
    else ctx.state.traps.set(sig, command);
    if (sig > 0 && sig < NSIG && !ctx.subshell) {
      ex.svc.host.trap?.(sig, command === undefined ? baseAction(sig, ex.svc.interactive) : command === '' ? 'ignore' : 'catch');
    }
  }
  return status;
};

/** Runs the trap for `sig`; $? is what it was before, unless the trap exits. */
export async function runTrap(ex: Executor, sig: number, ctx: Ctx): Promise<void> {
  const cmd = ctx.state.traps.get(sig);
  if (!cmd) return;
  // The EXIT trap runs once, however the shell leaves.
  if (sig === EXIT) ctx.state.traps.delete(EXIT);
  const saved = ctx.state.status;
  // `exit` inside a trap (an ExitSignal) ends the shell with its status.
  await ex.svc.evalText(cmd, { ...ctx, cond: false });
  ctx.state.status = saved;
}

export const TRAP_BUILTINS: Record<string, Builtin> = { trap };
