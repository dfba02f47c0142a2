// Linux x86-64 signal numbers, names, default actions (signal(7)) and strsignal() texts (glibc).

export type DefaultAction = 'term' | 'core' | 'stop' | 'cont' | 'ign';

const TABLE = {
  SIGHUP: [1, 'term', 'Hangup'],
  SIGINT: [2, 'term', 'Interrupt'],
  SIGQUIT: [3, 'core', 'Quit'],
  SIGILL: [4, 'core', 'Illegal instruction'],
  SIGTRAP: [5, 'core', 'Trace/breakpoint trap'],
  SIGABRT: [6, 'core', 'Aborted'],
  SIGBUS: [7, 'core', 'Bus error'],
  SIGFPE: [8, 'core', 'Floating point exception'],
  SIGKILL: [9, 'term', 'Killed'],
  SIGUSR1: [10, 'term', 'User defined signal 1'],
  SIGSEGV: [11, 'core', 'Segmentation fault'],
  SIGUSR2: [12, 'term', 'User defined signal 2'],
  SIGPIPE: [13, 'term', 'Broken pipe'],
  SIGALRM: [14, 'term', 'Alarm clock'],
  SIGTERM: [15, 'term', 'Terminated'],
  SIGSTKFLT: [16, 'term', 'Stack fault'],
  SIGCHLD: [17, 'ign', 'Child exited'],
  SIGCONT: [18, 'cont', 'Continued'],
  SIGSTOP: [19, 'stop', 'Stopped (signal)'],
  SIGTSTP: [20, 'stop', 'Stopped'],
  SIGTTIN: [21, 'stop', 'Stopped (tty input)'],
  SIGTTOU: [22, 'stop', 'Stopped (tty output)'],
  SIGURG: [23, 'ign', 'Urgent I/O condition'],
  SIGXCPU: [24, 'core', 'CPU time limit exceeded'],
  SIGXFSZ: [25, 'core', 'File size limit exceeded'],
  SIGVTALRM: [26, 'term', 'Virtual timer expired'],
  SIGPROF: [27, 'term', 'Profiling timer expired'],
  SIGWINCH: [28, 'ign', 'Window changed'],
  SIGIO: [29, 'term', 'I/O possible'],
  SIGPWR: [30, 'term', 'Power failure'],
  SIGSYS: [31, 'core', 'Bad system call'],
} as const satisfies Record<string, readonly [number, DefaultAction, string]>;

/** A signal name such as 'SIGTERM'. Real-time signals are not modelled. */
export type Signal = keyof typeof TABLE;

export const SIGNALS: readonly Signal[] = Object.keys(TABLE) as Signal[];

function row(sig: Signal): readonly [number, DefaultAction, string] {
  const r = (TABLE as Record<string, readonly [number, DefaultAction, string] | undefined>)[sig];
  if (!r) throw new Error(`unknown signal ${String(sig)}`);
  return r;
}

export function signalNumber(sig: Signal): number {
  return row(sig)[0];
}

export function defaultAction(sig: Signal): DefaultAction {
  return row(sig)[1];
}

/** glibc strsignal(), the text bash prints when a job dies of the signal ("I/O possible"). */
export function strsignal(sig: Signal): string {
  return row(sig)[2];
}

export function signalFromNumber(n: number): Signal | undefined {
  return SIGNALS.find((s) => TABLE[s][0] === n);
}

/** Accepts 'TERM', 'SIGTERM', 'sigterm' or '15', as kill(1) does. */
export function parseSignal(spec: string): Signal | undefined {
  if (/^\d+$/.test(spec)) return signalFromNumber(Number(spec));
  const up = spec.toUpperCase();
  const name = up.startsWith('SIG') ? up : `SIG${up}`;
  return SIGNALS.find((s) => s === name);
}

/** SIGKILL and SIGSTOP can be neither caught nor ignored (except by pid 1, see task/signal.ts). */
export function isUncatchable(sig: Signal): boolean {
  return sig === 'SIGKILL' || sig === 'SIGSTOP';
}

/** A wait(2) status word: exit code in bits 8–15, or the terminating signal with 0x80 for core. */
export type WaitStatus = number;

export function exitedStatus(code: number): WaitStatus {
  return (code & 0xff) << 8;
}

export function signaledStatus(sig: Signal, core: boolean): WaitStatus {
  return signalNumber(sig) | (core ? 0x80 : 0);
}

export function WIFEXITED(s: WaitStatus): boolean {
  return (s & 0x7f) === 0;
}
export function WEXITSTATUS(s: WaitStatus): number {
  return (s >> 8) & 0xff;
}
export function WIFSIGNALED(s: WaitStatus): boolean {
  return (s & 0x7f) !== 0 && (s & 0x7f) !== 0x7f;
}
export function WTERMSIG(s: WaitStatus): number {
  return s & 0x7f;
}
/** The $? a shell reports: the exit code, or 128 + signal number. */
export function shellStatus(s: WaitStatus): number {
  return WIFEXITED(s) ? WEXITSTATUS(s) : 128 + WTERMSIG(s);
}
