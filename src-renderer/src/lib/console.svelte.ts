// The console's stores, fed from the host's messages: one per panel, plus the selection that the
// Why and Relations panels follow.
import type { PinsimApi } from '../../../src-main/protocol/api';
import type { HostMessage } from '../../../src-main/protocol/messages';
import { ProcessesStore } from './processes.svelte';
import { BlockedStore, FilePinsStore, LeasesStore } from './tables.svelte';
import { TimelineStore } from './timeline.svelte';
import { ClockStore } from './clock.svelte';
import { SelectionStore } from './selection.svelte';
import { WhyStore } from './why.svelte';

export class ConsoleStore {
  readonly processes: ProcessesStore;
  readonly filePins = new FilePinsStore();
  readonly leases = new LeasesStore();
  readonly blocked: BlockedStore;
  readonly timeline = new TimelineStore();
  readonly clock: ClockStore;
  readonly selection = new SelectionStore();
  readonly why: WhyStore;
  /** The last console action's outcome, announced politely to screen readers. */
  notice = $state('');
  private readonly off: () => void;

  constructor(readonly api: PinsimApi) {
    this.processes = new ProcessesStore(api);
    this.blocked = new BlockedStore(api);
    this.clock = new ClockStore(api);
    this.why = new WhyStore(api);
    this.off = api.onMessage((m) => this.receive(m));
    api.send({ type: 'views.subscribe' });
  }

  dispose(): void {
    this.off();
  }

  private receive(m: HostMessage): void {
    switch (m.type) {
      case 'ready':
        // A restarted simulation knows nothing of this window: ask for everything again.
        this.api.send({ type: 'views.subscribe' });
        return;
      case 'views': {
        const v = m.views;
        if (v.processes) this.processes.table.apply(v.processes);
        if (v.filePins) this.filePins.table.apply(v.filePins);
        if (v.leases) this.leases.table.apply(v.leases);
        if (v.blocked) this.blocked.table.apply(v.blocked);
        if (v.clock) this.clock.receive(v.clock);
        if (v.filePins || v.leases || v.blocked) this.why.refresh();
        return;
      }
      case 'why':
        this.why.receive(m.path, m.explanation, m.error);
        return;
      case 'timeline':
        this.timeline.append(m.entries, m.reset);
        return;
      case 'action.result':
        this.notice = m.message;
        if (m.action === 'proc.signal' && m.ok) this.timeline.watch(m.id, m.pid);
        if (m.action === 'layout.retry') this.blocked.lastResult = { ok: m.ok, message: m.message };
        return;
      default:
        return;
    }
  }
}
