// Scrubbing back: the host as it stood at a past virtual time, rebuilt by replaying the session's
// inputs up to then in a host of its own, so the live host is never disturbed. A newer request
// makes an older replay stop between two inputs.
import type { HostMessage } from '../../protocol/messages';
import { filePinRows } from '../views/file-pins';
import { leaseRows } from '../views/leases';
import { processRows } from '../views/processes';
import { replay, ReplayCancelled } from './replay';
import type { SessionDoc } from './session-file';

export class Scrubber {
  private generation = 0;

  constructor(private readonly emit: (m: HostMessage) => void) {}

  /** Replays `doc` to `t` and sends the panels' rows of that moment; null goes back to live. */
  async show(doc: SessionDoc, t: number | null): Promise<void> {
    const mine = ++this.generation;
    if (t === null) return this.emit({ type: 'scrub', t: null, state: null, error: null });
    try {
      const s = await replay(doc, { until: t, cancelled: () => mine !== this.generation });
      try {
        if (mine !== this.generation) return;
        const { host } = s;
        this.emit({ type: 'scrub', t, state: { processes: processRows(host), filePins: filePinRows(host), leases: leaseRows(host) }, error: null });
      } finally {
        s.dispose();
      }
    } catch (e) {
      if (e instanceof ReplayCancelled) return;
      this.emit({ type: 'scrub', t, state: null, error: `cannot replay to that moment: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  cancel(): void {
    this.generation++;
  }
}
