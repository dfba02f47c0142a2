// The host's ordinary processes: init (pid 1, reaps orphans, ignores what it does not handle),
// the interactive shell, and sleep.
import type { ProgramContext, ProgramDef } from './program';
import { NS_PER_SEC } from '../sim/clock';

export const init: ProgramDef = {
  name: 'init',
  summary: 'pid 1',
  usage: 'Usage: init\n',
  main: (ctx) => {
    ctx.on('SIGCHLD', 'ignore');
    ctx.idle('ep_poll');
  },
};

/** An interactive bash: ignores SIGTERM and SIGQUIT, catches SIGINT, reads its terminal. */
export const bash: ProgramDef = {
  name: 'bash',
  summary: 'interactive shell (commands run as its child processes)',
  usage: 'Usage: bash\n',
  main: (ctx) => {
    ctx.on('SIGTERM', 'ignore');
    ctx.on('SIGQUIT', 'ignore');
    ctx.on('SIGINT', () => {});
    ctx.idle('wait_woken');
  },
};

const SLEEP_UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** coreutils sleep: errors go to stderr as `sleep: …` with the --help hint, status 1. */
function sleepFail(ctx: ProgramContext, message: string): void {
  ctx.log(`sleep: ${message}\nTry 'sleep --help' for more information.`);
  ctx.exit(1);
}

export const sleep: ProgramDef = {
  name: 'sleep',
  summary: 'delay for a specified amount of time',
  usage: `Usage: sleep NUMBER[SUFFIX]...
  or:  sleep OPTION
Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),
'm' for minutes, 'h' for hours or 'd' for days.  NUMBER need not be an
integer.  Given two or more arguments, pause for the amount of time
specified by the sum of their values.

      --help     display this help and exit
`,
  main: (ctx) => {
    const args = ctx.argv.slice(1);
    if (args[0] === '--help') {
      ctx.print(sleep.usage);
      return ctx.exit(0);
    }
    if (args.length === 0) return sleepFail(ctx, 'missing operand');
    let seconds = 0;
    for (const a of args) {
      const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
      if (!m) return sleepFail(ctx, `invalid time interval ‘${a}’`);
      seconds += Number(m[1]) * SLEEP_UNITS[m[2]!]!;
    }
    ctx.idle('do_nanosleep');
    ctx.after(Math.round(seconds * NS_PER_SEC), () => ctx.exit(0));
  },
};
