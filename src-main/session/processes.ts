// The shell's processes on the host: the login shell itself (its ShellHost) and the child each
// external command runs as (fork before redirections, exec, exit, reap by the shell).
import { shellStatus, signalFromNumber, signalNumber, type Errno, type Host, type HostEvent } from '../host';
import type { ChildEvent, ForkOptions, ShellChild, ShellHost } from '../shell/types';
import type { CommandRequest } from '../tools/tool';
import type { CommandSet } from '../tools/registry';
import type { ClockDriver } from './clock';
import { kernelFs } from './kernel-fs';
import type { ShellFs } from '../shell/fs';
import { Stopper } from '../shell/stop';

const NS_PER_MS = 1_000_000;

interface Watch {
  /** The shell's waitpid(WUNTRACED|WCONTINUED) view: stops, continues, the exit. */
  listener?: (e: ChildEvent) => void;
  exited(): void;
}

/** One event subscription per host, however many children wait: pid → what to tell at its changes. */
const watchers = new WeakMap<Host, Map<number, Watch>>();

function dispatch(map: Map<number, Watch>, e: HostEvent): void {
  if (e.kind !== 'process.exit' && e.kind !== 'process.stop' && e.kind !== 'process.cont') return;
  const w = map.get(e.pid);
  if (!w) return;
  if (e.kind === 'process.stop') return w.listener?.({ type: 'stop', sig: signalNumber(e.sig) });
  if (e.kind === 'process.cont') return w.listener?.({ type: 'cont' });
  map.delete(e.pid);
  w.listener?.(e.sig ? { type: 'exit', sig: signalNumber(e.sig), core: e.core === true } : { type: 'exit', code: e.code ?? 0 });
  w.exited();
}

function watch(host: Host, pid: number, w: Watch): void {
  let map = watchers.get(host);
  if (!map) {
    const m = new Map<number, Watch>();
    host.onEvent((e) => dispatch(m, e));
    watchers.set(host, (map = m));
  }
  const p = host.kernel.proc(pid);
  if (!p || !p.alive) w.exited();
  else map.set(pid, w);
}


/** wait4 by the shell: the zombie goes and its status becomes $?. */
function reap(host: Host, shellPid: number, pid: number, fallback: number): number {
  const r = host.sys(shellPid).wait4(pid, { nohang: true });
  return r.ok && r.value ? shellStatus(r.value.status) : fallback;
}

/**
 * The directory path a shell's kernel cwd is known to be. A child inherits the shell's cwd, as on
 * Linux; it needs its own chdir only where the shell's idea of its cwd differs from the kernel's
 * (inside a subshell that ran `cd`), which saves a path walk per command.
 */
const knownCwd = new WeakMap<object, { path: string; dir: object }>();

function inheritsCwd(host: Host, shellPid: number, cwd: string): boolean {
  const shell = host.kernel.proc(shellPid);
  const known = shell && knownCwd.get(shell);
  return known !== undefined && known.path === cwd && known.dir === shell!.cwd;
}

function rememberCwd(host: Host, shellPid: number, childPid: number, cwd: string): void {
  const shell = host.kernel.proc(shellPid);
  const child = host.kernel.proc(childPid);
  if (shell && child && child.cwd === shell.cwd) knownCwd.set(shell, { path: cwd, dir: shell.cwd });
}

