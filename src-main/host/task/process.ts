// A process (task with one thread): identity, state, fd table, address space, signal handling.
import type { Signal } from '../abi/signals';
import type { ProcState } from '../events';
import type { TimerId } from '../sim/scheduler';
import { FdTable } from '../fd/table';
import { AddressSpace } from '../mm/vma';
import type { Inode } from '../vfs/inode';
import type { FilePin } from '../rdma/uverbs';
import type { WaitEntry } from './wait';

/** A program-defined signal handler; runs on the scheduler after delivery. */
export type SignalHandler = (sig: Signal) => void;
export type Disposition = 'default' | 'ignore' | SignalHandler;

/** Hooks a simulated program installs on its process. */
export interface ProcessHooks {
  /** Called when the process exits (to drop program state; never to veto). */
  onExit?(): void;
}

export class Process {
  state: ProcState = 'S';
  /** Kernel function the task sleeps in, as /proc/<pid>/wchan shows it ('' when running). */
  wchan: string;
  comm: string;
  argv: string[];
  fds = new FdTable();
  mm = new AddressSpace();
  /** mm-owned file pins (the cover letter's bare-path entries). */
  readonly mmPins: FilePin[] = [];
  readonly sigactions = new Map<Signal, Disposition>();
  /** Signals held while stopped (delivered on SIGCONT), in arrival order. */
  readonly pendingSignals: Signal[] = [];
  readonly children = new Set<number>();
  readonly timers = new Set<TimerId>();
  /** The syscall this process sleeps in, if any. */
  wait: WaitEntry | null = null;
  exitStatus: number | null = null;
  /** Program callbacks that came due while the task was stopped or asleep in a syscall. */
  readonly frozen: Array<() => void> = [];
  /** State to return to on SIGCONT. */
  stateBeforeStop: ProcState = 'S';
  exiting = false;
  hooks: ProcessHooks = {};
  umask = 0o022;

  constructor(
    readonly pid: number,
    public ppid: number,
    public uid: number,
    public gid: number,
    comm: string,
    argv: string[],
    public cwd: Inode,
    readonly startTime: number,
    /** Controlling terminal number (/dev/pts/N), or null for daemons. */
    public tty: number | null,
    idleWchan: string,
  ) {
    this.comm = comm.slice(0, 15);
    this.argv = argv;
    this.wchan = idleWchan;
  }

  disposition(sig: Signal): Disposition {
    return this.sigactions.get(sig) ?? 'default';
  }

  get alive(): boolean {
    return this.state !== 'Z' && !this.exiting;
  }
}
