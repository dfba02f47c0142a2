// The session's one event stream. Kernel events stay in the host's own log (no second copy of a
// million events): the recorder keeps their wall times as sparse marks and its own entries —
// commands, console actions, milestones, annotations — anchored after the kernel event they follow.
import type { Host, HostEvent } from '../../host';
import { timelineEntry } from '../views/timeline';
import { MilestoneTracker, type Derived } from './milestones';
import { MILESTONES, type MilestoneName, type Milestones, type RecordEvent, type Source } from './stream';

/** An entry the session adds; `after` is the seq of the kernel event it follows (0: before all). */
export interface Item extends RecordEvent {
  after: number;
  n: number;
}

export type ItemListener = (items: readonly Item[]) => void;

export class Recorder {
  readonly milestones: MilestoneTracker;
  private readonly items: Item[] = [];
  private readonly byId = new Map<string, Item>();
  private readonly markSeq: number[] = [];
  private readonly markWall: number[] = [];
  private readonly listeners = new Set<ItemListener>();
  private readonly sub: { dispose(): void };
  private n = 0;

  constructor(
    readonly host: Host,
    readonly wall: () => number,
  ) {
    this.milestones = new MilestoneTracker(host, (d) => this.derived(d));
    for (const e of host.events()) this.kernel(e);
    this.sub = host.onEvent((e) => this.kernel(e));
  }

  dispose(): void {
    this.sub.dispose();
  }

