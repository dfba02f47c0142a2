// createHost(): boots the simulated machine (filesystems, pid 1, the policy in force) and exposes
// the surface the shell and the console use: syscalls per pid, processes, time, events, the VFS.
import { Kernel } from './kernel';
import type { Disposable, EventListener, HostEvent } from './events';
import { fail, ok, OK_VOID, type SysResult } from './sim/result';
import { setupFilesystems, type HostSetup } from './vfs/setup';
import { makeSuper, addInode } from './vfs/namespace';
import { DEFAULT_POLICY, findPolicy, policyNames } from './policy/registry';
import { switchPolicy } from './policy/switch';
import { remoteAccess } from './rdma/odp';
import { syscallsFor, type Syscalls } from './syscalls';
import { spawnProcess, execProcess, forkProcess } from './task/spawn';
import { lookup } from './vfs/namei';
import { findProgram, PROGRAMS } from './programs/registry';
import { makeContext } from './programs/program';
import { installFd, newFile } from './fd/lifecycle';
import { O_RDWR } from './abi/fcntl';
import { makeVfsApi, type VfsApi } from './vfs-api';
import type { ProcState } from './events';
import type { Process } from './task/process';

export interface HostOptions {
  /** PRNG seed (lkeys, rkeys). Default 1. */
  seed?: number;
  /** Policy name (kernel.md §4). Default `rfc-v2`. */
  policy?: string;
  setup?: HostSetup;
  /** Keep at most this many events in memory (listeners still see all). Default unbounded. */
  eventLogLimit?: number;
  /** Wall-clock time at boot in ns since the epoch. Default 2019-08-19 09:24:09 UTC. */
  epochNs?: number;
}

export interface SpawnOptions {
  /** argv; argv[0] names the program (`rdma-app`, `logrotate-job`, `sleep`, …). */
  argv: string[];
  uid?: number;
  /** Parent pid. Default 1. */
  ppid?: number;
  cwd?: string;
}

export interface ProcessInfo {
  pid: number;
  ppid: number;
  uid: number;
  user: string;
  comm: string;
  argv: string[];
  state: ProcState;
  wchan: string;
  /** Virtual ns at start. */
  startTime: number;
  tty: number | null;
}

export interface Host {
  readonly seed: number;
  readonly hostname: string;
  readonly release: string;
  readonly policyName: string;
  /** Virtual time in ns since boot. */
  now(): number;
  /** Wall-clock ns since the epoch (boot epoch + virtual time). */
  wallNs(): number;
  onEvent(listener: EventListener): Disposable;
  events(): readonly HostEvent[];
  /** The syscall surface of one process. */
  sys(pid: number): Syscalls;
  /** Starts a registered program as a new process (forked from `ppid`, default pid 1). */
  spawn(opts: SpawnOptions): SysResult<number>;
  /** A login shell on a new /dev/pts/N: comm `bash`, fds 0–2 on the terminal, cwd the user's home. */
  spawnShell(opts?: { uid?: number }): { pid: number; tty: number };
  /** fork() of `parentPid` then execve(argv): a command run by a shell. Runs the program if registered. */
  spawnChild(parentPid: number, argv: string[]): SysResult<number>;
  processes(): ProcessInfo[];
  setPolicy(name: string): SysResult<void>;
  /** A peer's RDMA READ/WRITE of bytes [offset, offset+length) of MR `mrn`: ODP pages fault back in, or EFAULT. */
  remoteAccess(mrn: number, offset: number, length: number): SysResult<number>;
  policies(): string[];
  programs(): Array<{ name: string; summary: string; usage: string }>;
  /** Moves virtual time forward by `ns`, running every timer due on the way. */
  advance(ns: number): void;
  /** Runs timers until none are left (or `maxTimers` ran); returns how many ran. */
  runUntilIdle(opts?: { maxTimers?: number }): number;
  /** When the next timer is due, or null. */
  nextEventTime(): number | null;
  readonly vfs: VfsApi;
  /** Output written to /dev/pts/N. */
  onTtyOutput(tty: number, listener: (data: string) => void): Disposable;
  /** The kernel itself, for invariant checks and tests. Read it; do not change it. */
  readonly kernel: Kernel;
}

/** 2019-08-19 09:24:09 UTC: Dave Chinner's reply #9. */
const DEFAULT_EPOCH_NS = 1566206649 * 1e9;

