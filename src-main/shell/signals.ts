// Signal names and numbers as bash knows them (x86-64 Linux, glibc's real-time range 34–64), for
// `kill`, `trap` and job notices; the texts a job dies with are the host's strsignal().

import { signalFromNumber, strsignal } from '../host';

/** bash's NSIG: numbers 0–64 are signals (0 is EXIT for `trap`, the existence check for `kill`). */
export const NSIG = 65;
export const SIGINT = 2;
export const SIGQUIT = 3;
export const SIGKILL = 9;
export const SIGPIPE = 13;
export const SIGTERM = 15;
export const SIGCONT = 18;
export const SIGSTOP = 19;
export const SIGTSTP = 20;
export const SIGHUP = 1;

const CLASSIC = [
  'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM',
  'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS',
];
const RTMIN = 34;
const RTMAX = 64;

/** `SIGKILL` for 9, `SIGRTMIN+3` for 37, `EXIT` for 0; undefined for 32 and 33 (glibc keeps them). */
export function signalName(n: number): string | undefined {
  if (n === 0) return 'EXIT';
  if (n >= 1 && n <= CLASSIC.length) return 'SIG' + CLASSIC[n - 1];
  if (n < RTMIN || n > RTMAX) return undefined;
  if (n === RTMIN) return 'SIGRTMIN';
  if (n === RTMAX) return 'SIGRTMAX';
  const mid = RTMIN + (RTMAX - RTMIN) / 2;
  return n <= mid ? `SIGRTMIN+${n - RTMIN}` : `SIGRTMAX-${RTMAX - n}`;
}

/** bash's decode_signal() with DSIG_NOCASE|DSIG_SIGPREFIX: `9`, `KILL`, `sigkill`, `RTMIN+2`… */
export function decodeSignal(spec: string): number | undefined {
  if (/^[0-9]+$/.test(spec)) {
    const n = Number(spec);
    return n < NSIG ? n : undefined;
  }
  const up = spec.toUpperCase();
  const rt = /^(?:SIG)?RT(MIN|MAX)([+-])([0-9]+)$/.exec(up);
  if (rt) {
    const k = Number(rt[3]);
    if ((rt[1] === 'MIN') !== (rt[2] === '+') || k > RTMAX - RTMIN) return undefined;
    return rt[1] === 'MIN' ? RTMIN + k : RTMAX - k;
  }
  const bare = up.startsWith('SIG') ? up.slice(3) : up;
  if (bare === 'EXIT' && !up.startsWith('SIG')) return 0;
  if (bare === 'RTMIN') return RTMIN;
  if (bare === 'RTMAX') return RTMAX;
  const i = CLASSIC.indexOf(bare);
  return i < 0 ? undefined : i + 1;
}

/** `kill -l`: five to a line, TAB after each but the fifth, as bash's display_signal_list(). */
export function signalTable(): string {
  let out = '';
  let column = 0;
  for (let n = 1; n < NSIG; n++) {
    const name = signalName(n);
    if (!name) continue;
    out += `${String(n).padStart(2)}) ${name}`;
    if (++column < 5) out += '\t';
    else {
      out += '\n';
      column = 0;
    }
  }
  return column ? out + '\n' : out;
}

/** What bash prints for a job that died of or stopped on `n`: glibc's strsignal(). */
export function signalText(n: number): string {
  const sig = signalFromNumber(n);
  if (sig) return strsignal(sig);
  if (n >= RTMIN && n <= RTMAX) return `Real-time signal ${n - RTMIN}`;
  return `Unknown signal ${n}`;
}
