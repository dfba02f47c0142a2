// kill(1) from procps-ng 4.0.2 (/bin/kill): what `sudo kill`, xargs and timeout run; the shell
// has its own `kill` builtin. Errors read `kill: (PID): No such process`.
import { SIGNALS, signalNumber, strerror } from '../../host';
import { signalByName, signalNum } from '../process/signals';
import { defineTool, type ToolRun } from '../tool';

const HELP = `
Usage:
 kill [options] <pid> [...]

Options:
 <pid> [...]            send signal to every <pid> listed
 -<signal>, -s, --signal <signal>
                        specify the <signal> to be sent
 -l, --list=[<signal>]  list all signal names, or convert one to a name
 -L, --table            list all signal names in a nice table

 -h, --help     display this help and exit

For more details see kill(1).
`;

const names = (): string[] => SIGNALS.map((s) => s.slice(3));

/** unix_print_signals(): names separated by blanks, a new line once past column 73. */
function list(): string {
  let out = '';
  let pos = 0;
  names().forEach((n, i) => {
    if (i) {
      if (pos > 73) {
        out += '\n';
        pos = 0;
      } else {
        out += ' ';
        pos++;
      }
    }
    out += n;
    pos += n.length;
  });
  return out + '\n';
}

/** pretty_print_signals(): seven to a line, `%2d NAME` in eleven columns. */
function table(): string {
  let out = '';
  names().forEach((n, i) => {
    const cell = `${String(i + 1).padStart(2)} ${n}`;
    out += (i + 1) % 7 ? cell + ' '.repeat(Math.max(0, 11 - cell.length)) : cell + '\n';
  });
  return names().length % 7 ? out + '\n' : out;
}

async function usage(t: ToolRun): Promise<number> {
  await t.err(HELP);
  return 1;
}

export const kill = defineTool({
  name: 'kill',
  summary: 'send a signal to a process',
  help: HELP,
  async run(t) {
    const args = [...t.args];
    if (args.length === 0) return usage(t);
    let sig: number | undefined = signalNumber('SIGTERM');
    // skill_sig_option(): the first `-NAME` that names a signal is the signal.
    const k = args.findIndex((a) => a.startsWith('-') && a.length > 1 && signalByName(a.slice(1)) !== undefined && !/^-[lLsh]$/.test(a));
    if (k >= 0) sig = signalNum(signalByName(args.splice(k, 1)[0]!.slice(1))!);
    const pids: string[] = [];
    while (args.length) {
      const a = args.shift()!;
      if (a === '--') pids.push(...args.splice(0));
      else if (a === '-l' || a === '--list' || a.startsWith('--list=')) {
        const spec = a.startsWith('--list=') ? a.slice(7) : args[0]?.startsWith('-') ? undefined : args[0];
        if (spec === undefined) return (await t.out(list()), 0);
        const s = signalByName(spec);
        if (s === undefined || s === 0) await t.err(`kill: unknown signal name ${spec}\n`);
        else await t.out(/^\d+$/.test(spec) ? s.slice(3) + '\n' : `${signalNum(s)}\n`);
        return 0;
      } else if (a === '-L' || a === '--table') return (await t.out(table()), 0);
      else if (a === '-s' || a === '--signal') {
        const s = args.length ? signalByName(args.shift()!) : undefined;
        sig = s === undefined ? undefined : signalNum(s);
      } else if (a.startsWith('-') && !/^-\d+$/.test(a)) {
        await t.err(`kill: invalid argument ${a[1]}\n`);
        return usage(t);
      } else pids.push(a);
    }
    if (pids.length === 0) return usage(t);
    let status = 0;
    for (const p of pids) {
      if (!/^-?\d+$/.test(p)) {
        await t.err(`kill: failed to parse argument: '${p}'\n`);
        return 1;
      }
      const name = sig === undefined ? undefined : sig === 0 ? 0 : SIGNALS.find((s) => signalNumber(s) === sig);
      const r = name === undefined ? { ok: false as const, errno: 'EINVAL' as const } : t.sys.kill(Number(p), name);
      if (!r.ok) {
        await t.err(`kill: (${p}): ${strerror(r.errno)}\n`);
        status = 1;
      }
    }
    return status;
  },
});