export function createHost(opts: HostOptions = {}): Host {
  const seed = opts.seed ?? 1;
  const policy = findPolicy(opts.policy ?? DEFAULT_POLICY);
  if (!policy) throw new Error(`unknown policy ${opts.policy}; known: ${policyNames().join(', ')}`);
  const k = new Kernel({ seed, epochNs: opts.epochNs ?? DEFAULT_EPOCH_NS, eventLogLimit: opts.eventLogLimit ?? Infinity });
  k.policy = policy;
  const setup = opts.setup ?? {};
  if (setup.odp !== undefined) k.rdma.odp = setup.odp;
  if (setup.leaseBreakTime !== undefined) k.sysctl.set('fs.lease-break-time', String(setup.leaseBreakTime));
  k.emit('host.boot', { hostname: k.hostname, release: k.release, policy: policy.name, seed });
  setupFilesystems(k, setup);
  k.sockfs = makeSuper(k, { fstype: 'sockfs', major: 0, minor: 8, source: 'sockfs', options: 'rw', rootIno: 1, firstIno: 400000 });
  k.startProgram = (task) => {
    const def = findProgram(task.argv[0] ?? task.comm);
    if (def) def.main(makeContext(k, task));
  };
  const init = spawnProcess(k, { ppid: 0, uid: 0, gid: 0, argv: ['/sbin/init'], comm: 'init', cwd: k.root, tty: null, idleWchan: 'ep_poll' });
  k.startProgram(init);
  stdio(k, init, '/dev/null');

  const host: Host = {
    seed,
    hostname: k.hostname,
    release: k.release,
    get policyName() {
      return k.policy.name;
    },
    now: () => k.clock.now(),
    wallNs: () => k.clock.wallNs(),
    onEvent: (l) => k.bus.on(l),
    events: () => k.bus.events(),
    sys: (pid) => syscallsFor(k, pid),
    spawn: (o) => {
      const parent = k.proc(o.ppid ?? 1);
      if (!parent || !parent.alive) return fail('ESRCH');
      if (!findProgram(o.argv[0] ?? '')) return fail('ENOENT');
      const uid = o.uid ?? parent.uid;
      const child = forkProcess(k, parent);
      // init resets signal dispositions before it execs a service.
      child.sigactions.clear();
      child.uid = uid;
      child.gid = k.user(uid)?.gid ?? uid;
      if (o.cwd) {
        const c = lookup(k, child, o.cwd);
        if (c.ok && c.value.type === 'dir') child.cwd = c.value;
      }
      execProcess(k, child, o.argv);
      k.startProgram(child);
      return ok(child.pid);
    },
    spawnShell: (o) => spawnShell(k, o?.uid ?? 0),
    spawnChild: (ppid, argv) => {
      const parent = k.proc(ppid);
      if (!parent || !parent.alive) return fail('ESRCH');
      const child = forkProcess(k, parent);
      // bash restores the dispositions it inherited before exec (its own ignores do not leak).
      child.sigactions.clear();
      child.state = 'R';
      child.wchan = '';
      execProcess(k, child, argv);
      k.startProgram(child);
      return ok(child.pid);
    },
    processes: () => [...k.procs.values()].sort((a, b) => a.pid - b.pid).map((p) => info(k, p)),
    setPolicy: (name) => {
      const p = findPolicy(name);
      if (!p) return fail('EINVAL');
      switchPolicy(k, p);
      return OK_VOID;
    },
    remoteAccess: (mrn, offset, length) => remoteAccess(k, mrn, offset, length),
    policies: () => policyNames(),
    programs: () => PROGRAMS.map((p) => ({ name: p.name, summary: p.summary, usage: p.usage })),
    advance: (ns) => void k.sched.advanceTo(k.clock.now() + Math.max(0, ns)),
    runUntilIdle: (o) => k.sched.runUntilIdle(o?.maxTimers ?? 1_000_000),
    nextEventTime: () => k.sched.nextTime(),
    vfs: makeVfsApi(k),
    onTtyOutput: (tty, l) => {
      let set = k.ttyListeners.get(tty);
      if (!set) k.ttyListeners.set(tty, (set = new Set()));
      set.add(l);
      return { dispose: () => void set.delete(l) };
    },
    kernel: k,
  };
  return host;
}

function info(k: Kernel, p: Process): ProcessInfo {
  return { pid: p.pid, ppid: p.ppid, uid: p.uid, user: k.user(p.uid)?.name ?? String(p.uid), comm: p.comm, argv: [...p.argv], state: p.state, wchan: p.wchan, startTime: p.startTime, tty: p.tty };
}

/** Opens fds 0, 1, 2 on `path`. */
function stdio(k: Kernel, task: Process, path: string): void {
  const r = lookup(k, task, path);
  if (!r.ok) return;
  const file = newFile(k, r.value, O_RDWR);
  for (const fd of [0, 1, 2]) installFd(task, fd, file, false);
}

function spawnShell(k: Kernel, uid: number): { pid: number; tty: number } {
  const user = k.user(uid) ?? k.users[0]!;
  const tty = k.nextId('tty');
  const pts = lookup(k, k.proc(1)!, '/dev/pts');
  if (pts.ok) addInode(k, pts.value, String(tty), 'chr', 0o620, user.uid, 5, { kind: 'tty', major: 136, minor: tty });
  const home = lookup(k, k.proc(1)!, user.home);
  const task = spawnProcess(k, { ppid: 1, uid: user.uid, gid: user.gid, argv: ['-bash'], comm: 'bash', cwd: home.ok ? home.value : k.root, tty, idleWchan: 'wait_woken' });
  for (const fd of [0, 1, 2]) task.fds.clear(fd);
  stdio(k, task, `/dev/pts/${tty}`);
  const def = findProgram('bash')!;
  def.main(makeContext(k, task));
  return { pid: task.pid, tty };
}
