// Timeline state: every kernel event and console action in virtual-time order, merged with the
// session's own entries (commands, annotations, milestones); filters, the selected row, and the
// unwind of the last kill replayed step by step at a pace the clock's speed sets.
/* eslint-disable svelte/prefer-svelte-reactivity -- a private index rebuilt wholesale, published as raw arrays */
import type { TimelineEntry } from '../../../src-main/protocol/views';
import type { RecordEntry } from '../../../src-main/protocol/record';

export const MAX_ENTRIES = 20_000;
/** The steps of an unwind worth watching (console.md: fd closed → MR deregistered → pages unpinned → lease released). */
const UNWIND_KINDS = new Set(['console.signal', 'signal', 'process.exit', 'fd.close', 'rdma.context.release', 'rdma.dereg', 'pin.release', 'lease.zombie', 'lease.release', 'file.release', 'process.reap']);
export const FAMILIES = ['all', 'process', 'signal', 'fd', 'file', 'lease', 'rdma', 'pin', 'layout', 'mm', 'console', 'shell', 'note', 'milestone'] as const;
export type Family = (typeof FAMILIES)[number];

/** One line of the panel: a kernel event or console action from the hub, or a session entry. */
export interface TimelineRow {
  key: string;
  /** The hub's entry number, or the session entry's id. */
  id: number | string;
  /** What an annotation or a milestone made here is anchored to (`k<seq>` or `r<n>`). */
  ref: string | null;
  t: number;
  kind: string;
  pid: number | null;
  path: string | null;
  text: string;
  action: number | null;
  note: RecordEntry | null;
}

const FAMILY_OF: Record<string, Family> = { shell: 'shell', annotation: 'note', milestone: 'milestone', console: 'console' };

export class TimelineStore {
  entries = $state.raw<TimelineEntry[]>([]);
  notes = $state.raw<RecordEntry[]>([]);
  family = $state<Family>('all');
  pid = $state('');
  path = $state('');
  search = $state('');
  /** The row the admin picked: annotations and marks attach to it. */
  selected = $state<TimelineRow | null>(null);
  /** The console action being replayed, and how many of its steps are shown so far. */
  unwind = $state<{ action: number; pid: number | null } | null>(null);
  revealed = $state(0);
  private lastStep = 0;

  readonly rows: TimelineRow[] = $derived.by(() => merge(this.entries, this.notes));

  readonly filtered: TimelineRow[] = $derived.by(() => {
    const fam = this.family;
    const pid = this.pid.trim() === '' ? null : Number(this.pid);
    const path = this.path.trim();
    const q = this.search.trim().toLowerCase();
    if (fam === 'all' && pid === null && !path && !q) return this.rows;
    return this.rows.filter(
      (r) =>
        (fam === 'all' || familyOf(r) === fam) &&
        (pid === null || r.pid === pid) &&
        (!path || (r.path ?? '').includes(path)) &&
        (!q || r.text.toLowerCase().includes(q) || r.kind.includes(q) || (r.note?.detail ?? '').toLowerCase().includes(q)),
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

  /** Session entries by id: new ones added, changed ones (a command that ended, an edit) replaced. */
  upsertNotes(batch: readonly RecordEntry[], reset: boolean): void {
    const byId = new Map((reset ? [] : this.notes).map((n) => [n.id, n]));
    for (const n of batch) byId.set(n.id, n);
    this.notes = [...byId.values()].sort((a, b) => a.after - b.after || num(a.id) - num(b.id));
    const sel = this.selected;
    if (sel?.note) this.selected = this.rows.find((r) => r.key === sel.key) ?? sel;
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

const num = (id: string): number => Number(id.slice(1));

export function familyOf(r: TimelineRow): Family {
  if (r.note) return FAMILY_OF[r.note.source] ?? 'all';
  const head = r.kind.split('.')[0] ?? '';
  return (FAMILIES as readonly string[]).includes(head) ? (head as Family) : r.kind.startsWith('inode') ? 'file' : 'all';
}

/**
 * Kernel events in seq order with each session entry placed after the event it follows; console
 * actions (no seq) stay where the hub put them.
 */
export function merge(entries: readonly TimelineEntry[], notes: readonly RecordEntry[]): TimelineRow[] {
  const out: TimelineRow[] = [];
  let i = 0;
  let ref: string | null = null;
  const flushUpTo = (seq: number) => {
    while (i < notes.length && notes[i]!.after < seq) out.push(noteRow(notes[i++]!));
  };
  for (const e of entries) {
    if (e.seq !== null) {
      flushUpTo(e.seq);
      ref = `k${e.seq}`;
    }
    out.push({ key: `e${e.id}`, id: e.id, ref, t: e.t, kind: e.kind, pid: e.pid, path: e.path, text: e.text, action: e.action, note: null });
  }
  flushUpTo(Infinity);
  return out;
}

function noteRow(n: RecordEntry): TimelineRow {
  return { key: n.id, id: n.id, ref: n.id, t: n.t, kind: n.kind, pid: n.pid, path: n.path, text: n.text, action: null, note: n };
}

/** 1×: 400 ms a step, 10×: 126 ms, 100×: 40 ms. */
export function stepMs(speed: number): number {
  return 400 / Math.sqrt(Math.max(1, speed));
}

/** The terminal and /dev/null closing is not what holds a truncate back: left out of the replay. */
function isStdio(e: TimelineEntry): boolean {
  return (e.kind === 'fd.close' || e.kind === 'file.release') && /^\/dev\/(pts\/|null$)/.test(e.path ?? '');
}
