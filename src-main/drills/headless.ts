// A drill without a window: the scenario's host in fast time, the trainee's commands typed into
// a terminal shell one line at a time (as `pinsim shell` would run them), then the clock run on to
// the time limit so that jobs the fix unblocked get their turn. Used by `pinsim drill run` and tests.
import type { Host } from '../host';
import { bootHost } from '../session/boot';
import { login } from '../session/login';
import { TerminalShell } from '../shell/terminal-shell';
import type { Drill } from './drill';
import { scenarioBoot } from './setup';
import { DrillRun } from './run';
import { HINT_LINE } from './interactive';

export interface HeadlessOptions {
  seed?: number | undefined;
  /** Another design than the scenario's (to see how it answers the same situation). */
  policy?: string | undefined;
  /** What the terminal shows, as it comes (LF line ends). */
  write(s: string): void;
}

const CTRL_C = '\x03';

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

export async function runHeadless(drill: Drill, answers: string, o: HeadlessOptions): Promise<DrillRun> {
  const booted = bootHost({ seed: o.seed, policy: o.policy, scenarioHost: scenarioBoot(drill) }, 'fast');
  const { host, clock } = booted;
  const run = new DrillRun(drill, host, booted.scenario);
  const session = login(booted);
  const out = (s: string) => o.write(s.replace(/\r\n/g, '\n'));
  const stopTty = session.onTtyOutput(out);
  let exited = false;
  const sh = new TerminalShell({ ...session.shell, cols: 100, write: out, onExit: () => void (exited = true) });
  // A command that waits for something nothing will ever do: the trainee would press Ctrl-C.
  clock.onStall(() => {
    out('^C  (pinsim: this command would wait forever; interrupted)\n');
    sh.input(CTRL_C);
  });
  try {
    sh.start();
    for (const line of answers.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n')) {
      if (run.status !== 'running' || exited) break;
      if (HINT_LINE.test(line)) {
        const h = run.hint();
        out(h ? `[hint ${run.snapshot().hints.revealed.length}, −${h.cost}] ${h.text}\n` : '[no hint left]\n');
        continue;
      }
      sh.input(`${line}\r`);
      await untilIdleOrOver(sh, run);
      await turn();
      run.check();
    }
    await runOn(run, host);
  } finally {
    sh.close();
    stopTty();
    session.logout();
    clock.dispose();
  }
  return run;
}

/** The line has run — or the drill ended while it ran (time limit), and it is abandoned. */
async function untilIdleOrOver(sh: TerminalShell, run: DrillRun): Promise<void> {
  let timer: ReturnType<typeof setInterval> | undefined;
  const over = new Promise<void>((resolve) => {
    timer = setInterval(() => {
      run.check();
      if (run.status !== 'running') resolve();
    }, 5);
  });
  try {
    await Promise.race([sh.idle(), over]);
  } finally {
    clearInterval(timer);
  }
}

/** After the last command: time goes on, timer by timer, until the drill ends or time is up. */
async function runOn(run: DrillRun, host: Host): Promise<void> {
  while (run.status === 'running') {
    const next = host.nextEventTime();
    const target = next === null || next > run.deadline ? run.deadline : next;
    host.advance(Math.max(0, target - host.now()));
    await turn();
    run.check();
  }
}
