// One recorded host session: the host in step mode, its terminals, the console's actions, the
// event stream and the inputs that made it. Live and replayed sessions are the same object; live,
// a ticker moves time and the shells' loop turns run free; replayed, both follow the inputs.
import type { HostMessage } from '../../protocol/messages';
import { bootHost, type BootedHost } from '../boot';
import { scenarioHostFor } from '../../drills/library';
import { buildBenchHost, type BenchHost } from '../bench-host';
import { openTerminal, type Terminal } from '../terminal';
import { ConsoleActions, type ActionNotes } from '../views/actions';
import { YieldGate, type GateMode } from './gate';
import type { InputBody, SessionInput } from './inputs';
import { Recorder, type Item } from './recorder';
import { TerminalLog } from './terminal-log';
import { startTicker } from './ticker';

export interface HostSessionOptions {
  seed?: number | undefined;
  policy?: string | undefined;
  scenario?: string | null | undefined;
  /** A benchmark host built through syscalls before anything else (`pinsim serve --bench-host`). */
  benchHost?: BenchHost | null | undefined;
  eventLogLimit?: number | undefined;
  mode: GateMode;
  wall: () => number;
  /** Terminal output, action results, errors for the window. */
  emit(message: HostMessage): void;
  /** The live view hub; a replay counts notes itself. */
  notes?: (booted: BootedHost) => ActionNotes;
  /** Every input applied, as it is applied (the journal). */
  onInput?(input: SessionInput): void;
}

interface OpenTerm {
  id: string;
  terminal: Terminal;
  log: TerminalLog;
}

export class HostSession {
  readonly booted: BootedHost;
  readonly recorder: Recorder;
  readonly gate: YieldGate;
  readonly inputs: SessionInput[] = [];
  readonly scenario: string | null;
  /** Every terminal the session opened, closed ones included, in the order they opened. */
  readonly logs: TerminalLog[] = [];
  readonly terminals = new Map<string, OpenTerm>();
  wall: () => number;
  onInput: ((input: SessionInput) => void) | undefined;
  private readonly actions: ConsoleActions;
  private readonly noted = new Map<number, Item>();
  private stopTicker: (() => void) | undefined;
  /** An input was applied in this turn of the event loop and its promises have not run yet. */
  private turn = false;

  constructor(private readonly o: HostSessionOptions) {
    this.booted = bootHost({ seed: o.seed, policy: o.policy, eventLogLimit: o.eventLogLimit, scenarioHost: scenarioHostFor(o.scenario) }, 'step');
    if (o.benchHost) buildBenchHost(this.booted.host, o.benchHost);
    this.scenario = o.scenario ?? null;
    this.wall = o.wall;
    this.onInput = o.onInput;
    this.gate = new YieldGate(o.mode);
    this.recorder = new Recorder(this.booted.host, () => this.wall());
    const base = o.notes?.(this.booted) ?? countingNotes();
    const notes: ActionNotes = {
      note: (kind, text, pid, path) => {
        const id = base.note(kind, text, pid, path);
        this.noted.set(id, this.recorder.action(kind, text, pid, path ?? null));
        return id;
      },
      watch: (w) => base.watch(w),
      mark: (v) => base.mark(v),
    };
    this.actions = new ConsoleActions(this.host, this.booted.clock, notes, (r) => {
      const item = this.noted.get(r.id);
      if (item) this.recorder.settle(item, r.ok, r.message);
      this.noted.delete(r.id);
      o.emit(r);
    });
    if (o.mode === 'live') this.startClock();
  }

  get host() {
    return this.booted.host;
  }

  /** Stamps an input with this moment, records it, and applies it. */
  apply(body: InputBody, t = this.host.now()): SessionInput {
    const last = this.inputs[this.inputs.length - 1];
    const same = this.turn;
    if (!same) {
      this.turn = true;
      queueMicrotask(() => (this.turn = false));
    }
    const input = { n: (last?.n ?? 0) + 1, t, wall: this.wall(), y: this.gate.ended, ...(same ? { same: true } : {}), ...body } as SessionInput;
    this.perform(input);
    return input;
  }

