// The host's ordinary processes: init (pid 1, reaps orphans, ignores what it does not handle),
// the interactive shell, and sleep.
import type { ProgramDef } from './program';
import { NS_PER_SEC } from '../sim/clock';

export const init: ProgramDef = {
  name: 'init',
  summary: 'pid 1',
  usage: 'init',
  main: (ctx) => {
    ctx.on('SIGCHLD', 'ignore');
    ctx.idle('ep_poll');
  },
};

/** An interactive bash: ignores SIGTERM and SIGQUIT, catches SIGINT, reads its terminal. */
export const bash: ProgramDef = {
  name: 'bash',
  summary: 'interactive shell (commands run as its child processes)',
  usage: 'bash',
  main: (ctx) => {
    ctx.on('SIGTERM', 'ignore');
    ctx.on('SIGQUIT', 'ignore');
    ctx.on('SIGINT', () => {});
    ctx.idle('wait_woken');
  },
};

export const sleep: ProgramDef = {
  name: 'sleep',
  summary: 'sleeps N seconds and exits',
  usage: 'sleep SECONDS',
  main: (ctx) => {
    const s = Number(ctx.argv[1] ?? 0);
    ctx.idle('do_nanosleep');
    ctx.after(Math.max(0, s) * NS_PER_SEC, () => ctx.exit(0));
  },
};
