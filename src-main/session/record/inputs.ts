// Inputs of a session: everything from outside that changes the host or the event stream, stamped
// with the moment it was applied. A session is its seed, policy and these inputs; replaying them
// in order, each at its virtual time, rebuilds the same host and the same event log.
import { z } from 'zod';
import { PanelSignal } from '../../protocol/views';
import { EventRef, MILESTONES, NoteText } from '../../protocol/record';

const TermId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/);
const Size = { cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(1000) };

/** What each input does, without its stamp. */
export const InputBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('term.open'), term: TermId, ...Size }).strict(),
  z.object({ type: z.literal('term.input'), term: TermId, data: z.string().max(65536) }).strict(),
  z.object({ type: z.literal('term.resize'), term: TermId, ...Size }).strict(),
  z.object({ type: z.literal('term.close'), term: TermId }).strict(),
  /** A restored terminal taken over by a window's tab of another id. */
  z.object({ type: z.literal('term.rename'), term: TermId, to: TermId }).strict(),
  z.object({ type: z.literal('proc.signal'), pid: z.number().int().min(1), signal: PanelSignal }).strict(),
  z.object({ type: z.literal('clock.set'), speed: z.number().min(0).max(1000) }).strict(),
  z.object({ type: z.literal('clock.step') }).strict(),
  /** Virtual time moved while something was running: timers fired or a shell loop was busy. */
  z.object({ type: z.literal('tick') }).strict(),
  z.object({ type: z.literal('policy.set'), policy: z.string().max(64) }).strict(),
  /** The blocked operation as it stood when Retry was pressed, so a replay needs no panel. */
  z
    .object({ type: z.literal('layout.retry'), op: z.string().max(32), path: z.string().max(4096), offset: z.number().int().nullable(), length: z.number().int().nullable() })
    .strict(),
  z.object({ type: z.literal('why.query'), path: z.string().min(1).max(4096) }).strict(),
  z.object({ type: z.literal('annotate'), text: NoteText, at: EventRef.nullable() }).strict(),
  z.object({ type: z.literal('annotate.edit'), id: EventRef, text: NoteText }).strict(),
  z.object({ type: z.literal('milestone'), name: z.enum(MILESTONES), at: EventRef.nullable() }).strict(),
]);
export type InputBody = z.infer<typeof InputBody>;

/**
 * n: position (from 1); t: virtual ns; wall: ms since the epoch; y: shell yields that had ended;
 * same: applied in the same turn of the event loop as the input before (no promise ran between).
 */
const Stamp = z.object({ n: z.number().int().min(1), t: z.number().int().min(0), wall: z.number(), y: z.number().int().min(0), same: z.literal(true).optional() });
export type Stamp = z.infer<typeof Stamp>;
export type SessionInput = Stamp & InputBody;

/** Checks one stamped input; the error names the field at fault. */
export function parseInput(raw: unknown): { ok: true; value: SessionInput } | { ok: false; error: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'not an object' };
  const { n, t, wall, y, same, ...rest } = raw as Record<string, unknown>;
  const stamp = Stamp.safeParse({ n, t, wall, y, ...(same === undefined ? {} : { same }) });
  const body = InputBody.safeParse(rest);
  const bad = !stamp.success ? stamp.error.issues[0] : !body.success ? body.error.issues[0] : undefined;
  if (bad || !stamp.success || !body.success) return { ok: false, error: `${bad?.path.join('.') || 'input'}: ${bad?.message ?? 'invalid'}` };
  return { ok: true, value: { ...stamp.data, ...body.data } };
}

/** Inputs that only read (why) or only annotate still count: they change the event stream. */
export function isSubstantial(input: InputBody): boolean {
  return input.type !== 'tick' && input.type !== 'term.resize';
}
