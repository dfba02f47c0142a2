// The timeline document every export is made from: the JSON export as it is written (schema:
// docs/timeline-schema.md), built from a recorded session and read back from a JSON export.
import { z } from 'zod';
import { MILESTONES, SOURCES, type Milestones } from '../record/stream';
import type { Recorder } from '../record/recorder';
import type { TerminalRecord } from '../record/terminal-log';
import type { SessionInput } from '../record/inputs';
import type { Digest } from '../record/digest';

export const TIMELINE_VERSION = 1;

const Wall = z.string().datetime({ offset: true });
const Moment = z.object({ t: z.number().int().min(0), wall: Wall }).strict();
const Milestone = z.object({ t: z.number().int().min(0), wall: Wall, event: z.string(), derived: z.boolean() }).strict();

export const TimelineEvent = z
  .object({
    id: z.string(),
    t: z.number().int().min(0),
    wall: Wall,
    source: z.enum(SOURCES),
    kind: z.string(),
    text: z.string(),
    pid: z.number().int().nullable(),
    path: z.string().nullable(),
    term: z.string().nullable(),
    seq: z.number().int().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .strict();
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const TimelineTerminal = z
  .object({
    id: z.string(),
    pid: z.number().int(),
    cols: z.number().int(),
    rows: z.number().int(),
    opened: Moment,
    closed: Moment.extend({ status: z.number().int() }).nullable(),
    resizes: z.array(Moment.extend({ cols: z.number().int(), rows: z.number().int() })),
    dropped: z.number().int().min(0),
    output: z.array(Moment.extend({ data: z.string() })),
  })
  .strict();
export type TimelineTerminal = z.infer<typeof TimelineTerminal>;

export const TimelineDoc = z
  .object({
    version: z.number().int().min(1),
    generator: z.string(),
    session: z
      .object({
        hostname: z.string(),
        release: z.string(),
        seed: z.number().int(),
        policy: z.string(),
        policyAtEnd: z.string(),
        scenario: z.string().nullable(),
        started: Moment,
        ended: Moment,
        /** The inputs that replay to this timeline (absent for a script run). */
        inputs: z.array(z.record(z.string(), z.unknown())).optional(),
        digest: z.object({ events: z.number().int(), hash: z.string() }).strict().nullable(),
        script: z.object({ name: z.string(), status: z.number().int() }).strict().optional(),
      })
      .strict(),
    milestones: z.object(Object.fromEntries(MILESTONES.map((m) => [m, Milestone.optional()]))).strict(),
    rootCause: z
      .object({ event: z.string(), path: z.string(), policy: z.string(), verdict: z.string(), why: z.string(), ways: z.array(z.object({ text: z.string(), fixes: z.boolean() }).strict()) })
      .strict()
      .nullable(),
    terminals: z.array(TimelineTerminal),
    events: z.array(TimelineEvent),
  })
  .strict();
export type TimelineDoc = z.infer<typeof TimelineDoc>;

export interface TimelineSource {
  generator: string;
  recorder: Recorder;
  seed: number;
  /** The policy the host booted with. */
  policy: string;
  scenario: string | null;
  logs: readonly { record: TerminalRecord }[];
  inputs?: readonly SessionInput[];
  digest?: Digest | null;
  script?: { name: string; status: number };
}

export const iso = (ms: number): string => new Date(Math.round(ms)).toISOString();

export function buildTimeline(src: TimelineSource): TimelineDoc {
  const { recorder } = src;
  const host = recorder.host;
  const events = recorder.events().map((e) => ({ ...e, wall: iso(e.wall) }));
  const first = events[0];
  const milestones = recorder.effective();
  return {
    version: TIMELINE_VERSION,
    generator: src.generator,
    session: {
      hostname: host.hostname,
      release: host.release,
      seed: src.seed,
      policy: src.policy,
      policyAtEnd: host.policyName,
      scenario: src.scenario,
      started: { t: first?.t ?? 0, wall: first?.wall ?? iso(recorder.wall()) },
      ended: { t: host.now(), wall: iso(recorder.wall()) },
      ...(src.inputs ? { inputs: src.inputs.map((i) => ({ ...i })) } : {}),
      digest: src.digest ?? null,
      ...(src.script ? { script: src.script } : {}),
    },
    milestones: Object.fromEntries(Object.entries(milestones).map(([k, m]) => [k, { t: m.t, wall: iso(m.wall), event: m.event, derived: m.derived }])),
    rootCause: rootCause(recorder, milestones),
    terminals: src.logs.map(({ record: r }) => ({
      id: r.id,
      pid: r.pid,
      cols: r.cols,
      rows: r.rows,
      opened: { t: r.opened.t, wall: iso(r.opened.wall) },
      closed: r.closed ? { t: r.closed.t, wall: iso(r.closed.wall), status: r.closed.status } : null,
      resizes: r.resizes.map((z) => ({ t: z.t, wall: iso(z.wall), cols: z.cols, rows: z.rows })),
      dropped: r.dropped,
      output: r.output.map((c) => ({ t: c.t, wall: iso(c.wall), data: c.data })),
    })),
    events,
  };
}

/** The chain `why` gave when the incident was detected (later the pins may be gone). */
function rootCause(recorder: Recorder, ms: Milestones): TimelineDoc['rootCause'] {
  for (const name of ['detected', 'identified'] as const) {
    const id = ms[name]?.event;
    const item = id ? recorder.get(id) : undefined;
    const fallback = recorder.entries().find((i) => i.kind === `milestone.${name}` && i.data.derived === true);
    const facts = (item?.data.why ? item : fallback)?.data;
    const e = facts?.explanation as { path: string; policy: string; verdict: { text: string }; waysOut: Array<{ text: string; fixes: boolean }> } | undefined;
    if (!e || typeof facts?.why !== 'string') continue;
    return { event: (item?.data.why ? item : fallback)!.id, path: e.path, policy: e.policy, verdict: e.verdict.text, why: facts.why, ways: e.waysOut.map((w) => ({ text: w.text, fixes: w.fixes })) };
  }
  return null;
}

export class TimelineFileError extends Error {}

/** Reads a JSON export back; a newer version or a damaged file is refused with a reason. */
export function parseTimeline(text: string): TimelineDoc {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new TimelineFileError(`not a timeline: the JSON is damaged (${e instanceof Error ? e.message : String(e)})`);
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > TIMELINE_VERSION) {
    throw new TimelineFileError(`this timeline was written by a newer pinsim (version ${version}; this pinsim reads version ${TIMELINE_VERSION})`);
  }
  const r = TimelineDoc.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new TimelineFileError(`damaged timeline: ${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}`);
  }
  return r.data;
}