  onItems(listener: ItemListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A command line starts in terminal `term`; the function returned ends it with output and status. */
  command(term: string, pid: number, line: string): (output: string, status: number) => void {
    const label = shortTerm(term);
    const item = this.add('shell', 'shell.command', `${label}$ ${line}`, { pid, term, data: { line, output: '', status: null, end: null } });
    const first = /^\s*why\s+(?:-\S+\s+)*(\S+)/.exec(line);
    return (output, status) => {
      item.text = `${label}$ ${line} → exit ${status}`;
      item.data = { line, output, status, end: this.host.now() };
      this.changed([item]);
      if (first?.[1]) this.milestones.asked(first[1]);
    };
  }

  /** A console action (kill from the Processes panel, a clock or policy change, a retry). */
  action(kind: string, text: string, pid: number | null = null, path: string | null = null, data: Record<string, unknown> = {}): Item {
    return this.add('console', kind, text, { pid, path, data });
  }

  /** The outcome of an action that finishes later (a kill's reply). */
  settle(item: Item, ok: boolean, message: string): void {
    item.data = { ...item.data, ok, result: message };
    this.changed([item]);
  }

  /** The Why panel asked about a file. */
  asked(path: string): void {
    this.milestones.asked(path);
  }

  annotate(text: string, at: string | null): Item {
    return this.add('annotation', 'annotation', text, { ...this.anchor(at), data: { written: this.wall(), edited: null } });
  }

  /** Returns false when `id` is not an annotation. */
  edit(id: string, text: string): boolean {
    const item = this.byId.get(id);
    if (!item || item.source !== 'annotation') return false;
    item.text = text;
    item.data = { ...item.data, edited: this.wall() };
    this.changed([item]);
    return true;
  }

  mark(name: MilestoneName, at: string | null): Item {
    return this.add('milestone', `milestone.${name}`, `${name} (marked)`, { ...this.anchor(at), data: { name, derived: false, written: this.wall() } });
  }

  /** The effective milestones: the last marked one of each name, else the derived one. */
  effective(): Milestones {
    const out: Milestones = {};
    for (const item of this.items) {
      if (item.source !== 'milestone') continue;
      const name = item.data.name as MilestoneName;
      const derived = item.data.derived === true;
      if (derived && out[name] && !out[name].derived) continue;
      out[name] = { name, t: item.t, wall: item.wall, event: item.id, derived };
    }
    return Object.fromEntries(MILESTONES.filter((m) => out[m]).map((m) => [m, out[m]])) as Milestones;
  }

  /** The session's own entries, in stream order. */
  entries(): readonly Item[] {
    return this.items;
  }

  get(id: string): Item | undefined {
    return this.byId.get(id);
  }

  /** Every entry in stream order: kernel events by seq, each session entry after its anchor. */
  events(): RecordEvent[] {
    const out: RecordEvent[] = [];
    const items = [...this.items].sort((a, b) => a.after - b.after || a.n - b.n);
    let i = 0;
    for (const e of this.host.events()) {
      while (i < items.length && items[i]!.after < e.seq) out.push(strip(items[i++]!));
      out.push(this.kernelEvent(e));
    }
    while (i < items.length) out.push(strip(items[i++]!));
    return out;
  }

  kernelEvent(e: HostEvent): RecordEvent {
    const { seq, t, kind, ...data } = e;
    const row = timelineEntry(0, e, null);
    return { id: `k${seq}`, t, wall: this.wallOf(seq), source: 'kernel', kind, text: row.text, pid: row.pid, path: row.path, term: null, seq, data };
  }

  private kernel(e: HostEvent): void {
    const w = this.wall();
    const last = this.markWall.length - 1;
    if (last < 0 || w !== this.markWall[last]) {
      this.markSeq.push(e.seq);
      this.markWall.push(w);
    }
    this.milestones.observe(e);
  }

  private derived(d: Derived): void {
    const at = d.event ? { t: d.event.t, after: d.event.seq } : undefined;
    this.add('milestone', `milestone.${d.name}`, d.text, { ...at, path: (d.data.path as string | undefined) ?? null, data: { name: d.name, derived: true, ...d.data } });
  }

  /** A note or mark about an earlier event takes that event's place in time, wall time included. */
  private anchor(at: string | null): { t?: number; after?: number; wall?: number } {
    if (at === null) return {};
    const item = this.byId.get(at);
    if (item) return { t: item.t, after: item.after, wall: item.wall };
    const seq = /^k(\d+)$/.exec(at) ? Number(at.slice(1)) : NaN;
    const e = findSeq(this.host.events(), seq);
    return e ? { t: e.t, after: e.seq, wall: this.wallOf(e.seq) } : {};
  }

  private add(source: Source, kind: string, text: string, o: { t?: number; after?: number; wall?: number; pid?: number | null; path?: string | null; term?: string; data: Record<string, unknown> }): Item {
    const n = ++this.n;
    const item: Item = {
      id: `r${n}`,
      n,
      after: o.after ?? lastSeq(this.host),
      t: o.t ?? this.host.now(),
      wall: o.wall ?? this.wall(),
      source,
      kind,
      text,
      pid: o.pid ?? null,
      path: o.path ?? null,
      term: o.term ?? null,
      seq: null,
      data: o.data,
    };
    this.items.push(item);
    this.byId.set(item.id, item);
    this.changed([item]);
    return item;
  }

  private changed(items: Item[]): void {
    for (const l of this.listeners) l(items);
  }

  private wallOf(seq: number): number {
    let lo = 0;
    let hi = this.markSeq.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.markSeq[mid]! <= seq) lo = mid;
      else hi = mid - 1;
    }
    return this.markWall[lo] ?? this.wall();
  }
}

/** Browser mode namespaces terminal ids per connection (`c1xt1`): people know the tab as t1. */
export function shortTerm(term: string): string {
  return term.replace(/^c\d+x/, '');
}

function lastSeq(host: Host): number {
  const all = host.events();
  return all.length > 0 ? all[all.length - 1]!.seq : 0;
}

export function findSeq(events: readonly HostEvent[], seq: number): HostEvent | undefined {
  let lo = 0;
  let hi = events.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = events[mid]!.seq;
    if (s === seq) return events[mid];
    if (s < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function strip(item: Item): RecordEvent {
  const { after: _after, n: _n, ...e } = item;
  return e;
}
