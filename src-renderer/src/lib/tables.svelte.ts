// The File pins, Lease holders and Blocked truncates tables as the host pushes them.
import type { PinsimApi } from '../../../src-main/protocol/api';
import type { BlockedRow, FilePinRow, LeaseRow } from '../../../src-main/protocol/views';
import { KeyedRows } from './keyed-rows.svelte';

export class FilePinsStore {
  readonly table = new KeyedRows<FilePinRow, string>(
    (r) => r.key,
    (a, b) => a.pid - b.pid || (a.fd ?? 1e9) - (b.fd ?? 1e9) || a.file.localeCompare(b.file) || a.first - b.first,
  );
}

export class LeasesStore {
  readonly table = new KeyedRows<LeaseRow, number>((r) => r.id, (a, b) => a.id - b.id);
}

export class BlockedStore {
  /** Newest first: what just failed is what the admin is looking at. */
  readonly table = new KeyedRows<BlockedRow, number>((r) => r.id, (a, b) => b.id - a.id);
  lastResult = $state<{ ok: boolean; message: string } | null>(null);

  constructor(private readonly api: PinsimApi) {}

  retry(id: number): void {
    this.api.send({ type: 'layout.retry', id });
  }
}
