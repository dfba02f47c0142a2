// View model of the Drills panel: the catalogue, the drill being played (its objectives, hints,
// penalties, score and debrief as the host reports them), and the trainee's actions.
import type { PinsimApi } from '../../../src-main/protocol/api';
import type { HostMessage } from '../../../src-main/protocol/messages';
import type { DrillState, DrillSummary } from '../../../src-main/protocol/drills';

export class DrillsStore {
  catalog = $state<DrillSummary[]>([]);
  /** Broken or clashing scenario files, one line each (file:line:column: what is wrong). */
  problems = $state<string[]>([]);
  userDir = $state('');
  drill = $state<DrillState | null>(null);
  /** Why the last action did nothing. */
  notice = $state('');
  /** The picker is shown (always when no drill has been started). */
  picking = $state(true);
  private readonly off: () => void;

  constructor(private readonly api: PinsimApi) {
    this.off = api.onMessage((m) => this.receive(m));
    api.send({ type: 'drill.list' });
  }

  dispose(): void {
    this.off();
  }

  start(id: string): void {
    this.notice = '';
    this.picking = false;
    this.api.send({ type: 'drill.start', id });
  }

  hint(): void {
    this.api.send({ type: 'drill.hint' });
  }

  reset(): void {
    this.api.send({ type: 'drill.reset' });
  }

  giveUp(): void {
    this.api.send({ type: 'drill.giveup' });
  }

  /** Back to the list (the drill's host stays until another drill starts). */
  choose(): void {
    this.picking = true;
    this.api.send({ type: 'drill.list' });
  }

  receive(m: HostMessage): void {
    switch (m.type) {
      case 'drill.catalog':
        this.catalog = m.drills;
        this.problems = m.problems;
        this.userDir = m.userDir;
        return;
      case 'drill.state':
        this.drill = m.state;
        this.notice = m.notice ?? '';
        if (!m.state) this.picking = true;
        return;
      default:
        return;
    }
  }
}

/** Virtual ns as a countdown: `9:58`. */
export function countdown(ns: number): string {
  const s = Math.max(0, Math.ceil(ns / 1e9));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
