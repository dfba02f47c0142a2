// Every event of the stream as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a
// comma, a quote, CR or LF, quotes doubled), one header row.
import type { TimelineDoc } from './timeline';

const HEAD = ['id', 't_ns', 'time_s', 'wall', 'source', 'kind', 'pid', 'path', 'term', 'text'];

export function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(doc: TimelineDoc): string {
  const rows = doc.events.map((e) => [e.id, e.t, (e.t / 1e9).toFixed(9), e.wall, e.source, e.kind, e.pid, e.path, e.term, e.text]);
  return [HEAD, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
