// Keeps a live session journalled: each input appended as it is applied, and every twenty thousand
// inputs (or ten minutes) a snapshot of the whole session, so recovery reads one file and a short tail.
import type { SessionInput } from '../record/inputs';
import type { HostSession } from '../record/host-session';
import { sessionDoc } from '../record/replay';
import type { SessionDoc } from '../record/session-file';
import type { LiveMeta } from '../export/session-export';
import type { Journal } from './journal';
import type { SessionStore } from './store';

const SNAPSHOT_INPUTS = 20_000;
const SNAPSHOT_MS = 10 * 60_000;

export class Keeper {
  private readonly journal: Journal;
  private sinceSnapshot = 0;
  private lastSnapshot: number;

  constructor(
    store: SessionStore,
    private readonly session: HostSession,
    private readonly meta: LiveMeta,
    private readonly generator: string,
  ) {
    this.lastSnapshot = session.wall();
    this.journal = store.begin(this.doc());
    session.onInput = (input) => this.append(input);
  }

  get id(): string {
    return this.journal.id;
  }

  close(state: 'closed' | 'restored' = 'closed'): void {
    this.session.onInput = undefined;
    this.journal.close(state);
  }

  /** Stops writing and leaves the files as a crash would (tests). */
  abandon(): void {
    this.session.onInput = undefined;
    this.journal.abandon();
  }

  private append(input: SessionInput): void {
    this.journal.append(input);
    this.sinceSnapshot++;
    const now = this.session.wall();
    if (this.sinceSnapshot < SNAPSHOT_INPUTS && now - this.lastSnapshot < SNAPSHOT_MS) return;
    this.sinceSnapshot = 0;
    this.lastSnapshot = now;
    this.journal.snapshot(this.doc());
  }

  private doc(): SessionDoc {
    return sessionDoc(this.session, this.meta, this.generator, this.session.wall(), false);
  }
}
