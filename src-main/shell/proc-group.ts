// The processes of one job (bash's process group) as the kernel reports them: running, stopped
// or dead, and how bash lists them (jobs.c print_pipeline in its long format).

import { commandString } from './command-string';
import { signalText, SIGTSTP } from './signals';
import { Stopper } from './stop';
import type { ChildEvent, ForkOptions, ShellChild } from './types';

/** bash's LONGEST_SIGNAL_DESC: the width of the status column. */
export const STATUS_WIDTH = 24;

export interface JobProc {
  readonly pid: number;
  /** The command as typed (bash's spelling is made when printed), for `jobs -l` and notices. */
  readonly text: string;
  readonly child: ShellChild;
  state: 'running' | 'stopped' | 'done';
  /** The signal that stopped it (while stopped) or killed it (once done). */
  sig?: number;
  core?: boolean;
  /** The exit code, once it exited by itself. */
  code?: number;
}

/** The processes of one job: every child forked while it runs, as in one process group. */
export class ProcGroup {
  readonly procs: JobProc[] = [];
  /** The job was stopped and the shell went on: its commands no longer set the shell's $?. */
  detached = false;
  private aborter: Stopper | undefined;
  private stopWaiter: ((sig: number) => void) | undefined;
  /** Bumped on every change the shell may have to report. */
  changes = 0;

  /**
   * @param stages how many processes a listing shows: a pipeline's commands, else the first one
   *   (a list run in the background is one subshell to bash).
   */
  constructor(
    readonly fork: ForkOptions = {},
    readonly stages = 1,
  ) {}

  /** The processes bash lists for the job. */
  members(): JobProc[] {
    return this.procs.slice(0, Math.max(1, this.stages));
  }

  /** Aborts what the job still runs inside the shell (loops of builtins) with its processes. */
  get abort(): Stopper {
    return (this.aborter ??= new Stopper());
  }

  add(child: ShellChild, text: string): void {
    if (this.procs.some((p) => p.pid === child.pid)) return;
    const proc: JobProc = { pid: child.pid, text, child, state: 'running' };
    this.procs.push(proc);
    child.watch?.((e) => this.update(proc, e));
  }

  alive(): JobProc[] {
    return this.procs.filter((p) => p.state !== 'done');
  }

  /** bash: a job is stopped when none of its processes runs and one is stopped. */
  stopped(): boolean {
    return this.procs.some((p) => p.state === 'stopped') && !this.procs.some((p) => p.state === 'running');
  }

  stopSignal(): number {
    return this.procs.find((p) => p.state === 'stopped')?.sig ?? SIGTSTP;
  }

  /** Resolves with the stop signal once the job is stopped (Ctrl-Z, kill -STOP). */
  whenStopped(): Promise<number> {
    return new Promise((resolve) => {
      if (this.stopped()) resolve(this.stopSignal());
      else this.stopWaiter = resolve;
    });
  }

  /** The process whose death by a signal made the job's status (128 + n), if one did. */
  killedBy(status: number): JobProc | undefined {
    return [...this.procs].reverse().find((p) => p.state === 'done' && p.sig !== undefined && status === 128 + p.sig);
  }

  private update(proc: JobProc, e: ChildEvent): void {
    this.changes++;
    if (e.type === 'stop') {
      proc.state = 'stopped';
      proc.sig = e.sig;
      if (this.stopWaiter && this.stopped()) {
        const w = this.stopWaiter;
        this.stopWaiter = undefined;
        w(this.stopSignal());
      }
    } else if (e.type === 'cont') {
      proc.state = 'running';
      proc.sig = undefined;
    } else {
      proc.state = 'done';
      proc.sig = 'sig' in e ? e.sig : undefined;
      proc.core = 'sig' in e && e.core;
      proc.code = 'code' in e ? e.code : undefined;
    }
  }
}

/** A non-interactive shell's notice: ` 4242 Killed                  sleep 100` (bash's JLIST_NONINTERACTIVE). */
export function formatDeath(group: ProcGroup): string {
  return formatProcs(group.members(), false);
}

/** bash's print_pipeline() in its long format: a line per process, `| ` before the later ones. */
export function formatProcs(procs: readonly JobProc[], running: boolean): string {
  const first = procs[0];
  return procs
    .map((p, i) => {
      const text = procStatus(p, running);
      const status = i && text === procStatus(first!, running) ? '' : text;
      const pad = ' '.repeat(Math.max(0, STATUS_WIDTH - (status.length || 2)));
      const core = p.state === 'done' && p.sig !== undefined && p.core ? '(core dumped) ' : '';
      return `${i ? '     ' : ''}${String(p.pid).padStart(5)} ${status}${pad}${core}${i ? '| ' : ''}${commandString(p.text)}\n`;
    })
    .join('');
}

function procStatus(p: JobProc, running: boolean): string {
  if (running) return 'Running';
  if (p.state === 'stopped') return signalText(p.sig ?? SIGTSTP);
  if (p.sig !== undefined) return signalText(p.sig);
  return p.code ? `Exit ${p.code}` : 'Done';
}