export function forkChild(host: Host, clock: ClockDriver, shellPid: number, opts: ForkOptions = {}): ShellChild {
  const forked = host.sys(shellPid).fork();
  if (!forked.ok) throw new Error(`fork: ${forked.errno}`);
  const pid = forked.value;
  const sys = host.sys(pid);
  // bash gives a command back the dispositions it ignores itself (SIGTERM, SIGQUIT at a prompt);
  // without job control, a background command ignores the terminal's SIGINT and SIGQUIT.
  const task = host.kernel.proc(pid);
  if (task?.disposition('SIGTERM') === 'ignore') sys.sigaction('SIGTERM', 'default');
  if (task?.disposition('SIGQUIT') === 'ignore' && !opts.ignoreInterrupt) sys.sigaction('SIGQUIT', 'default');
  if (opts.ignoreInterrupt) {
    sys.sigaction('SIGINT', 'ignore');
    sys.sigaction('SIGQUIT', 'ignore');
  }
  const died = new Stopper();
  // A command that returns on its own needs no abort: firing one costs an event dispatch per command.
  let finishing = false;
  const w: Watch = { exited: () => undefined };
  const exit = new Promise<void>((resolve) => {
    w.exited = () => {
      if (!finishing) died.abort();
      resolve();
    };
  });
  watch(host, pid, w);
  const alive = () => host.kernel.proc(pid)?.alive === true;
  let fs: ShellFs | undefined;
  return {
    pid,
    // Built on first use: most commands have no redirection and never touch it.
    get fs() {
      return (fs ??= kernelFs(host, pid, clock, { placeFds: true }));
    },
    died: died.signal,
    exec(argv, cwd) {
      if (!inheritsCwd(host, shellPid, cwd)) {
        sys.chdir(cwd);
        rememberCwd(host, shellPid, pid, cwd);
      }
      sys.execve(argv[0] ?? '', [...argv]);
    },
    // A script's clock jumps ahead while the shell waits for a command, not for a background job.
    exited: () => (opts.async ? exit : clock.track(exit)).then(() => reap(host, shellPid, pid, 0)),
    interrupt() {
      if (alive()) host.sys(shellPid).kill(pid, 'SIGINT');
    },
    watch(listener) {
      w.listener = listener;
    },
    async finish(status) {
      finishing = true;
      if (alive()) sys.exit(status);
      return reap(host, shellPid, pid, status);
    },
  };
}

/** kill(2) from `pid`, with bash's signal numbers; real-time signals are not in the model. */
export function killAs(host: Host, pid: number, target: number, sig: number): Errno | undefined {
  const name = sig === 0 ? 0 : signalFromNumber(sig);
  if (name === undefined) return 'EINVAL';
  const r = host.sys(pid).kill(target, name);
  return r.ok ? undefined : r.errno;
}

export function shellHost(host: Host, clock: ClockDriver, pid: number): ShellHost {
  const prng = host.kernel.prng;
  const sys = host.sys(pid);
  let died: number | undefined;
  watch(host, pid, {
    listener: (e) => {
      if (e.type === 'exit') died = 'sig' in e ? 128 + e.sig : e.code;
    },
    exited: () => (died ??= 0),
  });
  return {
    now: () => Math.floor(host.now() / NS_PER_MS),
    randomSeed: () => prng.below(0x7fffffff),
    pid,
    ppid: host.kernel.proc(pid)?.ppid ?? 1,
    uid: host.kernel.proc(pid)?.uid ?? 0,
    fork: (opts) => forkChild(host, clock, pid, opts),
    kill: (target, sig) => killAs(host, pid, target, sig),
    track: (p) => clock.track(p),
    chdir(path, probe) {
      const before = probe ? sys.getcwd() : undefined;
      const r = sys.chdir(path);
      if (r.ok && before?.ok) sys.chdir(before.value);
      return r.ok ? undefined : r.errno;
    },
    died: () => died,
    trap(sig, action) {
      const name = signalFromNumber(sig);
      // The kernel runs a caught signal's handler later; the shell hears of it at delivery (onSignal).
      if (name) sys.sigaction(name, action === 'catch' ? () => undefined : action);
    },
    onSignal(listener) {
      host.onEvent((e) => {
        if (e.kind === 'signal' && e.pid === pid && e.action === 'handler') listener(signalNumber(e.sig));
      });
    },
  };
}

/** A command started by another command (xargs, timeout, sudo): fork, exec, run, exit, reap. */
export async function runCommand(host: Host, clock: ClockDriver, commands: CommandSet, req: CommandRequest): Promise<number> {
  const name = req.argv[0] ?? '';
  const command = commands.resolve(name);
  if (!command) return 127;
  const child = forkChild(host, clock, req.parent);
  const task = host.kernel.proc(child.pid);
  if (req.uid !== undefined && task) {
    // A setuid exec (sudo, su): the kernel model has no setuid(2), so the credentials change here.
    task.uid = req.uid;
    task.gid = host.kernel.user(req.uid)?.gid ?? req.uid;
  }
  child.exec(req.argv, req.cwd);
  req.onStart?.(child.pid);
  // The child stops when it dies; an abort of the caller reaches it as SIGINT, as from a terminal.
  const signal = child.died;
  const onAbort = () => child.interrupt();
  req.signal.addEventListener('abort', onAbort);
  try {
    const status = await command({ argv: req.argv, env: req.vars, cwd: req.cwd, signal, fs: child.fs, stdin: req.stdin, stdout: req.stdout, stderr: req.stderr, process: child });
    return await child.finish(status);
  } finally {
    req.signal.removeEventListener('abort', onAbort);
  }
}
