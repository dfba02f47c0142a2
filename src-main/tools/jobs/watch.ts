// watch(1) from procps-ng 4.0.2: runs a command every N seconds of virtual time and redraws the
// screen with its output under a header, until interrupted (Ctrl-C) or, with -g, until it changes.
import { NS_PER_SEC } from '../../host';
import { ctime, hostTime } from '../process/clock';
import { runShellCommand } from '../text/run';
import { defineTool, type ToolRun } from '../tool';
import { delay } from './timer';

const HELP = `
Usage:
 watch [options] command

Options:
  -g, --chgexit          exit when output from command changes
  -n, --interval <secs>  seconds to wait between updates
  -t, --no-title         turn off header
  -x, --exec             pass command to exec instead of "sh -c"

 -h, --help     display this help and exit
`;

const CLEAR = '\x1b[H\x1b[2J';

function header(t: ToolRun, interval: number, cmd: string): string {
  const left = `Every ${interval.toFixed(1)}s: ${cmd}`;
  const right = `${t.host.hostname}: ${ctime(hostTime(t.host.wallNs()))}`;
  const width = Number(t.vars.COLUMNS) || 80;
  return left + ' '.repeat(Math.max(1, width - left.length - right.length)) + right + '\n\n';
}

export const watch = defineTool({
  name: 'watch',
  summary: 'execute a program periodically, showing output fullscreen',
  help: HELP,
  async run(t) {
    const args = [...t.args];
    let interval = 2;
    let title = true;
    let chgexit = false;
    while (args[0]?.startsWith('-') && args[0] !== '-') {
      const a = args.shift()!;
      if (a === '-n' || a === '--interval') interval = Number(args.shift());
      else if (a.startsWith('-n')) interval = Number(a.slice(2));
      else if (a.startsWith('--interval=')) interval = Number(a.slice(11));
      else if (a === '-t' || a === '--no-title') title = false;
      else if (a === '-g' || a === '--chgexit') chgexit = true;
      else if (a === '-x' || a === '--exec' || a === '-d' || a === '--differences') continue;
      else if (a === '--') break;
      else {
        await t.err(`watch: invalid option -- '${a.replace(/^-+/, '')[0] ?? ''}'\n${HELP}`);
        return 1;
      }
    }
    if (!Number.isFinite(interval)) {
      await t.err('watch: failed to parse argument\n');
      return 1;
    }
    interval = Math.max(0.1, interval);
    if (args.length === 0) {
      await t.err(HELP);
      return 1;
    }
    const cmd = args.join(' ');
    let last: string | undefined;
    while (!t.signal.aborted) {
      let output = '';
      await runShellCommand(t, cmd, '', async (d) => void (output += d));
      if (chgexit && last !== undefined && output !== last) return 0;
      last = output;
      await t.out(CLEAR + (title ? header(t, interval, cmd) : '') + output);
      if (!(await delay(t, interval * NS_PER_SEC, t.signal))) break;
    }
    return 0;
  },
});
