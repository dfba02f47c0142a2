// The postmortem as document blocks, rendered by the Markdown and HTML exports alike: summary,
// impact, root cause chain (as `why` gave it), timeline table, resolution, the times to detect,
// mitigate and resolve, and action items.
import { MILESTONES } from '../record/stream';
import type { TimelineDoc, TimelineEvent } from './timeline';
import { clockTime, duration, offset, wallDate } from './time-format';

export type Block =
  | { kind: 'h'; level: 1 | 2; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'ul'; items: string[]; check?: boolean }
  | { kind: 'table'; head: string[]; rows: string[][]; tone?: Array<string | null> }
  | { kind: 'pre'; text: string };

/** Kernel events a reader of a postmortem needs; the rest (forks, fds, mappings) stay in the JSON. */
const NOTABLE = new Set(['layout.change', 'layout.refused', 'lease.set', 'lease.break', 'lease.zombie', 'lease.release', 'rdma.mr', 'rdma.mr.refused', 'rdma.context.release', 'pin.take', 'pin.release', 'data.divergence', 'policy.switch']);
export const TABLE_LIMIT = 400;

export function notable(e: TimelineEvent): boolean {
  if (e.source !== 'kernel') return true;
  if (NOTABLE.has(e.kind)) return true;
  if (e.kind === 'signal') return e.data.sig !== 'SIGCHLD';
  return e.kind === 'process.exit' && typeof e.data.sig === 'string';
}

const SOURCE_LABEL: Record<string, string> = { kernel: 'kernel', shell: 'shell', console: 'console', milestone: 'milestone', annotation: 'note' };

export function report(doc: TimelineDoc): Block[] {
  const s = doc.session;
  const ms = doc.milestones;
  const start = ms.started?.t ?? s.started.t;
  const rows = doc.events.filter(notable);
  const shown = rows.slice(0, TABLE_LIMIT);
  const blocks: Block[] = [
    { kind: 'h', level: 1, text: `Postmortem: ${incidentTitle(doc)}` },
    { kind: 'p', text: `Host ${s.hostname} (${s.release}), policy ${s.policy}${s.policyAtEnd !== s.policy ? ` (${s.policyAtEnd} at the end)` : ''}, seed ${s.seed}, scenario ${s.scenario ?? 'none'}. Session from ${wallDate(s.started.wall)} to ${wallDate(s.ended.wall)} (${duration(s.ended.t - s.started.t)} of virtual time).` },
    { kind: 'h', level: 2, text: 'Summary' },
    { kind: 'p', text: summary(doc) },
    { kind: 'h', level: 2, text: 'Impact' },
    { kind: 'ul', items: impact(doc) },
    { kind: 'h', level: 2, text: 'Root cause chain' },
    doc.rootCause
      ? { kind: 'pre', text: doc.rootCause.why.trimEnd() }
      : { kind: 'p', text: 'No layout change was refused, so `why` was not taken at a failure.' },
    { kind: 'h', level: 2, text: 'Time to detect, mitigate, resolve' },
    {
      kind: 'table',
      head: ['Milestone', 'Virtual time', 'Wall time', 'Since start', 'How'],
      rows: MILESTONES.map((m) => {
        const x = ms[m];
        return x ? [m, offset(x.t), clockTime(x.wall), duration(x.t - start), x.derived ? 'derived' : 'marked'] : [m, '—', '—', '—', 'not reached'];
      }),
    },
    { kind: 'h', level: 2, text: 'Timeline' },
    {
      kind: 'table',
      head: ['Virtual time', 'Wall time', 'Source', 'Event', 'What happened'],
      rows: shown.map((e) => [offset(e.t), clockTime(e.wall), SOURCE_LABEL[e.source] ?? e.source, e.kind, e.text]),
      tone: shown.map((e) => (e.source === 'milestone' ? 'milestone' : e.kind === 'layout.refused' ? 'bad' : e.source === 'annotation' ? 'note' : null)),
    },
  ];
  if (rows.length > shown.length) blocks.push({ kind: 'p', text: `${rows.length - shown.length} more events are in the JSON export.` });
  blocks.push({ kind: 'p', text: `${doc.events.length} events in all; process and file descriptor events are left out of this table and kept in the JSON and CSV exports.` });
  blocks.push({ kind: 'h', level: 2, text: 'Resolution' }, { kind: 'ul', items: resolution(doc) });
  blocks.push({ kind: 'h', level: 2, text: 'Action items' }, { kind: 'ul', items: actionItems(doc), check: true });
  return blocks;
}

