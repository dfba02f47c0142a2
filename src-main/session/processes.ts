// The shell's processes on the host: the login shell itself (its ShellHost) and the child each
// external command runs as (fork before redirections, exec, exit, reap by the shell).
import { shellStatus, type Host } from '../host';
import type { ShellChild, ShellHost } from '../shell/types';
import type { CommandRequest } from '../tools/tool';
import type { CommandSet } from '../tools/registry';
import type { ClockDriver } from './clock';
import { kernelFs } from './kernel-fs';

const NS_PER_MS = 1_000_000;

/** One event subscription per host, however many children wait: pid → what to do at its exit. */
const exitWatchers = new WeakMap<Host, Map<number, () => void>>();

function onExit(host: Host, pid: number, cb: () => void): void {
  let watch = exitWatchers.get(host);
  if (!watch) {
    const map = new Map<number, () => void>();
    host.onEvent((e) => {
      if (e.kind !== 'process.exit') return;
      const done = map.get(e.pid);
      if (done) {
        map.delete(e.pid);
        done();
      }
    });
    exitWatchers.set(host, (watch = map));
  }
  const p = host.kernel.proc(pid);
  if (!p || !p.alive) cb();
  else watch.set(pid, cb);
}

/** The reason a child's `died` signal carries: a constant, so no DOMException is built per exit. */
const EXITED = Object.freeze({ name: 'ProcessExited' });

/** wait4 by the shell: the zombie goes and its status becomes $?. */
function reap(host: Host, shellPid: number, pid: number, fallback: number): number {
  const r = host.sys(shellPid).wait4(pid, { nohang: true });
  return r.ok && r.value ? shellStatus(r.value.status) : fallback;
}

export function forkChild(host: Host, clock: ClockDriver, shellPid: number): ShellChild {
  const forked = host.sys(shellPid).fork();
  if (!forked.ok) throw new Error(`fork: ${forked.errno}`);
  const pid = forked.value;
  const died = new AbortController();
  const exit = new Promise<void>((resolve) =>
    onExit(host, pid, () => {
      died.abort(EXITED);
      resolve();
    }),
  );
  const alive = () => host.kernel.proc(pid)?.alive === true;
  return {
    pid,
    fs: kernelFs(host, pid, clock, { placeFds: true }),
    died: died.signal,
    exec(argv, cwd) {
      const sys = host.sys(pid);
      sys.chdir(cwd);
      sys.execve(argv[0] ?? '', [...argv]);
    },
    exited: () => clock.track(exit).then(() => reap(host, shellPid, pid, 0)),
    interrupt() {
      if (alive()) host.sys(shellPid).kill(pid, 'SIGINT');
    },
    async finish(status) {
      if (alive()) host.sys(pid).exit(status);
      return reap(host, shellPid, pid, status);
    },
  };
}

export function shellHost(host: Host, clock: ClockDriver, pid: number): ShellHost {
  const prng = host.kernel.prng;
  return {
    now: () => Math.floor(host.now() / NS_PER_MS),
    randomSeed: () => prng.below(0x7fffffff),
    pid,
    ppid: host.kernel.proc(pid)?.ppid ?? 1,
    fork: () => forkChild(host, clock, pid),
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
