// Composition root of one simulated host session: the host, its terminals, and the routing of
// protocol messages between them. Runs wherever the faces put it (worker thread, CLI process).
import type { ClientMessage, HostMessage } from '../protocol/messages';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { openTerminal, type Terminal } from './terminal';
import { bootHost, type BootedHost, type BootOptions } from './boot';

export type SimulationOptions = BootOptions;

export class Simulation {
  readonly booted: BootedHost;
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
    }
  }

  dispose(): void {
    for (const t of this.terminals.values()) t.close();
    this.terminals.clear();
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
