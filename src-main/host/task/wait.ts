// Sleeping syscalls: a call that cannot complete now parks its task in state S (interruptible)
// with a wchan, keyed by what can wake it. Each wake re-runs the call's `attempt`, which either
// completes or parks again — the retry loop of ___wait_var_event / __break_lease.
import type { Kernel } from '../kernel';
import type { Process } from './process';
import type { Blocking, SysResult, Wait } from '../sim/result';
import type { ProcState } from '../events';
import type { TimerId } from '../sim/scheduler';
import { thaw } from './spawn';

export interface BlockSpec {
  /** Wait-queue key: what state change may let the call proceed (e.g. an inode's pins). */
  key: string;
  wchan: string;
  /** /proc/<pid>/stack lines, innermost first (without the `[<0>] ` prefix). */
  stack: readonly string[];
  /** Re-run the attempt at this virtual time even if nothing woke the key (lease-break-time). */
  deadline?: number;
  /** Undo side effects of sleeping (a BREAKER entry) when interrupted or killed. */
  onCancel?: () => void;
}

export type Attempt<T> = { done: SysResult<T> } | { block: BlockSpec };

export class WaitEntry<T = unknown> implements Wait<T> {
  settled = false;
  killed = false;
  spec: BlockSpec;
  timer: TimerId | null = null;
  private readonly callbacks: Array<(r: SysResult<T>) => void> = [];
  result: SysResult<T> | null = null;

  constructor(
    readonly id: number,
    readonly task: Process,
    readonly syscall: string,
    readonly since: number,
    spec: BlockSpec,
    readonly attempt: () => Attempt<T>,
    readonly restore: { state: ProcState; wchan: string },
  ) {
    this.spec = spec;
  }

  get pid(): number {
    return this.task.pid;
  }

  get wchan(): string {
    return this.spec.wchan;
  }

  onSettle(cb: (result: SysResult<T>) => void): void {
    if (this.result) cb(this.result);
    else this.callbacks.push(cb);
  }

  fire(r: SysResult<T>): void {
    this.result = r;
    for (const cb of this.callbacks.splice(0)) cb(r);
  }
}

export class WaitRegistry {
  private readonly byKey = new Map<string, Set<WaitEntry<never>>>();

  constructor(private readonly k: Kernel) {}

  /** Runs `attempt`; if it must sleep, parks `task` and returns the pending Wait. */
  run<T>(task: Process, syscall: string, attempt: () => Attempt<T>): Blocking<T> {
    const first = attempt();
    if ('done' in first) return first.done;
    // The attempt itself may have killed the caller (SIGIO from breaking its own lease).
    if (!task.alive) {
      first.block.onCancel?.();
      return { ok: false, errno: 'EINTR' };
    }
    const entry = new WaitEntry<T>(this.k.nextId('wait'), task, syscall, this.k.clock.now(), first.block, attempt, {
      state: task.state,
      wchan: task.wchan,
    });
    task.wait = entry as unknown as WaitEntry;
    task.state = 'S';
    this.park(entry);
    this.k.emit('process.block', { pid: task.pid, syscall, wchan: entry.wchan, wait: entry.id });
    return { ok: false, pending: entry };
  }

  /** Re-runs every call sleeping on `key`, oldest first. */
  wake(key: string): void {
    const set = this.byKey.get(key);
    if (!set) return;
    for (const e of [...set].sort((a, b) => a.id - b.id)) if (!e.settled) this.retry(e);
  }

  /** A caught signal interrupts the sleep (EINTR); a fatal one kills the sleeper (killed). */
  interrupt(entry: WaitEntry, killed: boolean): void {
    if (entry.settled) return;
    this.unpark(entry);
    entry.spec.onCancel?.();
    entry.killed = killed;
    this.settle(entry, { ok: false, errno: 'EINTR' });
  }

  sleepers(): WaitEntry[] {
    const out: WaitEntry[] = [];
    for (const set of this.byKey.values()) for (const e of set) out.push(e as unknown as WaitEntry);
    return out.sort((a, b) => a.id - b.id);
  }

  private retry<T>(e: WaitEntry<T>): void {
    this.unpark(e);
    const r = e.attempt();
    if ('done' in r) return this.settle(e, r.done);
    if (!e.task.alive) {
      r.block.onCancel?.();
      e.killed = true;
      return this.settle(e, { ok: false, errno: 'EINTR' });
    }
    const wchanChanged = r.block.wchan !== e.spec.wchan;
    e.spec = r.block;
    this.park(e);
    if (wchanChanged) e.task.wchan = e.spec.wchan;
  }

  private park<T>(e: WaitEntry<T>): void {
    let set = this.byKey.get(e.spec.key);
    if (!set) this.byKey.set(e.spec.key, (set = new Set()));
    set.add(e as unknown as WaitEntry<never>);
    e.task.wchan = e.spec.wchan;
    if (e.spec.deadline !== undefined) {
      const delay = Math.max(0, e.spec.deadline - this.k.clock.now());
      e.timer = this.k.sched.after(delay, () => {
        e.timer = null;
        if (!e.settled) this.retry(e);
      });
    }
  }

  private unpark<T>(e: WaitEntry<T>): void {
    const set = this.byKey.get(e.spec.key);
    set?.delete(e as unknown as WaitEntry<never>);
    if (set?.size === 0) this.byKey.delete(e.spec.key);
    if (e.timer !== null) {
      this.k.sched.cancel(e.timer);
      e.timer = null;
    }
  }

  private settle<T>(e: WaitEntry<T>, r: SysResult<T>): void {
    e.settled = true;
    const task = e.task;
    if (task.wait === (e as unknown as WaitEntry)) task.wait = null;
    if (!e.killed) {
      task.state = task.state === 'T' ? 'T' : e.restore.state;
      task.wchan = e.restore.wchan;
    }
    this.k.emit('process.wake', {
      pid: task.pid,
      syscall: e.syscall,
      wait: e.id,
      ...(r.ok ? {} : { errno: r.errno }),
      ...(e.killed ? { killed: true } : {}),
    });
    e.fire(r);
    if (!e.killed) thaw(this.k, task);
  }
}
