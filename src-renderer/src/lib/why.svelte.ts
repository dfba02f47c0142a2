// The Why panel's answer for the selected file: asked again whenever the host's tables move, so
// the chain and the ways out follow the unwind.
import type { PinsimApi } from '../../../src-main/protocol/api';
import type { Explanation } from '../../../src-main/protocol/views';

export class WhyStore {
  path = $state<string | null>(null);
  explanation = $state<Explanation | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);

  constructor(private readonly api: PinsimApi) {}

  ask(path: string | null): void {
    if (path !== this.path) {
      this.explanation = null;
      this.error = null;
    }
    this.path = path;
    if (!path) return;
    this.loading = true;
    this.api.send({ type: 'why.query', path });
  }

  /** The host's tables changed: the answer may have too. */
  refresh(): void {
    if (this.path && !this.loading) this.ask(this.path);
  }

  receive(path: string, explanation: Explanation | null, error: string | null): void {
    if (path !== this.path) return;
    this.loading = false;
    this.explanation = explanation;
    this.error = error;
  }
}
