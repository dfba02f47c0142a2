// Composition root of one simulated host session: the host, its terminals, and the routing of
// protocol messages between them. Runs wherever the faces put it (worker thread, CLI process).
import type { ClientMessage, HostMessage } from '../protocol/messages';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { openTerminal, type Terminal } from './terminal';
import { bootHost, type BootedHost, type BootOptions } from './boot';
import { ViewHub } from './views/hub';
import { ConsoleActions } from './views/actions';
import { whyMessage } from './views/why';

export type SimulationOptions = BootOptions;

export class Simulation {
  readonly booted: BootedHost;
  readonly views: ViewHub;
  private readonly actions: ConsoleActions;
  private readonly terminals = new Map<string, Terminal>();

  constructor(
    options: SimulationOptions,
    private readonly emit: (message: HostMessage) => void,
  ) {
    this.booted = bootHost(options, 'realtime');
    const { host } = this.booted;
    emit({
      type: 'ready',
      protocol: PROTOCOL_VERSION,
      hostname: host.hostname,
      release: host.release,
      policy: host.policyName,
      seed: this.booted.seed,
    });
    this.views = new ViewHub({ host, clock: this.booted.clock, emit });
    this.actions = new ConsoleActions(host, this.booted.clock, this.views, emit);
  }

  handle(message: ClientMessage): void {
    switch (message.type) {
      case 'term.open':
        return this.open(message.term, message.cols, message.rows);
      case 'term.input':
        return this.withTerminal(message.term, (t) => t.input(message.data));
      case 'term.resize':
        return this.withTerminal(message.term, (t) => t.resize(message.cols, message.rows));
      case 'term.close':
        return this.withTerminal(message.term, (t) => {
          t.close();
          this.terminals.delete(message.term);
        });
      case 'views.subscribe':
        return this.views.subscribe();
      case 'proc.signal':
        return this.actions.signal(message.pid, message.signal);
      case 'clock.set':
        return this.actions.setSpeed(message.speed);
      case 'clock.step':
        return this.actions.step();
      case 'policy.set':
        return this.actions.setPolicy(message.policy);
      case 'layout.retry':
        return this.actions.retry(this.views.blocked.get(message.id));
      case 'why.query':
        return this.emit(whyMessage(this.booted.host, message.path));
    }
  }

  dispose(): void {
    for (const t of this.terminals.values()) t.close();
    this.terminals.clear();
    this.views.dispose();
    this.booted.clock.dispose();
  }

  private open(term: string, cols: number, rows: number): void {
    if (this.terminals.has(term)) {
      this.emit({ type: 'error', message: `terminal ${term} is already open` });
      return;
    }
    const terminal = openTerminal(this.booted, { cols, rows }, {
      output: (data) => this.emit({ type: 'term.output', term, data }),
      exit: (code) => {
        this.terminals.delete(term);
        this.emit({ type: 'term.exit', term, code });
      },
    });
    this.terminals.set(term, terminal);
    this.emit({ type: 'term.opened', term, pid: terminal.pid });
    terminal.start();
  }

  private withTerminal(term: string, action: (t: Terminal) => void): void {
    const t = this.terminals.get(term);
    if (!t) {
      this.emit({ type: 'error', message: `no terminal ${term}` });
      return;
    }
    action(t);
  }
}
