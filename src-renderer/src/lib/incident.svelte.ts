// The incident side of the timeline: the session's own entries and milestones as the host sends
// them, annotations and marks, exports (downloaded as files), scrubbing back to a past moment,
// and saved or crashed sessions to open, restore or discard.
import type { PinsimApi } from '../../../src-main/protocol/api';
import type { HostMessage } from '../../../src-main/protocol/messages';
import { SESSION_TEXT_MAX } from '../../../src-main/protocol/messages';
import type { ExportKind, MilestoneName, MilestonesInfo, RestoreOffer, ScrubState } from '../../../src-main/protocol/record';
import type { SelectionStore } from './selection.svelte';
import type { TimelineRow, TimelineStore } from './timeline.svelte';

export const EXPORTS: ReadonlyArray<{ kind: ExportKind; label: string }> = [
  { kind: 'md', label: 'Postmortem (Markdown)' },
  { kind: 'html', label: 'Postmortem (HTML)' },
  { kind: 'pdf', label: 'Postmortem (PDF)' },
  { kind: 'json', label: 'Timeline (JSON)' },
  { kind: 'csv', label: 'Events (CSV)' },
  { kind: 'cast', label: 'Terminal recording (asciicast)' },
  { kind: 'session', label: 'Save session' },
];

/** Scrub requests wait this long for the slider to settle: each one is a replay. */
const SCRUB_DEBOUNCE_MS = 150;

export type Download = (file: { filename: string; mime: string; bytes: Uint8Array | string }) => void;

export class IncidentStore {
  milestones = $state<MilestonesInfo>({});
  offer = $state<RestoreOffer | null>(null);
  /** The host as it stood at `scrubT`, or null while the panel shows the live host. */
  scrub = $state<ScrubState | null>(null);
  scrubT = $state<number | null>(null);
  scrubbing = $state(false);
  notice = $state('');
  /** The annotation being edited in place, and its text so far. */
  editing = $state<{ id: string; text: string } | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly off: () => void;

  constructor(
    private readonly api: PinsimApi,
    private readonly timeline: TimelineStore,
    private readonly selection: SelectionStore,
    private readonly download: Download = browserDownload,
  ) {
    this.off = api.onMessage((m) => this.receive(m));
  }

  dispose(): void {
    this.off();
    if (this.timer) clearTimeout(this.timer);
  }

  /** A row picked: the other panels follow the file or the process it is about. */
  pick(row: TimelineRow): void {
    this.timeline.selected = row;
    if (row.path) this.selection.select({ kind: 'file', path: row.path });
    else if (row.pid !== null) this.selection.select({ kind: 'process', pid: row.pid });
  }

  annotate(text: string): void {
    const t = text.trim();
    if (!t) return;
    this.api.send({ type: 'timeline.annotate', text: t.slice(0, 4096), at: this.timeline.selected?.ref ?? null });
  }

  startEdit(id: string, text: string): void {
    this.editing = { id, text };
  }

  saveEdit(): void {
    const e = this.editing;
    this.editing = null;
    if (e && e.text.trim()) this.api.send({ type: 'timeline.annotation.edit', id: e.id, text: e.text.trim().slice(0, 4096) });
  }

  mark(name: MilestoneName): void {
    this.api.send({ type: 'timeline.milestone', name, at: this.timeline.selected?.ref ?? null });
  }

  exportAs(kind: ExportKind, terminal?: string): void {
    if (kind === 'pdf' && this.api.mode !== 'electron') {
      this.notice = 'PDF export needs the desktop app (the Electron runtime): download the HTML postmortem and print it to PDF from the browser.';
      return;
    }
    this.notice = `Preparing ${kind}…`;
    this.api.send({ type: 'timeline.export', format: kind, ...(terminal ? { terminal } : {}) });
  }

  /** Shows the host at virtual time `t` (ns) after the slider rests; null: back to live. */
  scrubTo(t: number | null): void {
    if (this.timer) clearTimeout(this.timer);
    this.scrubT = t;
    if (t === null) {
      this.scrub = null;
      this.scrubbing = false;
      this.api.send({ type: 'timeline.scrub', t: null });
      return;
    }
    this.scrubbing = true;
    this.timer = setTimeout(() => this.api.send({ type: 'timeline.scrub', t: Math.round(t) }), SCRUB_DEBOUNCE_MS);
  }

  async openFile(file: File): Promise<void> {
    if (file.size > SESSION_TEXT_MAX) {
      this.notice = `${file.name} is too large to be a session (${Math.round(file.size / 1048576)} MiB)`;
      return;
    }
    this.notice = `Opening ${file.name}…`;
    this.api.send({ type: 'session.open', name: file.name.slice(0, 255), text: await file.text() });
  }

  restore(): void {
    if (this.offer) this.api.send({ type: 'session.restore', id: this.offer.id });
    this.notice = 'Restoring the session…';
  }

  discard(): void {
    if (this.offer) this.api.send({ type: 'session.discard', id: this.offer.id });
  }

  /** Not now: the offer stays on disk and comes back with the next start. */
  later(): void {
    this.offer = null;
  }

  private receive(m: HostMessage): void {
    switch (m.type) {
      case 'record':
        this.timeline.upsertNotes(m.upsert, m.reset);
        this.milestones = m.milestones;
        return;
      case 'restore.offer':
        this.offer = m.offer;
        return;
      case 'scrub':
        if (m.t !== this.scrubT) return;
        this.scrubbing = false;
        this.scrub = m.state;
        if (m.error) this.notice = m.error;
        return;
      case 'session.result':
        this.notice = m.message;
        if (m.ok) this.scrubTo(null);
        return;
      case 'export':
        return this.received(m);
      default:
        return;
    }
  }

  private received(m: Extract<HostMessage, { type: 'export' }>): void {
    if (m.error !== null || m.data === null || m.filename === null) {
      this.notice = `Export failed: ${m.error ?? 'nothing to export'}`;
      return;
    }
    if (m.encoding === 'html') {
      this.notice = 'PDF export needs the desktop app (the Electron runtime): download the HTML postmortem and print it to PDF from the browser.';
      return;
    }
    const bytes = m.encoding === 'base64' ? Uint8Array.from(atob(m.data), (c) => c.charCodeAt(0)) : m.data;
    this.download({ filename: m.filename, mime: m.mime ?? 'application/octet-stream', bytes });
    this.notice = `Exported ${m.filename}`;
  }
}

/** A file for the user to keep: a link to a blob, clicked (the browser or Electron asks where). */
export function browserDownload(file: { filename: string; mime: string; bytes: Uint8Array | string }): void {
  const blob = new Blob([file.bytes as BlobPart], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
