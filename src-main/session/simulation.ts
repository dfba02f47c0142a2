// Composition root of one simulated host session: the host, its terminals, and the routing of
// protocol messages between them. Runs wherever the faces put it (worker thread, CLI process).
// Every input is recorded (and journalled when a store is given), so the session can be saved,
// exported, scrubbed back, reopened, and restored after a crash.
import type { ClientMessage, HostMessage } from '../protocol/messages';
import { PROTOCOL_VERSION } from '../protocol/messages';
import type { RestoreOffer } from '../protocol/record';
import type { BootedHost, BootOptions } from './boot';
import { ViewHub } from './views/hub';
import type { ActionNotes } from './views/actions';
import { whyMessage } from './views/why';
import { HostSession } from './record/host-session';
import { replay, sessionDoc } from './record/replay';
import { parseSession, type SessionDoc } from './record/session-file';
import { feed, recordReset } from './record/feed';
import { Scrubber } from './record/scrub';
import { digestOf } from './record/digest';
import { GENERATOR } from './record/version';
import { exportSession, type LiveMeta } from './export/session-export';
import { Keeper } from './journal/keeper';
import type { SessionStore } from './journal/store';
import type { BenchHost } from './bench-host';
import { DrillConsole } from '../drills/console';
import type { Drill } from '../drills/drill';

export interface SimulationOptions extends BootOptions {
  scenario?: string | null | undefined;
  benchHost?: BenchHost | undefined;
  /** Journal every input here and offer crashed sessions back; without one nothing goes to disk. */
  store?: SessionStore | undefined;
  /** Restore the newest crashed session at once instead of offering it. */
  restore?: boolean | undefined;
  /** Wall clock in ms since the epoch (tests inject one). */
  wall?: (() => number) | undefined;
}

interface Live {
  session: HostSession;
  hub: ViewHub;
  meta: LiveMeta;
  keeper: Keeper | null;
  stopFeed: () => void;
}

/** Terminals whose window went away that are kept for the next window. */
const DETACHED_KEPT = 8;
/** Full reset of a terminal (RIS) before a restored screen is written into it. */
const RESET = '\x1bc';

export class Simulation {
  private live: Live;
  private readonly wall: () => number;
  private readonly scrubber: Scrubber;
  /** Messages that arrive while a session is being replayed into place. */
  private queue: ClientMessage[] | null = null;
  private offer: RestoreOffer | null = null;
  /** Restored terminals no window tab has taken over yet. */
  private unclaimed: string[] = [];
  private readonly drills: DrillConsole;

  constructor(
    private readonly options: SimulationOptions,
    private readonly emit: (message: HostMessage) => void,
  ) {
    this.wall = options.wall ?? Date.now;
    this.scrubber = new Scrubber(emit);
    this.drills = new DrillConsole({
      emit,
      replace: (d) => this.startScenario(d),
      host: () => this.live.session.host,
      note: (kind, text, data) => void this.live.session.recorder.action(kind, text, null, null, data),
    });
    const meta: LiveMeta = { seed: options.seed ?? 1, policy: options.policy ?? '', scenario: options.scenario ?? null, benchHost: options.benchHost ?? null, started: this.wall() };
    const w = this.wiring(meta);
    const { seed, policy, benchHost, eventLogLimit } = options;
    this.live = w.attach(new HostSession({ seed, policy, benchHost, eventLogLimit, scenario: meta.scenario, mode: 'live', wall: this.wall, emit: w.emit, notes: w.notes }));
    this.announce();
    const store = options.store;
    if (!store) return;
    this.offer = store.unfinished(this.live.keeper?.id ?? null)[0] ?? null;
    if (this.offer) emit({ type: 'restore.offer', offer: this.offer });
    if (options.restore && this.offer && !this.offer.error) void this.restore(this.offer.id);
  }

  get booted(): BootedHost {
    return this.live.session.booted;
  }