function incidentTitle(doc: TimelineDoc): string {
  const d = detectedEvent(doc);
  return d ? `${String(d.data.path ?? '')} (${String(d.data.errno ?? '')})` : `session on ${doc.session.hostname}`;
}

function detectedEvent(doc: TimelineDoc): TimelineEvent | undefined {
  const id = doc.milestones.detected?.event;
  return id ? doc.events.find((e) => e.id === id) : undefined;
}

function summary(doc: TimelineDoc): string {
  const ms = doc.milestones;
  const d = detectedEvent(doc);
  if (!ms.detected) return 'No layout change was refused during this session: nothing was detected.';
  const what = d?.data.path ? `a layout change of ${String(d.data.path)} failed with ${String(d.data.errno ?? 'an error')}` : 'the incident was marked as detected';
  const parts = [`At ${offset(ms.detected.t)} ${what}.`];
  if (doc.rootCause) parts.push(`\`why\` said: ${doc.rootCause.verdict}`);
  if (ms.identified) parts.push(`The cause was identified at ${offset(ms.identified.t)}.`);
  parts.push(ms.mitigated ? `It was mitigated at ${offset(ms.mitigated.t)}` : 'It was not mitigated during the session');
  parts[parts.length - 1] += ms.resolved ? ` and resolved at ${offset(ms.resolved.t)}.` : ms.mitigated ? ', and not resolved.' : '.';
  return parts.join(' ');
}

function impact(doc: TimelineDoc): string[] {
  const refused = doc.events.filter((e) => e.kind === 'layout.refused');
  const byErrno = new Map<string, number>();
  for (const e of refused) byErrno.set(String(e.data.errno), (byErrno.get(String(e.data.errno)) ?? 0) + 1);
  const files = [...new Set(refused.map((e) => e.path ?? '?'))];
  const out: string[] = [];
  out.push(refused.length === 0 ? 'No layout change was refused.' : `${refused.length} layout change${refused.length === 1 ? ' was' : 's were'} refused (${[...byErrno].map(([k, v]) => `${k} ×${v}`).join(', ')}) on ${files.join(', ')}.`);
  const killed = doc.events.filter((e) => e.kind === 'process.exit' && typeof e.data.sig === 'string');
  if (killed.length > 0) out.push(`Processes ended by a signal: ${killed.map((e) => `pid ${e.pid} (${String(e.data.sig)})`).join(', ')}.`);
  const diverged = doc.events.filter((e) => e.kind === 'data.divergence');
  if (diverged.length > 0) out.push(`Data divergence: ${diverged.length} event${diverged.length === 1 ? '' : 's'} (${[...new Set(diverged.map((e) => e.path))].join(', ')}).`);
  const ms = doc.milestones;
  if (ms.detected) out.push(`The file was blocked for ${ms.mitigated ? duration(ms.mitigated.t - ms.detected.t) : `the rest of the session (${duration(doc.session.ended.t - ms.detected.t)})`} from detection.`);
  return out;
}

function resolution(doc: TimelineDoc): string[] {
  const ms = doc.milestones;
  const from = ms.detected?.t ?? 0;
  const to = ms.resolved?.t ?? doc.session.ended.t;
  const acts = doc.events.filter((e) => (e.source === 'console' || e.source === 'shell') && e.t >= from && e.t <= to);
  const ends = (['mitigated', 'resolved'] as const).flatMap((m) => doc.events.filter((ev) => ev.id === ms[m]?.event));
  const out = [...acts, ...ends]
    .sort((a, b) => a.t - b.t)
    .map((e) => `${offset(e.t)} ${e.source === 'shell' ? `ran \`${String(e.data.line ?? e.text)}\` (exit ${String(e.data.status ?? '?')})` : e.text}`);
  return out.length > 0 ? out : ['Nothing was done after detection during this session.'];
}

const ACTION = /^\s*(?:todo|action|ai)\s*:\s*|^\s*\[\s?\]\s*/i;

function actionItems(doc: TimelineDoc): string[] {
  const noted = doc.events.filter((e) => e.source === 'annotation' && ACTION.test(e.text)).map((e) => e.text.replace(ACTION, ''));
  const ways = (doc.rootCause?.ways ?? []).filter((w) => w.fixes).map((w) => `Review the way out \`why\` named: ${w.text}`);
  const items = [...noted, ...ways];
  return items.length > 0 ? items : ['None recorded (annotations that start with "TODO:" become action items).'];
}
