// Lets several browser connections share one simulation: each connection's terminal ids are
// namespaced so clients cannot see or drive each other's terminals.
import type { ClientMessage, HostMessage } from '../protocol/messages';
import type { SimulationLink } from '../worker/link';

export interface RoutedClient {
  send(message: ClientMessage): void;
  disconnect(): void;
}

export class TermRouter {
  private nextClient = 1;
  private readonly clients = new Map<string, (m: HostMessage) => void>();
  private lastReady: HostMessage | undefined;

  constructor(private readonly link: SimulationLink) {
    link.onMessage((m) => this.dispatch(m));
  }

  connect(deliver: (m: HostMessage) => void): RoutedClient {
    const prefix = `c${this.nextClient++}x`;
    const open = new Set<string>();
    this.clients.set(prefix, deliver);
    if (this.lastReady) deliver(this.lastReady);
    return {
      send: (message) => {
        // Host-wide messages (views, admin actions) carry no terminal id: nothing to namespace.
        if (!('term' in message)) {
          this.link.send(message);
          return;
        }
        const term = `${prefix}${message.term}`;
        if (term.length > 32) {
          deliver({ type: 'error', message: 'invalid message at term: id too long' });
          return;
        }
        if (message.type === 'term.open') open.add(term);
        if (message.type === 'term.close') open.delete(term);
        this.link.send({ ...message, term });
      },
      disconnect: () => {
        // A reload or a crashed tab: the next window's tabs take these shells over, screens and all.
        for (const term of open) this.link.send({ type: 'term.detach', term });
        this.clients.delete(prefix);
      },
    };
  }

  private dispatch(m: HostMessage): void {
    if (m.type === 'ready') {
      this.lastReady = m;
      for (const deliver of this.clients.values()) deliver(m);
      return;
    }
    if (!('term' in m)) {
      for (const deliver of this.clients.values()) deliver(m);
      return;
    }
    const cut = m.term.indexOf('x');
    const deliver = this.clients.get(m.term.slice(0, cut + 1));
    deliver?.({ ...m, term: m.term.slice(cut + 1) });
  }
}
