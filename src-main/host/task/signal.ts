// Signal delivery (kernel/signal.c): default actions apply at once; program handlers run on the
// scheduler right after (the task "returns to user space"), and a caught signal first makes an
// interruptible sleep return EINTR. pid 1 ignores every signal it has no handler for, SIGKILL too.
import type { Kernel } from '../kernel';
import type { Process } from './process';
import { defaultAction, isUncatchable, type Signal } from '../abi/signals';
import { doExit } from './exit';
import { thaw } from './spawn';

export function sendSignal(k: Kernel, from: number, task: Process, sig: Signal): void {
  if (!task.alive) return;
  if (sig === 'SIGCONT') resume(k, from, task);
  if (task.state === 'T' && sig !== 'SIGKILL' && sig !== 'SIGCONT') {
    task.pendingSignals.push(sig);
    k.emit('signal', { pid: task.pid, from, sig, action: 'pending' });
    return;
  }
  deliver(k, from, task, sig);
}

function deliver(k: Kernel, from: number, task: Process, sig: Signal): void {
  const disp = isUncatchable(sig) ? 'default' : task.disposition(sig);
  if (disp === 'ignore' || (disp === 'default' && task.pid === 1)) {
    k.emit('signal', { pid: task.pid, from, sig, action: 'ignore' });
    return;
  }
  if (typeof disp === 'function') {
    k.emit('signal', { pid: task.pid, from, sig, action: 'handler' });
    if (task.wait) k.waits.interrupt(task.wait, false);
    k.sched.after(0, () => {
      if (task.alive) disp(sig);
    });
    return;
  }
  const action = defaultAction(sig);
  switch (action) {
    case 'ign':
      k.emit('signal', { pid: task.pid, from, sig, action: 'ignore' });
      return;
    case 'cont':
      if (sig === 'SIGCONT') return; // resume() already emitted it
      return;
    case 'stop':
      k.emit('signal', { pid: task.pid, from, sig, action: 'stop' });
      task.stateBeforeStop = task.state;
      task.state = 'T';
      k.emit('process.stop', { pid: task.pid, sig });
      return;
    case 'term':
    case 'core':
      k.emit('signal', { pid: task.pid, from, sig, action: action === 'core' ? 'core' : 'terminate' });
      if (task.wait) k.waits.interrupt(task.wait, true);
      doExit(k, task, { sig, core: action === 'core' });
      return;
  }
}

/** SIGCONT: a stopped task runs again, then gets the signals held while it was stopped. */
function resume(k: Kernel, from: number, task: Process): void {
  const disp = task.disposition('SIGCONT');
  if (task.state !== 'T') {
    if (typeof disp !== 'function') k.emit('signal', { pid: task.pid, from, sig: 'SIGCONT', action: 'ignore' });
    return;
  }
  k.emit('signal', { pid: task.pid, from, sig: 'SIGCONT', action: 'continue' });
  task.state = task.wait ? 'S' : task.stateBeforeStop;
  k.emit('process.cont', { pid: task.pid });
  for (const held of task.pendingSignals.splice(0)) {
    if (!task.alive) break;
    deliver(k, from, task, held);
  }
  if (task.alive) thaw(k, task);
}

/** kill(2) permission: root, or the same real/effective uid (check_kill_permission). */
export function mayKill(sender: Process, target: Process): boolean {
  return sender.uid === 0 || sender.uid === target.uid;
}
