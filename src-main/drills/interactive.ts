// `pinsim drill run NAME` at a terminal: the scenario's host in real time and the trainee's own
// terminal, as `pinsim shell` gives it; objectives are announced as they tick. The drill ends when
// every objective is met, when time is up, or when the trainee leaves the shell (giving up).
import { bootHost } from '../session/boot';
import { openTerminal } from '../session/terminal';
import type { Drill } from './drill';
import { DrillRun } from './run';
import { scenarioBoot } from './setup';

/** A comment line the trainee types to reveal the next hint (the shell ignores it). */
export const HINT_LINE = /^\s*#\s*pinsim:\s*hint\s*$/;

export async function playInteractive(drill: Drill, o: { seed?: number | undefined; policy?: string | undefined }): Promise<DrillRun> {
  const stdin = process.stdin;
  const stdout = process.stdout;
  const booted = bootHost({ seed: o.seed, policy: o.policy, scenarioHost: scenarioBoot(drill) }, 'realtime');
  const run = new DrillRun(drill, booted.host, booted.scenario);
  const say = (text: string) => stdout.write(`\r\n\x1b[1m[drill]\x1b[0m ${text}\r\n`);
  stdout.write(`Type '# pinsim: hint' for a hint; exit the shell to give up.\r\n`);
  return new Promise<DrillRun>((resolve) => {
    let done = false;
    const terminal = openTerminal(
      booted,
      { cols: stdout.columns || 80, rows: stdout.rows || 24 },
      { output: (data) => stdout.write(data), exit: () => finish() },
      {
        onRun: (line) => {
          if (!HINT_LINE.test(line)) return undefined;
          const h = run.hint();
          say(h ? `hint (−${h.cost}): ${h.text}` : 'no hint left');
          return undefined;
        },
      },
    );
    const timer = setInterval(() => run.check(), 250);
    const stop = run.onMilestone((m) => {
      if (m.kind === 'objective.met' || m.kind === 'objective.lost' || m.kind === 'penalty') say(m.text);
      if (m.kind === 'drill.end')
        setImmediate(() => {
          terminal.close();
          finish();
        });
    });
    const onResize = () => terminal.resize(stdout.columns || 80, stdout.rows || 24);
    function finish(): void {
      if (done) return;
      done = true;
      run.giveUp();
      stop();
      clearInterval(timer);
      stdin.setRawMode?.(false);
      stdin.pause();
      stdout.off('resize', onResize);
      booted.clock.dispose();
      resolve(run);
    }
    stdout.on('resize', onResize);
    stdin.setRawMode?.(true);
    stdin.setEncoding('utf8');
    stdin.on('data', (data: string) => terminal.input(data));
    stdin.on('end', () => terminal.input('\x04'));
    terminal.start();
  });
}