  get views(): ViewHub {
    return this.live.hub;
  }

  get session(): HostSession {
    return this.live.session;
  }

  /** The id of this session's journal, if it has one. */
  get journalId(): string | null {
    return this.live.keeper?.id ?? null;
  }

  handle(message: ClientMessage): void {
    if (this.queue) {
      this.queue.push(message);
      return;
    }
    const s = this.live.session;
    switch (message.type) {
      case 'term.open':
        return this.openTerminal(message.term, message.cols, message.rows);
      case 'term.ack':
        // Not an input of the session: how fast a window draws is not part of what happened.
        return s.terminals.get(message.term)?.terminal.ack(message.chars);
      case 'term.detach':
        return this.detach(message.term);
      case 'term.input':
      case 'term.resize':
      case 'term.close':
        if (!s.terminals.has(message.term)) return this.emit({ type: 'error', message: `no terminal ${message.term}` });
        return void s.apply(message);
      case 'views.subscribe':
        this.live.hub.subscribe();
        this.emit(recordReset(s.recorder));
        if (this.offer) this.emit({ type: 'restore.offer', offer: this.offer });
        return;
      case 'proc.signal':
      case 'clock.set':
      case 'clock.step':
      case 'policy.set':
        return void s.apply(message);
      case 'layout.retry': {
        const e = this.live.hub.blocked.get(message.id);
        if (!e || e.kind !== 'refused' || e.offset === null || e.length === null) {
          return this.emit({ type: 'action.result', id: 0, action: 'layout.retry', ok: false, message: 'nothing to retry', pid: null });
        }
        return void s.apply({ type: 'layout.retry', op: e.op, path: e.path, offset: e.offset, length: e.length });
      }
      case 'why.query':
        s.apply(message);
        return this.emit(whyMessage(s.host, message.path));
      case 'timeline.annotate':
        return void s.apply({ type: 'annotate', text: message.text, at: message.at });
      case 'timeline.annotation.edit':
        if (s.recorder.get(message.id)?.source !== 'annotation') return this.emit({ type: 'error', message: `no annotation ${message.id}` });
        return void s.apply({ type: 'annotate.edit', id: message.id, text: message.text });
      case 'timeline.milestone':
        return void s.apply({ type: 'milestone', name: message.name, at: message.at });
      case 'timeline.export':
        return this.emit(exportSession(s, this.live.meta, GENERATOR, message.format, message.terminal));
      case 'timeline.scrub':
        return void this.scrubber.show(this.doc(), message.t);
      case 'session.open':
        return void this.open(message.name, message.text);
      case 'session.restore':
        return void this.restore(message.id);
      case 'session.discard':
        return this.discard(message.id);
      case 'drill.list':
      case 'drill.start':
      case 'drill.hint':
      case 'drill.reset':
      case 'drill.giveup':
        return this.drills.handle(message);
    }
  }

  /** The session so far as a session file would hold it. */
  doc(withDigest = false): SessionDoc {
    return sessionDoc(this.live.session, this.live.meta, GENERATOR, this.wall(), withDigest);
  }

  dispose(): void {
    this.drills.dispose();
    this.scrubber.cancel();
    this.live.keeper?.close();
    this.stop(this.live);
  }

  /** Ends like a crash: the journal is left unfinished (tests of recovery). */
  crash(): void {
    this.scrubber.cancel();
    this.live.keeper?.abandon();
    this.stop(this.live);
  }

  private announce(): void {
    const { host } = this.live.session;
    this.emit({ type: 'ready', protocol: PROTOCOL_VERSION, hostname: host.hostname, release: host.release, policy: host.policyName, seed: this.live.meta.seed });
  }

