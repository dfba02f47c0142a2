// The one message contract between the simulation and its faces (Electron IPC, WebSocket, CLI).
// Every message crossing a process or network boundary is parsed with these schemas first.
import { z } from 'zod';
import { Explanation, PanelSignal, TimelineEntry, ViewsUpdate } from './views';
import { EventRef, ExportKind, MilestoneName, MilestonesInfo, NoteText, RecordEntry, RestoreOffer, ScrubState, SessionId } from './record';
import { DrillClientMessages, DrillHostMessages } from './drills';
import { TERM_ID } from './term-frame';

export const PROTOCOL_VERSION = 1;

const TermId = z.string().regex(TERM_ID);
const Cols = z.number().int().min(2).max(1000);
const Rows = z.number().int().min(1).max(1000);
/** One keystroke burst or paste; large pastes are split by the client. */
const InputData = z.string().max(65536);
/** A saved session file opened from the window. */
export const SESSION_TEXT_MAX = 32 << 20;

export const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('term.open'), term: TermId, cols: Cols, rows: Rows }).strict(),
  z.object({ type: z.literal('term.input'), term: TermId, data: InputData }).strict(),
  z.object({ type: z.literal('term.resize'), term: TermId, cols: Cols, rows: Rows }).strict(),
  z.object({ type: z.literal('term.close'), term: TermId }).strict(),
  /** The window holding the terminal went away: keep its shell for the next window to take over. */
  z.object({ type: z.literal('term.detach'), term: TermId }).strict(),
  // Flow control: the window drew this many more characters of the terminal's output (0 to opt in).
  z.object({ type: z.literal('term.ack'), term: TermId, chars: z.number().int().min(0).max(2 ** 31) }).strict(),
  // The console's panels: a full snapshot on subscribe, pushed deltas after that.
  z.object({ type: z.literal('views.subscribe') }).strict(),
  // Admin actions, performed on the host as root and shown on the timeline.
  z.object({ type: z.literal('proc.signal'), pid: z.number().int().min(1), signal: PanelSignal }).strict(),
  z.object({ type: z.literal('clock.set'), speed: z.number().min(0).max(1000) }).strict(),
  z.object({ type: z.literal('clock.step') }).strict(),
  z.object({ type: z.literal('policy.set'), policy: z.string().max(64) }).strict(),
  z.object({ type: z.literal('layout.retry'), id: z.number().int().min(1) }).strict(),
  z.object({ type: z.literal('why.query'), path: z.string().min(1).max(4096) }).strict(),
  // The incident timeline: annotations, milestones, exports, the state at a past moment.
  z.object({ type: z.literal('timeline.annotate'), text: NoteText, at: EventRef.nullable() }).strict(),
  z.object({ type: z.literal('timeline.annotation.edit'), id: EventRef, text: NoteText }).strict(),
  z.object({ type: z.literal('timeline.milestone'), name: MilestoneName, at: EventRef.nullable() }).strict(),
  z.object({ type: z.literal('timeline.export'), format: ExportKind, terminal: TermId.optional() }).strict(),
  /** null: back to the live host. */
  z.object({ type: z.literal('timeline.scrub'), t: z.number().min(0).nullable() }).strict(),
  // Sessions: open a saved one, restore or discard one that crashed.
  z.object({ type: z.literal('session.open'), name: z.string().max(255), text: z.string().max(SESSION_TEXT_MAX) }).strict(),
  z.object({ type: z.literal('session.restore'), id: SessionId }).strict(),
  z.object({ type: z.literal('session.discard'), id: SessionId }).strict(),
  // Drills: the catalogue, start one (a new host), a hint, reset, give up.
  ...DrillClientMessages,
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const HostMessage = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('ready'),
      protocol: z.literal(PROTOCOL_VERSION),
      hostname: z.string(),
      release: z.string(),
      policy: z.string(),
      seed: z.number().int(),
    })
    .strict(),
  z.object({ type: z.literal('term.opened'), term: TermId, pid: z.number().int() }).strict(),
  // Text, or in a browser its UTF-8 bytes from a binary frame (term-frame.ts) with the text's length.
  z.object({ type: z.literal('term.output'), term: TermId, data: z.union([z.string(), z.instanceof(Uint8Array)]), chars: z.number().int().min(0).optional() }).strict(),
  z.object({ type: z.literal('term.exit'), term: TermId, code: z.number().int() }).strict(),
  z.object({ type: z.literal('error'), message: z.string() }).strict(),
  z.object({ type: z.literal('views'), views: ViewsUpdate }).strict(),
  z
    .object({ type: z.literal('why'), path: z.string(), explanation: Explanation.nullable(), error: z.string().nullable() })
    .strict(),
  z.object({ type: z.literal('timeline'), reset: z.boolean(), entries: z.array(TimelineEntry) }).strict(),
  z
    .object({
      type: z.literal('action.result'),
      /** The console action's number; timeline entries of its unwind carry it. */
      id: z.number().int(),
      action: z.string(),
      ok: z.boolean(),
      message: z.string(),
      pid: z.number().int().nullable(),
    })
    .strict(),
  /** The session's own stream entries (commands, annotations, milestones), keyed, as they change. */
  z.object({ type: z.literal('record'), reset: z.boolean(), upsert: z.array(RecordEntry), remove: z.array(EventRef), milestones: MilestonesInfo }).strict(),
  z
    .object({
      type: z.literal('export'),
      format: ExportKind,
      filename: z.string().nullable(),
      mime: z.string().nullable(),
      /** pdf: `html` until a face that can print made it `base64`. */
      encoding: z.enum(['utf8', 'base64', 'html']).nullable(),
      data: z.string().nullable(),
      error: z.string().nullable(),
    })
    .strict(),
  z.object({ type: z.literal('scrub'), t: z.number().nullable(), state: ScrubState.nullable(), error: z.string().nullable() }).strict(),
  z.object({ type: z.literal('restore.offer'), offer: RestoreOffer.nullable() }).strict(),
  z.object({ type: z.literal('session.result'), action: z.enum(['open', 'restore', 'discard']), ok: z.boolean(), message: z.string() }).strict(),
  ...DrillHostMessages,
]);
export type HostMessage = z.infer<typeof HostMessage>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

function parseWith<T>(schema: z.ZodType<T>, raw: unknown): ParseResult<T> {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, error: `invalid message${where}: ${issue?.message ?? 'unknown problem'}` };
}

/** Validates anything that arrives from a face (IPC payload, WebSocket frame, CLI). */
export function parseClientMessage(raw: unknown): ParseResult<ClientMessage> {
  return parseWith(ClientMessage, raw);
}

/** Validates what the simulation sends back; faces use it on untrusted transports. */
export function parseHostMessage(raw: unknown): ParseResult<HostMessage> {
  return parseWith(HostMessage, raw);
}

/** Parses a JSON text frame (WebSocket) without ever throwing. */
export function parseClientFrame(text: string): ParseResult<ClientMessage> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'invalid message: not JSON' };
  }
  return parseClientMessage(raw);
}
