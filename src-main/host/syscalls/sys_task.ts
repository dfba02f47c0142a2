// Process calls: fork, execve, exit, kill, wait4, sigaction, getpid/getppid.
import type { Kernel } from '../kernel';
import type { Process, Disposition } from '../task/process';
import { fail, ok, OK_VOID, type Blocking, type SysResult } from '../sim/result';
import { isUncatchable, type Signal } from '../abi/signals';
import { execProcess, forkProcess } from '../task/spawn';
import { doExit, waitChild } from '../task/exit';
import { mayKill, sendSignal } from '../task/signal';

export function sysFork(k: Kernel, task: Process): SysResult<number> {
  return ok(forkProcess(k, task).pid);
}

/** execve(): the image is named by `path` (the simulator keeps no binaries; comm = basename). */
export function sysExecve(k: Kernel, task: Process, path: string, argv: string[]): SysResult<void> {
  if (path === '') return fail('ENOENT');
  // The new image runs (a fork of a sleeping shell inherits its S and wchan until then); a
  // program that idles sets its own state when it starts.
  task.state = 'R';
  task.wchan = '';
  execProcess(k, task, [path, ...argv.slice(1)]);
  k.startProgram(task);
  return OK_VOID;
}

export function sysExit(k: Kernel, task: Process, code: number): void {
  doExit(k, task, { code: code & 0xff });
}

/** kill(2): pid > 0 one process; sig 0 checks existence and permission only. */
export function sysKill(k: Kernel, task: Process, pid: number, sig: Signal | 0): SysResult<void> {
  const target = k.proc(pid);
  if (!target || target.state === 'Z') return target ? (mayKill(task, target) ? OK_VOID : fail('EPERM')) : fail('ESRCH');
  if (!mayKill(task, target)) return fail('EPERM');
  if (sig !== 0) sendSignal(k, task.pid, target, sig);
  return OK_VOID;
}

export function sysWait4(k: Kernel, task: Process, pid: number, nohang: boolean): Blocking<{ pid: number; status: number } | null> {
  return waitChild(k, task, pid, nohang);
}

export function sysSigaction(_k: Kernel, task: Process, sig: Signal, disp: Disposition): SysResult<void> {
  if (isUncatchable(sig)) return fail('EINVAL');
  if (disp === 'default') task.sigactions.delete(sig);
  else task.sigactions.set(sig, disp);
  return OK_VOID;
}