  /**
   * How a session is hooked to the window: its messages and its view hub's pass only once it is
   * the live one, so a session being replayed into place shows nothing until it takes over.
   */
  private wiring(meta: LiveMeta) {
    const ref: { live?: Live } = {};
    const passes = () => ref.live !== undefined && ref.live === this.live;
    const emit = (m: HostMessage) => {
      if (passes()) this.emit(m);
    };
    let hub: ViewHub | undefined;
    const notes = (b: BootedHost): ActionNotes => (hub = new ViewHub({ host: b.host, clock: b.clock, emit, scenario: meta.scenario }));
    const attach = (session: HostSession): Live => {
      const store = this.options.store;
      const live: Live = { session, hub: hub!, meta: { ...meta, policy: meta.policy || session.host.policyName }, keeper: null, stopFeed: feed(session.recorder, emit) };
      if (store) live.keeper = new Keeper(store, session, live.meta, GENERATOR);
      ref.live = live;
      return live;
    };
    return { emit, notes, attach };
  }

  private openTerminal(term: string, cols: number, rows: number): void {
    const s = this.live.session;
    while (this.unclaimed.length > 0) {
      const from = this.unclaimed.shift()!;
      if (s.terminals.has(from)) return this.adopt(from, term, cols, rows);
    }
    if (s.terminals.has(term)) return this.emit({ type: 'error', message: `terminal ${term} is already open` });
    s.apply({ type: 'term.open', term, cols, rows });
  }

  /** Its window went away: the shell stays for the next tab to open; only the newest few are kept. */
  private detach(term: string): void {
    const s = this.live.session;
    if (!s.terminals.has(term)) return;
    this.unclaimed = [...this.unclaimed.filter((t) => t !== term && s.terminals.has(t)), term];
    while (this.unclaimed.length > DETACHED_KEPT) s.apply({ type: 'term.close', term: this.unclaimed.shift()! });
  }

  /** A window tab takes over a restored terminal: its id, its screen so far, its size. */
  private adopt(from: string, to: string, cols: number, rows: number): void {
    const s = this.live.session;
    if (from !== to) s.apply({ type: 'term.rename', term: from, to });
    const t = s.terminals.get(to);
    if (!t) return;
    this.emit({ type: 'term.opened', term: to, pid: t.terminal.pid });
    this.emit({ type: 'term.output', term: to, data: RESET + t.log.screen() });
    const size = t.log.size();
    if (size.cols !== cols || size.rows !== rows) s.apply({ type: 'term.resize', term: to, cols, rows });
  }

  private async restore(id: string): Promise<void> {
    const store = this.options.store;
    if (!store) return this.emit({ type: 'session.result', action: 'restore', ok: false, message: 'this console keeps no journal' });
    let doc: SessionDoc;
    try {
      doc = store.load(id);
    } catch (e) {
      return this.emit({ type: 'session.result', action: 'restore', ok: false, message: `cannot restore ${id}: ${e instanceof Error ? e.message : String(e)}` });
    }
    if (await this.swap(doc, 'restore')) store.finish(id, 'restored');
    this.offer = store.unfinished(this.live.keeper?.id ?? null)[0] ?? null;
    this.emit({ type: 'restore.offer', offer: this.offer });
  }

  private async open(name: string, text: string): Promise<void> {
    let doc: SessionDoc;
    try {
      doc = parseSession(text);
    } catch (e) {
      return this.emit({ type: 'session.result', action: 'open', ok: false, message: `${name}: ${e instanceof Error ? e.message : String(e)}` });
    }
    await this.swap(doc, 'open');
  }

  private discard(id: string): void {
    const store = this.options.store;
    store?.finish(id, 'discarded');
    this.offer = store?.unfinished(this.live.keeper?.id ?? null)[0] ?? null;
    this.emit({ type: 'restore.offer', offer: this.offer });
    this.emit({ type: 'session.result', action: 'discard', ok: true, message: `session ${id} discarded` });
  }

