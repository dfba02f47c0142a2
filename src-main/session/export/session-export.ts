// Exports of a running (or replayed) session, as the window asks for them: the timeline formats,
// the session file, and PDF as HTML for a face that can print it.
import type { HostMessage } from '../../protocol/messages';
import type { ExportKind } from '../../protocol/record';
import { digestOf } from '../record/digest';
import type { HostSession } from '../record/host-session';
import { sessionDoc } from '../record/replay';
import { serializeSession, type SessionMeta } from '../record/session-file';
import { toHtml } from './html';
import { baseName, exportTimeline } from './index';
import { buildTimeline, type TimelineDoc } from './timeline';

export type LiveMeta = Omit<SessionMeta, 'host'>;

export function sessionTimeline(s: HostSession, meta: LiveMeta, generator: string): TimelineDoc {
  return buildTimeline({ generator, recorder: s.recorder, seed: meta.seed, policy: meta.policy, scenario: meta.scenario, logs: s.logs, inputs: s.inputs, digest: digestOf(s.recorder) });
}

type ExportMessage = Extract<HostMessage, { type: 'export' }>;

export function exportSession(s: HostSession, meta: LiveMeta, generator: string, format: ExportKind, terminal?: string): ExportMessage {
  const none = { filename: null, mime: null, encoding: null, data: null };
  try {
    if (format === 'session') {
      const doc = sessionDoc(s, meta, generator, s.wall());
      const name = baseName(sessionTimeline(s, meta, generator));
      return { type: 'export', format, filename: `${name}.pinsim-session.json`, mime: 'application/json', encoding: 'utf8', data: serializeSession(doc), error: null };
    }
    const doc = sessionTimeline(s, meta, generator);
    if (format === 'pdf') return { type: 'export', format, filename: `${baseName(doc)}.pdf`, mime: 'application/pdf', encoding: 'html', data: toHtml(doc), error: null };
    const file = exportTimeline(doc, format, terminal);
    return { type: 'export', format, filename: file.filename, mime: file.mime, encoding: 'utf8', data: file.data, error: null };
  } catch (e) {
    return { type: 'export', format, ...none, error: e instanceof Error ? e.message : String(e) };
  }
}
