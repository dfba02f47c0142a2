// `su`: another user's shell on this terminal (util-linux su). The host starts the processes and
// decides who may switch; the shell runs the new bash — interactively over the terminal, or as
// `bash -c CMD` for `su -c`.

import { put, type Ctx, type Executor } from './executor';
import type { Builtin } from './services';
import { asInput, readUntil } from './streams';

interface SuArgs {
  user: string;
  login: boolean;
  command?: string;
}

async function usage(ctx: Ctx, msg: string): Promise<number> {
  await put(ctx.fds[2], `su: ${msg}\nTry 'su --help' for more information.\n`);
  return 1;
}

/** util-linux su's options: `-`, `-l`/`--login`, `-c`/`--command`, `-m`/`-p`, `-s SHELL`. */
function parse(args: string[]): SuArgs | string {
  const r: SuArgs = { user: '', login: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-' || a === '-l' || a === '--login') r.login = true;
    else if (a === '-c' || a === '--command') {
      if (i + 1 >= args.length) return `option requires an argument -- 'c'`;
      r.command = args[++i]!;
    } else if (a.startsWith('--command=')) r.command = a.slice('--command='.length);
    else if (a === '-s' || a === '--shell') i++;
    else if (a === '-m' || a === '-p' || a === '--preserve-environment') continue;
    else if (a === '--') break;
    else if (a.startsWith('--')) return `unrecognized option '${a}'`;
    else if (a.startsWith('-')) return `invalid option -- '${a[1]}'`;
    // Options may follow the user (`su - operator -c CMD`); later words go to the shell.
    else r.user ||= a;
  }
  r.user ||= 'root';
  return r;
}

/** PAM's prompt at the terminal: the line typed is read (and, the tty model has no -echo, shown). */
async function askPassword(ctx: Ctx): Promise<boolean> {
  await put(ctx.fds[2], 'Password: ');
  const r = await readUntil(ctx.fds[0], '\n', Infinity);
  if (r.eof && !r.data.endsWith('\n')) await put(ctx.fds[2], '\n');
  return false;
}

const su: Builtin = async (ex, argv, ctx) => {
  const args = parse(argv.slice(1));
  if (typeof args === 'string') return usage(ctx, args);
  const host = ex.svc.host;
  if (!host.switchUser) {
    await put(ctx.fds[2], 'su: cannot switch users in this shell\n');
    return 1;
  }
  const env = ctx.state.vars.exported();
  const switched = await host.switchUser({ user: args.user, login: args.login, cwd: ctx.state.cwd, env, authenticate: () => askPassword(ctx) });
  if ('error' in switched) {
    await put(ctx.fds[2], `su: ${switched.error}\n`);
    return 1;
  }
  let status = 1;
  try {
    status = await runShell(ex, switched.options, args, ctx);
  } finally {
    switched.close(status);
  }
  return status;
};

/** The user's bash: `-c CMD`, the terminal (interactive), or commands read from stdin. */
async function runShell(ex: Executor, options: Parameters<Executor['svc']['newShell']>[0], args: SuArgs, ctx: Ctx): Promise<number> {
  const nest = ex.svc.options.nest;
  if (args.command === undefined && nest && ex.svc.interactive && !ctx.subshell) return nest(options);
  const sh = ex.svc.newShell({ ...options, interactive: false, scriptName: 'bash' });
  const src = args.command ?? (await asInput(ctx.fds[0]).readAll());
  const r = await sh.run(src, { stdin: ctx.fds[0], stdout: ctx.fds[1], stderr: ctx.fds[2], signal: ctx.signal });
  return r.exitCode;
}

export const USER_BUILTINS: Record<string, Builtin> = { su };