  /** Applies a stamped input (a live one just stamped, or one being replayed). */
  perform(input: SessionInput): void {
    this.inputs.push(input);
    this.onInput?.(input);
    const now = this.host.now();
    if (input.t > now) this.host.advance(input.t - now);
    switch (input.type) {
      case 'term.open':
        return this.open(input.term, input.cols, input.rows);
      case 'term.input':
        return this.with(input.term, (t) => t.terminal.input(input.data));
      case 'term.resize':
        return this.with(input.term, (t) => {
          t.terminal.resize(input.cols, input.rows);
          t.log.resize(input.cols, input.rows, input.t, input.wall);
        });
      case 'term.close':
        return this.with(input.term, (t) => {
          t.terminal.close();
          t.log.record.closed = { t: input.t, wall: input.wall, status: 129 };
          this.terminals.delete(t.id);
        });
      case 'term.rename':
        return this.with(input.term, (t) => {
          if (this.terminals.has(input.to)) return this.o.emit({ type: 'error', message: `terminal ${input.to} is already open` });
          this.terminals.delete(t.id);
          t.id = input.to;
          t.log.record.id = input.to;
          this.terminals.set(t.id, t);
        });
      case 'proc.signal':
        return this.actions.signal(input.pid, input.signal);
      case 'clock.set':
        return this.actions.setSpeed(input.speed);
      case 'clock.step':
        return this.actions.step();
      case 'tick':
        return;
      case 'policy.set':
        return this.actions.setPolicy(input.policy);
      case 'layout.retry':
        return this.actions.retry({ kind: 'refused', op: input.op, path: input.path, offset: input.offset, length: input.length });
      case 'why.query':
        return this.recorder.asked(input.path);
      case 'annotate':
        return void this.recorder.annotate(input.text, input.at);
      case 'annotate.edit':
        return void this.recorder.edit(input.id, input.text);
      case 'milestone':
        return void this.recorder.mark(input.name, input.at);
    }
  }

  /** The replay is over: time follows the real clock and the shells' loops run free. */
  goLive(wall: () => number): void {
    this.wall = wall;
    this.gate.goLive();
    this.startClock();
  }

  dispose(): void {
    this.stopTicker?.();
    for (const t of this.terminals.values()) t.terminal.close();
    this.terminals.clear();
    this.recorder.dispose();
    this.booted.clock.dispose();
  }

  private startClock(): void {
    this.stopTicker ??= startTicker(this.booted.clock, () => this.host.now(), (target) => {
      const next = this.host.nextEventTime();
      // Only advances a replay could get wrong are inputs: timers firing, or a loop watching the clock.
      if ((next !== null && next <= target) || this.gate.open > 0) this.apply({ type: 'tick' }, target);
      else this.host.advance(target - this.host.now());
    });
  }

  private open(id: string, cols: number, rows: number): void {
    if (this.terminals.has(id)) return this.o.emit({ type: 'error', message: `terminal ${id} is already open` });
    const { host } = this;
    // The terminal's callbacks need its entry, which needs the terminal's pid.
    const ref: { entry?: OpenTerm } = {};
    const terminal = openTerminal(
      this.booted,
      { cols, rows },
      {
        output: (data) => {
          const e = ref.entry;
          if (!e) return;
          e.log.write(data, host.now(), this.wall());
          this.o.emit({ type: 'term.output', term: e.id, data });
        },
        exit: (code) => {
          const e = ref.entry;
          if (!e) return;
          e.log.record.closed = { t: host.now(), wall: this.wall(), status: code };
          this.terminals.delete(e.id);
          this.o.emit({ type: 'term.exit', term: e.id, code });
        },
      },
      {
        yieldToEvents: this.gate.yieldToEvents,
        onRun: (line) => {
          const e = ref.entry;
          if (!e) return undefined;
          const output = e.log.begin();
          const done = this.recorder.command(e.id, terminal.pid, line);
          return (status) => done(output(), status);
        },
      },
    );
    const entry: OpenTerm = { id, terminal, log: new TerminalLog(id, terminal.pid, cols, rows, { t: host.now(), wall: this.wall() }) };
    ref.entry = entry;
    this.logs.push(entry.log);
    this.terminals.set(id, entry);
    this.o.emit({ type: 'term.opened', term: id, pid: terminal.pid });
    terminal.start();
  }

  private with(id: string, action: (t: OpenTerm) => void): void {
    const t = this.terminals.get(id);
    if (!t) return this.o.emit({ type: 'error', message: `no terminal ${id}` });
    action(t);
  }
}

/** A replay has no view hub: notes only need their numbers. */
function countingNotes(): ActionNotes {
  let id = 0;
  return { note: () => ++id, watch: () => undefined, mark: () => undefined };
}
