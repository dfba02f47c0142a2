// do_exit(): tear down in Linux's order — address space, then files in ascending fd order (each
// close may release an RDMA context, its MRs, their pins, and a zombie lease) — then reparent the
// children to pid 1 and leave a zombie for the parent to reap.
import type { Kernel } from '../kernel';
import type { Process } from './process';
import { exitedStatus, signaledStatus, type Signal } from '../abi/signals';
import { exitMm } from '../mm/mmap';
import { closeFd } from '../fd/lifecycle';
import { ok, fail, type Blocking } from '../sim/result';

export type ExitHow = { code: number } | { sig: Signal; core: boolean };

export function childKey(pid: number): string {
  return `child:${pid}`;
}

export function doExit(k: Kernel, task: Process, how: ExitHow): void {
  if (task.exiting || task.state === 'Z') return;
  task.exiting = true;
  const status = 'code' in how ? exitedStatus(how.code) : signaledStatus(how.sig, how.core);
  k.emit('process.exit', 'code' in how ? { pid: task.pid, code: how.code } : { pid: task.pid, sig: how.sig, core: how.core });
  if (task.wait) k.waits.interrupt(task.wait, true);
  for (const t of task.timers) k.sched.cancel(t);
  task.timers.clear();
  exitMm(k, task);
  for (const [fd] of task.fds.entries()) closeFd(k, task, fd);
  task.hooks.onExit?.();
  task.hooks = {};
  reparentChildren(k, task);
  task.state = 'Z';
  task.wchan = '';
  task.exitStatus = status;
  k.emit('process.zombie', { pid: task.pid, status });
  notifyParent(k, task);
}

/** Orphans go to pid 1, which reaps the ones already dead. */
function reparentChildren(k: Kernel, task: Process): void {
  const init = k.proc(1);
  for (const pid of [...task.children].sort((a, b) => a - b)) {
    const child = k.proc(pid);
    task.children.delete(pid);
    if (!child || !init || init === task) continue;
    child.ppid = 1;
    init.children.add(pid);
    k.emit('process.reparent', { pid, from: task.pid, to: 1 });
    if (child.state === 'Z') reap(k, init, child);
  }
}

/** pid 1 and parents ignoring SIGCHLD reap at once (SA_NOCLDWAIT semantics); others get SIGCHLD. */
function notifyParent(k: Kernel, task: Process): void {
  const parent = k.proc(task.ppid);
  if (!parent) {
    reap(k, null, task);
    return;
  }
  if (parent.pid === 1 || parent.disposition('SIGCHLD') === 'ignore') {
    reap(k, parent, task);
    return;
  }
  const handler = parent.disposition('SIGCHLD');
  if (typeof handler === 'function') {
    k.emit('signal', { pid: parent.pid, from: task.pid, sig: 'SIGCHLD', action: 'handler' });
    k.sched.after(0, () => {
      if (parent.alive) handler('SIGCHLD');
    });
  }
  k.waits.wake(childKey(parent.pid));
}

export function reap(k: Kernel, parent: Process | null, child: Process): void {
  k.procs.delete(child.pid);
  parent?.children.delete(child.pid);
  for (const [ino, inode] of k.procInodes) if (inode.proc && procPid(inode.path()) === child.pid) k.procInodes.delete(ino);
  k.emit('process.reap', { pid: child.pid, by: parent?.pid ?? 0, status: child.exitStatus ?? 0 });
}

function procPid(path: string): number {
  const m = /^\/proc\/(\d+)/.exec(path);
  return m ? Number(m[1]) : -1;
}

/** wait4(): a zombie child (any, or `pid`), sleeping in do_wait until one exists unless WNOHANG. */
export function waitChild(k: Kernel, task: Process, pid: number, nohang: boolean): Blocking<{ pid: number; status: number } | null> {
  return k.waits.run(task, 'wait4', () => {
    const kids = [...task.children].filter((c) => pid === -1 || c === pid).map((c) => k.proc(c)!);
    if (kids.length === 0) return { done: fail('ECHILD') };
    const dead = kids.filter((c) => c.state === 'Z').sort((a, b) => a.pid - b.pid)[0];
    if (dead) {
      const status = dead.exitStatus ?? 0;
      reap(k, task, dead);
      return { done: ok({ pid: dead.pid, status }) };
    }
    if (nohang) return { done: ok(null) };
    return { block: { key: childKey(task.pid), wchan: 'do_wait', stack: ['do_wait+0x1cb/0x230', 'kernel_wait4+0xa6/0x140', '__do_sys_wait4+0x83/0x90', 'do_syscall_64+0x5b/0x1d0', 'entry_SYSCALL_64_after_hwframe+0x44/0xa9'] } };
  });
}
