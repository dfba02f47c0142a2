// Pushes the console's view models to the window: host events say which rows they touched, and a
// flush at most every 100 ms (10 Hz per view) recomputes those (projector.ts) and sends the rows
// that changed and the new timeline entries; a new window gets the tables in pieces.
import type { Host, HostEvent } from '../../host';
import type { HostMessage } from '../../protocol/messages';
import type { BlockedRow, ClockInfo, TimelineEntry, ViewName, ViewsUpdate } from '../../protocol/views';
import type { ClockDriver } from '../clock';
import { BlockedTracker } from './blocked';
import { KeyedTable } from './keyed';
import { Projector } from './projector';
import { timelineEntry } from './timeline';
import type { UnwindWatch } from './unwind';

export const FLUSH_MS = 100;
/** A huge host makes projecting slow: then flush less often, so projections take at most ~20% of the worker. */
const BUSY_FACTOR = 4;
const CLOCK_MS = 250;
/** Timeline entries a new subscriber gets at once; older ones stay in the host's event log. */
const TIMELINE_TAIL = 5000;
const WATCHES = 8;

/**
 * Rows per message of a snapshot: a new window gets a big host's tables in pieces it can parse
 * and draw between frames, instead of one message of megabytes.
 */
export const SNAPSHOT_ROWS = 500;
/** Events that can change what blocks an open layout change (pins, leases, the file itself). */
const BLOCKERS = /^(pin|lease|rdma\.dereg|rdma\.context\.release|layout|inode)/;

export interface HubOptions {
  host: Host;
  clock: ClockDriver;
  emit(message: HostMessage): void;
  scenario?: string | null;
}

export class ViewHub {
  readonly blocked: BlockedTracker;
  readonly projector: Projector;
  private readonly blockedTable = new KeyedTable<BlockedRow, number>((r) => r.id);
  private readonly dirty = new Set<ViewName | 'clock'>();
  private reset = false;
  private tail: TimelineEntry[] = [];
  private pending: TimelineEntry[] = [];
  private nextEntry = 1;
  private watches: UnwindWatch[] = [];
  private lastFlush = -Infinity;
  private lastCost = 0;
  private lastClock = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly ticker: ReturnType<typeof setInterval>;
  private readonly subscription: { dispose(): void };

  constructor(private readonly o: HubOptions) {
    this.blocked = new BlockedTracker(o.host);
    this.projector = new Projector(o.host.kernel);
    // What happened before the window came (a drill's warm-up): the timeline and the refusals.
    for (const e of o.host.events()) {
      this.record(e);
      this.blocked.observe(e);
    }
    this.subscription = o.host.onEvent((e) => this.onEvent(e));
    // Virtual time moves without events: the status bar and BREAKING countdowns need it.
    this.ticker = setInterval(() => this.mark('clock'), CLOCK_MS);
    this.ticker.unref?.();
  }

  /** A new window (or a reload): everything again from scratch. */
  subscribe(): void {
    this.reset = true;
    this.pending = [];
    this.flush();
  }

  /** A console action as a timeline entry of its own; returns the action's number. */
  note(kind: string, text: string, pid: number | null, path: string | null = null): number {
    const entry: TimelineEntry = { id: this.nextEntry++, seq: null, t: this.o.host.now(), kind, pid, path, text, action: null };
    entry.action = entry.id;
    this.push(entry);
    this.schedule();
    return entry.id;
  }

  watch(w: UnwindWatch): void {
    this.watches = [w, ...this.watches.slice(0, WATCHES - 1)];
  }

  mark(view: ViewName | 'clock'): void {
    this.dirty.add(view);
    this.schedule();
  }

  /** Sends what changed now (tests call it directly instead of waiting for the timer). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const started = performance.now();
    const reset = this.reset;
    this.reset = false;
    const views: ViewsUpdate = {};
    const p = this.projector;
    p.update();
    const pieces: ViewsUpdate[] = [];
    if (reset) {
      for (const d of p.processes.snapshot(SNAPSHOT_ROWS)) pieces.push({ processes: d });
      for (const d of p.filePins.snapshot(SNAPSHOT_ROWS)) pieces.push({ filePins: d });
      for (const d of p.leases.snapshot(SNAPSHOT_ROWS)) pieces.push({ leases: d });
    } else {
      add(views, 'processes', p.processes.take());
      add(views, 'filePins', p.filePins.take());
      add(views, 'leases', p.leases.take());
    }
    if (reset || this.dirty.has('blocked')) add(views, 'blocked', this.blockedTable.diff(this.blocked.rows(), reset));
    const clock = this.clockInfo();
    const clockJson = JSON.stringify(clock);
    if (reset || clockJson !== this.lastClock) views.clock = clock;
    this.lastClock = clockJson;
    this.dirty.clear();
    for (const piece of pieces) this.o.emit({ type: 'views', views: piece });
    if (Object.keys(views).length > 0) this.o.emit({ type: 'views', views });
    if (reset) this.o.emit({ type: 'timeline', reset: true, entries: this.tail.slice(-TIMELINE_TAIL) });
    else if (this.pending.length > 0) this.o.emit({ type: 'timeline', reset: false, entries: this.pending });
    this.pending = [];
    this.lastFlush = performance.now();
    this.lastCost = this.lastFlush - started;
  }

  dispose(): void {
    this.subscription.dispose();
    clearInterval(this.ticker);
    if (this.timer) clearTimeout(this.timer);
  }

  private onEvent(e: HostEvent): void {
    this.record(e);
    this.projector.observe(e);
    if (this.blocked.observe(e) || (BLOCKERS.test(e.kind) && this.blocked.hasOpen())) this.dirty.add('blocked');
    if (e.kind === 'policy.switch') this.dirty.add('clock');
    this.schedule();
  }

  private record(e: HostEvent): void {
    const w = this.watches.find((x) => x.claims(e));
    this.push(timelineEntry(this.nextEntry++, e, w ? w.action : null));
  }

  private push(entry: TimelineEntry): void {
    this.tail.push(entry);
    if (this.tail.length >= 2 * TIMELINE_TAIL) this.tail = this.tail.slice(-TIMELINE_TAIL);
    this.pending.push(entry);
    // A flood between two flushes: the window keeps the newest; the host log keeps them all.
    if (this.pending.length >= 2 * TIMELINE_TAIL) this.pending = this.pending.slice(-TIMELINE_TAIL);
  }

  private schedule(): void {
    if (this.timer) return;
    const gap = Math.max(FLUSH_MS, BUSY_FACTOR * this.lastCost);
    const wait = Math.max(0, this.lastFlush + gap - performance.now());
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref?.();
  }

  private clockInfo(): ClockInfo {
    const { host, clock } = this.o;
    return { now: host.now(), speed: clock.speed(), next: host.nextEventTime(), policy: host.policyName, policies: host.policies(), scenario: this.o.scenario ?? null };
  }
}

function add<K extends ViewName>(views: ViewsUpdate, name: K, delta: ViewsUpdate[K] | null): void {
  if (delta) views[name] = delta;
}
