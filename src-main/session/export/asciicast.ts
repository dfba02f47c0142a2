// One terminal as an asciicast v2 recording (what asciinema plays): a header line, then
// [time, "o", data] for output, [time, "r", "COLSxROWS"] for resizes and [time, "m", label] markers
// at the incident's milestones. Times are seconds of wall time since the terminal opened.
import { MILESTONES } from '../record/stream';
import type { TimelineDoc, TimelineTerminal } from './timeline';

export class CastError extends Error {}

/** The terminal by id, or by number from 1 in the order they opened. */
export function pickTerminal(doc: TimelineDoc, which: string | undefined): TimelineTerminal {
  if (doc.terminals.length === 0) throw new CastError('the session has no terminal to export');
  if (which === undefined) return doc.terminals[0]!;
  const byId = doc.terminals.find((t) => t.id === which || t.id.endsWith(`x${which}`));
  const n = /^\d+$/.test(which) ? doc.terminals[Number(which) - 1] : undefined;
  const t = byId ?? n;
  if (!t) throw new CastError(`no terminal ${which}: the session has ${doc.terminals.map((x, i) => `${i + 1} (${x.id})`).join(', ')}`);
  return t;
}

const ms = (iso: string): number => Date.parse(iso);
const secs = (n: number): number => Math.round(n * 1e3) / 1e6;

export function toCast(doc: TimelineDoc, term: TimelineTerminal): string {
  const start = ms(term.opened.wall);
  const end = term.closed ? ms(term.closed.wall) : ms(doc.session.ended.wall);
  const at = (iso: string) => secs(Math.max(0, ms(iso) - start));
  const header = {
    version: 2,
    width: term.cols,
    height: term.rows,
    timestamp: Math.floor(start / 1000),
    title: `${doc.session.hostname} ${term.id} (pid ${term.pid})`,
    env: { SHELL: '/bin/bash', TERM: 'xterm-256color' },
  };
  type Line = [number, 'o' | 'r' | 'm', string, number];
  const lines: Line[] = [];
  let order = 0;
  for (const c of term.output) lines.push([at(c.wall), 'o', c.data, order++]);
  for (const r of term.resizes) lines.push([at(r.wall), 'r', `${r.cols}x${r.rows}`, order++]);
  for (const name of MILESTONES) {
    const m = doc.milestones[name];
    if (!m) continue;
    const w = ms(m.wall);
    if (w <= end) lines.push([at(m.wall), 'm', name, order++]);
  }
  lines.sort((a, b) => a[0] - b[0] || a[3] - b[3]);
  return [JSON.stringify(header), ...lines.map(([t, k, d]) => JSON.stringify([t, k, d]))].join('\n') + '\n';
}
