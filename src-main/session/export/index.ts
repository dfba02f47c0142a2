// Exports of a timeline by format: what the window downloads and `pinsim export` writes.
import { toCast, pickTerminal } from './asciicast';
import { toCsv } from './csv';
import { toHtml } from './html';
import { toMarkdown } from './markdown';
import type { TimelineDoc } from './timeline';

import type { ExportFormat } from './formats';

export { EXPORT_FORMATS, formatOf, type ExportFormat } from './formats';

export interface ExportFile {
  filename: string;
  mime: string;
  data: string;
}

const MIME: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  cast: 'application/x-asciicast',
};

/** pinsim-HOST-20240501T100003Z: the host and when the session started (UTC). */
export function baseName(doc: TimelineDoc): string {
  const stamp = doc.session.started.wall.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `pinsim-${doc.session.hostname}-${stamp}`;
}

export function exportTimeline(doc: TimelineDoc, format: ExportFormat, terminal?: string): ExportFile {
  const base = baseName(doc);
  switch (format) {
    case 'md':
      return { filename: `${base}.md`, mime: MIME.md, data: toMarkdown(doc) };
    case 'html':
      return { filename: `${base}.html`, mime: MIME.html, data: toHtml(doc) };
    case 'json':
      return { filename: `${base}.json`, mime: MIME.json, data: `${JSON.stringify(doc, null, 1)}\n` };
    case 'csv':
      return { filename: `${base}.csv`, mime: MIME.csv, data: toCsv(doc) };
    case 'cast': {
      const term = pickTerminal(doc, terminal);
      return { filename: `${base}-${term.id}.cast`, mime: MIME.cast, data: toCast(doc, term) };
    }
  }
}