  /** Replays `doc` in a new host and puts it in place of the live one; false if the replay failed. */
  private async swap(doc: SessionDoc, action: 'open' | 'restore'): Promise<boolean> {
    const old = this.live;
    const tabs = old.session.logs.filter((l) => old.session.terminals.has(l.record.id)).map((l) => ({ id: l.record.id, ...l.size() }));
    this.queue ??= [];
    const meta: LiveMeta = { seed: doc.seed, policy: doc.policy, scenario: doc.scenario, benchHost: doc.benchHost ?? null, started: doc.started };
    const w = this.wiring(meta);
    let next: HostSession;
    try {
      next = await replay(doc, { emit: w.emit, notes: w.notes });
    } catch (e) {
      this.emit({ type: 'session.result', action, ok: false, message: `the session did not replay: ${e instanceof Error ? e.message : String(e)}` });
      this.drain();
      return false;
    }
    const matched = doc.digest === null ? null : digestOf(next.recorder).hash === doc.digest.hash;
    this.scrubber.cancel();
    old.keeper?.close();
    this.stop(old);
    next.goLive(this.wall);
    this.live = w.attach(next);
    this.announce();
    this.live.hub.subscribe();
    this.emit(recordReset(next.recorder));
    this.place(tabs);
    const terms = next.logs.filter((l) => next.terminals.has(l.record.id)).length;
    const check = matched === null ? '' : matched ? '; the replay matches the recorded event log' : '; WARNING: the replay differs from the recorded event log';
    this.emit({ type: 'session.result', action, ok: true, message: `${action === 'open' ? 'opened' : 'restored'} a session of ${doc.inputs.length} inputs (seed ${doc.seed}, policy ${doc.policy}, ${terms} open terminal${terms === 1 ? '' : 's'})${check}` });
    this.drain();
    return true;
  }

  /** A drill's host in place of the live one, booted fresh (not replayed); the tabs get new shells on it. */
  private startScenario(drill: Drill): BootedHost {
    const old = this.live;
    const tabs = old.session.logs.filter((l) => old.session.terminals.has(l.record.id)).map((l) => ({ id: l.record.id, ...l.size() }));
    const meta: LiveMeta = { seed: this.options.seed ?? 1, policy: drill.policy, scenario: drill.id, benchHost: null, started: this.wall() };
    const w = this.wiring(meta);
    const next = new HostSession({ seed: meta.seed, policy: drill.policy, scenario: drill.id, mode: 'live', wall: this.wall, emit: w.emit, notes: w.notes });
    this.scrubber.cancel();
    old.keeper?.close();
    this.stop(old);
    this.live = w.attach(next);
    this.announce();
    this.live.hub.subscribe();
    this.emit(recordReset(next.recorder));
    this.place(tabs);
    return next.booted;
  }

  /** The window's tabs take over the restored terminals in order; a tab left over gets a new shell. */
  private place(tabs: Array<{ id: string; cols: number; rows: number }>): void {
    const s = this.live.session;
    const restored = s.logs.filter((l) => s.terminals.has(l.record.id)).map((l) => l.record.id);
    // Out of the tabs' way first: a restored t2 may be meant for the tab now called t1.
    const parked = restored.map((id, i) => {
      if (tabs[i]?.id === id) return id;
      const tmp = `restored-${i + 1}`;
      s.apply({ type: 'term.rename', term: id, to: tmp });
      return tmp;
    });
    this.unclaimed = parked.slice(tabs.length);
    tabs.forEach((tab, i) => {
      const from = parked[i];
      if (from !== undefined) return this.adopt(from, tab.id, tab.cols, tab.rows);
      this.emit({ type: 'term.output', term: tab.id, data: RESET });
      s.apply({ type: 'term.open', term: tab.id, cols: tab.cols, rows: tab.rows });
    });
  }

  private drain(): void {
    const q = this.queue ?? [];
    this.queue = null;
    for (const m of q) this.handle(m);
  }

  private stop(live: Live): void {
    live.stopFeed();
    live.hub.dispose();
    live.session.dispose();
  }
}
