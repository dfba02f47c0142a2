// View model of the session: host identity, connection state and the terminal tabs.
import type { PinsimApi } from '../../../src-main/protocol/api';
import type { HostMessage } from '../../../src-main/protocol/messages';

export interface TerminalTab {
  id: string;
  pid: number | undefined;
  exitCode: number | undefined;
}

export class SessionStore {
  hostname = $state('');
  release = $state('');
  policy = $state('');
  error = $state('');
  terminals = $state<TerminalTab[]>([]);
  active = $state('');
  private nextId = 1;

  constructor(readonly api: PinsimApi) {
    api.onMessage((m) => this.receive(m));
  }

  /** Adds a tab; the terminal view opens it on the host once it knows its size. */
  newTerminal(): string {
    const id = `t${this.nextId++}`;
    this.terminals.push({ id, pid: undefined, exitCode: undefined });
    this.active = id;
    return id;
  }

  closeTerminal(id: string): void {
    const i = this.terminals.findIndex((t) => t.id === id);
    if (i < 0) return;
    if (this.terminals[i]?.exitCode === undefined) this.api.send({ type: 'term.close', term: id });
    this.terminals.splice(i, 1);
    if (this.active === id) this.active = this.terminals[Math.max(0, i - 1)]?.id ?? '';
  }

  private receive(m: HostMessage): void {
    switch (m.type) {
      case 'ready':
        this.hostname = m.hostname;
        this.release = m.release;
        this.policy = m.policy;
        break;
      case 'term.opened':
        this.update(m.term, (t) => (t.pid = m.pid));
        break;
      case 'term.exit':
        this.update(m.term, (t) => (t.exitCode = m.code));
        break;
      case 'error':
        this.error = m.message;
        break;
      case 'term.output':
        break;
    }
  }

  private update(id: string, change: (t: TerminalTab) => void): void {
    const t = this.terminals.find((x) => x.id === id);
    if (t) change(t);
  }
}
