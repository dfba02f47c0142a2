// timeout(1) from coreutils 9.1: runs COMMAND as its child and signals it (TERM by default) once
// DURATION of virtual time has passed; status 124 when it timed out.
import { NS_PER_SEC, signalNumber, strerror, type Signal } from '../../host';
import { signalByName } from '../process/signals';
import { defineTool, type ToolRun } from '../tool';
import { delay, parseDuration } from './timer';
import { Stopper } from '../../shell/stop';

const HELP = `Usage: timeout [OPTION] DURATION COMMAND [ARG]...
  or:  timeout [OPTION]
Start COMMAND, and kill it if still running after DURATION.

Mandatory arguments to long options are mandatory for short options too.
      --preserve-status
                 exit with the same status as COMMAND, even when the
                   command times out
  -k, --kill-after=DURATION
                 also send a KILL signal if COMMAND is still running
                   this long after the initial signal was sent
  -s, --signal=SIGNAL
                 specify the signal to be sent on timeout;
                   SIGNAL may be a name like 'HUP' or a number;
                   see 'kill -l' for a list of signals
  -v, --verbose  diagnose to stderr any signal sent upon timeout
      --help     display this help and exit

DURATION is a floating point number with an optional suffix:
's' for seconds (the default), 'm' for minutes, 'h' for hours or 'd' for days.
A duration of 0 disables the associated timeout.

Upon timeout, send the TERM signal to COMMAND, if no other SIGNAL specified.
The TERM signal kills any process that does not block or catch that signal.
It may be necessary to use the KILL signal, since this signal can't be caught.

Exit status:
  124  if COMMAND times out, and --preserve-status is not specified
  125  if the timeout command itself fails
  126  if COMMAND is found but cannot be invoked
  127  if COMMAND cannot be found
  137  if COMMAND (or timeout itself) is sent the KILL (9) signal (128+9)
  -    the exit status of COMMAND otherwise
`;

interface Opts {
  sig: Signal;
  killAfter: number;
  preserve: boolean;
  verbose: boolean;
  rest: readonly string[];
}

async function fail(t: ToolRun, msg: string): Promise<number> {
  await t.err(`timeout: ${msg}\nTry 'timeout --help' for more information.\n`);
  return 125;
}

function parse(args: readonly string[]): Opts | string {
  const o: Opts = { sig: 'SIGTERM', killAfter: 0, preserve: false, verbose: false, rest: [] };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    const long = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    const value = (): string | undefined => (long?.[2] !== undefined ? long[2] : a.length > 2 && !long ? a.slice(2) : args[++i]);
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const name = long ? long[1]! : a[1]!;
    if (name === 'preserve-status') o.preserve = true;
    else if (name === 'foreground') continue;
    else if (name === 'v' || name === 'verbose') o.verbose = true;
    else if (name === 's' || name === 'signal') {
      const v = value();
      if (v === undefined) return `option requires an argument -- 's'`;
      const sig = signalByName(v);
      if (!sig) return `‘${v}’: invalid signal`;
      o.sig = sig;
    } else if (name === 'k' || name === 'kill-after') {
      const v = value();
      if (v === undefined) return `option requires an argument -- 'k'`;
      const d = parseDuration(v);
      if (d === undefined) return `invalid time interval ‘${v}’`;
      o.killAfter = d;
    } else return long ? `unrecognized option '${a}'` : `invalid option -- '${a[1]}'`;
  }
  o.rest = args.slice(i);
  return o;
}

export const timeout = defineTool({
  name: 'timeout',
  summary: 'run a command with a time limit',
  help: HELP,
  async run(t) {
    const o = parse(t.args);
    if (typeof o === 'string') return fail(t, o);
    const [spec, ...argv] = o.rest;
    if (spec === undefined || argv.length === 0) return fail(t, spec === undefined ? 'missing operand' : `missing operand after ‘${spec}’`);
    const seconds = parseDuration(spec);
    if (seconds === undefined) return fail(t, `invalid time interval ‘${spec}’`);
    if (!t.env.hasCommand(argv[0]!)) {
      await t.err(`timeout: failed to run command ‘${argv[0]}’: ${strerror('ENOENT')}\n`);
      return 127;
    }
    let child = 0;
    let timedOut = false;
    const done = new Stopper();
    const send = async (sig: Signal) => {
      if (o.verbose) await t.err(`timeout: sending signal ${sig.slice(3)} to command ‘${argv[0]}’\n`);
      t.sys.kill(child, sig);
    };
    const run = t.env.runCommand({
      parent: t.pid, argv, cwd: t.cwd, vars: t.vars, stdin: t.stdin, signal: t.signal,
      stdout: { write: (d) => t.out(d) }, stderr: { write: (d) => t.err(d) },
      onStart: (pid) => (child = pid),
    });
    if (seconds > 0) {
      void delay(t, seconds * NS_PER_SEC, done.signal).then(async (elapsed) => {
        if (!elapsed) return;
        timedOut = true;
        await send(o.sig);
        if (o.killAfter > 0 && (await delay(t, o.killAfter * NS_PER_SEC, done.signal))) await send('SIGKILL');
      });
    }
    const status = await run;
    done.abort();
    if (!timedOut || o.preserve) return status;
    // Without --foreground timeout signals its whole process group, itself included: KILL kills it.
    return status === 128 + signalNumber('SIGKILL') ? status : 124;
  },
});
