// Timeline state: every kernel event and console action in virtual-time order, filters, and the
// unwind of the last kill replayed step by step at a pace the clock's speed sets.
import type { TimelineEntry } from '../../../src-main/protocol/views';

export const MAX_ENTRIES = 20_000;
/** The steps of an unwind worth watching (console.md: fd closed → MR deregistered → pages unpinned → lease released). */
const UNWIND_KINDS = new Set(['console.signal', 'signal', 'process.exit', 'fd.close', 'rdma.context.release', 'rdma.dereg', 'pin.release', 'lease.zombie', 'lease.release', 'file.release', 'process.reap']);
export const FAMILIES = ['all', 'process', 'signal', 'fd', 'file', 'lease', 'rdma', 'pin', 'layout', 'mm', 'console'] as const;
export type Family = (typeof FAMILIES)[number];

export class TimelineStore {
  entries = $state.raw<TimelineEntry[]>([]);
  family = $state<Family>('all');
  pid = $state('');
  path = $state('');
  search = $state('');
  /** The console action being replayed, and how many of its steps are shown so far. */
  unwind = $state<{ action: number; pid: number | null } | null>(null);
  revealed = $state(0);
  private lastStep = 0;

  readonly filtered: TimelineEntry[] = $derived.by(() => {
    const fam = this.family;
    const pid = this.pid.trim() === '' ? null : Number(this.pid);
    const path = this.path.trim();
    const q = this.search.trim().toLowerCase();
    if (fam === 'all' && pid === null && !path && !q) return this.entries;
    return this.entries.filter(
      (e) =>
        (fam === 'all' || e.kind === fam || e.kind.startsWith(`${fam}.`)) &&
        (pid === null || e.pid === pid) &&
        (!path || (e.path ?? '').includes(path)) &&
        (!q || e.text.toLowerCase().includes(q) || e.kind.includes(q)),
    );
  });

  readonly steps: TimelineEntry[] = $derived.by(() => {
    const u = this.unwind;
    return u ? this.entries.filter((e) => e.action === u.action && UNWIND_KINDS.has(e.kind) && !isStdio(e)) : [];
  });

  append(batch: readonly TimelineEntry[], reset: boolean): void {
    const next = reset ? [...batch] : this.entries.concat(batch);
    this.entries = next.length > MAX_ENTRIES ? next.slice(next.length - MAX_ENTRIES) : next;
  }

  /** A kill or terminate from the console: replay its unwind from the first step. */
  watch(action: number, pid: number | null): void {
    this.unwind = { action, pid };
    this.revealed = 0;
    this.lastStep = 0;
  }

  /** Reveals the next step when its time has come; `speed` 0 (paused) holds the replay. */
  advance(realMs: number, speed: number): void {
    if (!this.unwind || this.revealed >= this.steps.length || speed === 0) {
      this.lastStep = realMs;
      return;
    }
    if (realMs - this.lastStep >= stepMs(speed)) {
      this.revealed++;
      this.lastStep = realMs;
    }
  }
}

/** 1×: 400 ms a step, 10×: 126 ms, 100×: 40 ms. */
export function stepMs(speed: number): number {
  return 400 / Math.sqrt(Math.max(1, speed));
}

/** The terminal and /dev/null closing is not what holds a truncate back: left out of the replay. */
function isStdio(e: TimelineEntry): boolean {
  return (e.kind === 'fd.close' || e.kind === 'file.release') && /^\/dev\/(pts\/|null$)/.test(e.path ?? '');
}
