// Syscall results: a value, an errno, or — for calls that can sleep — a pending Wait that the
// scheduler or a signal completes later. Expected failures never throw.
import type { Errno } from '../abi/errno';

export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}
export interface Fail {
  readonly ok: false;
  readonly errno: Errno;
  readonly pending?: undefined;
}
/** The caller went to sleep (state S, a wchan); `pending` settles it later. */
export interface Pending<T> {
  readonly ok: false;
  readonly errno?: undefined;
  readonly pending: Wait<T>;
}

export type SysResult<T> = Ok<T> | Fail;
/** The result of a syscall that may block (truncate, open of a leased file, close under close-blocks…). */
export type Blocking<T> = SysResult<T> | Pending<T>;

/**
 * A sleeping syscall. It settles exactly once: with the syscall's own result when the condition
 * it waits for comes true (or its timeout passes), with EINTR when a caught signal interrupts it,
 * or with EINTR and `killed` set when the sleeper dies (a fatal signal, as Ctrl-C on a hung
 * truncate under legacy-hang).
 */
export interface Wait<T> {
  readonly id: number;
  readonly pid: number;
  /** What /proc/<pid>/wchan shows, e.g. `__break_lease` or `xfs_break_dax_layouts`. */
  readonly wchan: string;
  /** Virtual ns at which the caller went to sleep. */
  readonly since: number;
  readonly settled: boolean;
  readonly killed: boolean;
  /** Registers a callback for the final result; called at once if already settled. */
  onSettle(cb: (result: SysResult<T>) => void): void;
}

export const OK_VOID: Ok<void> = Object.freeze({ ok: true, value: undefined });

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function fail(errno: Errno): Fail {
  return { ok: false, errno };
}

export function isPending<T>(r: Blocking<T>): r is Pending<T> {
  return !r.ok && r.pending !== undefined;
}
