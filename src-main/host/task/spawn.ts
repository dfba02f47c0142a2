// Process creation: spawn (a new process under a parent), fork (copy fds, mappings, dispositions),
// execve (new image: comm, argv, close-on-exec), and program timers that sleep with the task.
import type { Kernel } from '../kernel';
import { Process } from './process';
import type { Inode } from '../vfs/inode';
import { closeFd, installFd } from '../fd/lifecycle';
import { forkMm, exitMm } from '../mm/mmap';
import { assert } from '../sim/assert';

export interface SpawnSpec {
  ppid: number;
  uid: number;
  gid: number;
  argv: string[];
  comm?: string;
  cwd: Inode;
  tty: number | null;
  /** wchan while the program idles (e.g. `do_nanosleep`, `do_wait`, `ep_poll`). */
  idleWchan?: string;
}

export function basename(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

export function spawnProcess(k: Kernel, spec: SpawnSpec): Process {
  const pid = k.nextPid++;
  const comm = spec.comm ?? basename(spec.argv[0] ?? 'init');
  const task = new Process(pid, spec.ppid, spec.uid, spec.gid, comm, spec.argv, spec.cwd, k.clock.now(), spec.tty, spec.idleWchan ?? 'do_nanosleep');
  k.procs.set(pid, task);
  k.proc(spec.ppid)?.children.add(pid);
  k.emit('process.spawn', { pid, ppid: spec.ppid, uid: spec.uid, comm: task.comm, argv: spec.argv });
  return task;
}

/**
 * fork(): the child shares every open file (an RDMA context included, so its pins now live until
 * the *last* holder closes it) and copies the address space. Program handlers are closures of the
 * parent's program, so the child starts with them reset to default; ignored signals stay ignored.
 */
export function forkProcess(k: Kernel, parent: Process): Process {
  const pid = k.nextPid++;
  const child = new Process(pid, parent.pid, parent.uid, parent.gid, parent.comm, [...parent.argv], parent.cwd, k.clock.now(), parent.tty, parent.wchan);
  child.state = parent.state === 'T' ? 'S' : parent.state;
  child.umask = parent.umask;
  k.procs.set(pid, child);
  parent.children.add(pid);
  k.emit('process.fork', { pid: parent.pid, child: pid });
  for (const [fd, slot] of parent.fds.entries()) installFd(child, fd, slot.file, slot.cloexec);
  forkMm(parent, child);
  for (const [sig, disp] of parent.sigactions) if (disp === 'ignore') child.sigactions.set(sig, 'ignore');
  return child;
}

/** execve(): a new image. Close-on-exec fds close, the mm is replaced, handlers reset. */
export function execProcess(k: Kernel, task: Process, argv: string[]): void {
  assert(task.alive, `exec of dead pid ${task.pid}`);
  for (const [fd, slot] of task.fds.entries()) if (slot.cloexec) closeFd(k, task, fd);
  exitMm(k, task);
  for (const t of task.timers) k.sched.cancel(t);
  task.timers.clear();
  task.frozen.length = 0;
  for (const [sig, disp] of [...task.sigactions]) if (typeof disp === 'function') task.sigactions.delete(sig);
  task.hooks = {};
  task.comm = basename(argv[0] ?? task.comm).slice(0, 15);
  task.argv = argv;
  k.emit('process.exec', { pid: task.pid, comm: task.comm, argv });
}

/**
 * Runs `fn` after `delayNs` of virtual time on behalf of `task`. If the task is stopped or asleep
 * in a syscall when it comes due, it runs once the task is runnable again; a dead task never runs it.
 */
export function processTimer(k: Kernel, task: Process, delayNs: number, fn: () => void): void {
  const id = k.sched.after(delayNs, () => {
    task.timers.delete(id);
    if (!task.alive) return;
    if (task.state === 'T' || task.wait) task.frozen.push(fn);
    else fn();
  });
  task.timers.add(id);
}

/** The task can run again: callbacks held while it was stopped or asleep run now. */
export function thaw(k: Kernel, task: Process): void {
  if (task.frozen.length === 0 || task.state === 'T' || task.wait) return;
  for (const fn of task.frozen.splice(0)) processTimer(k, task, 0, fn);
}
