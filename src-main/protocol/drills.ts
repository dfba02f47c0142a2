// Drills as they cross the boundary: the catalogue, a running drill's state, and the trainee's
// actions (start, hint, reset, give up). The format of the scenario files is src-main/drills/schema.ts.
import { z } from 'zod';

const Text = z.string().max(20000);
const Id = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);

export const DrillSummary = z
  .object({
    id: Id,
    title: Text,
    summary: Text,
    difficulty: z.enum(['easy', 'medium', 'hard']),
    policy: z.string().max(64),
    source: z.enum(['shipped', 'user']),
    /** Virtual ns the trainee has. */
    timeLimit: z.number().min(0),
  })
  .strict();
export type DrillSummary = z.infer<typeof DrillSummary>;

export const DrillStatus = z.enum(['running', 'complete', 'timeout', 'gave-up']);

export const DrillState = z
  .object({
    id: Id,
    title: Text,
    difficulty: z.enum(['easy', 'medium', 'hard']),
    policy: z.string().max(64),
    /** Markdown. */
    briefing: Text,
    status: DrillStatus,
    /** Virtual ns: when the trainee got the host, when time is up, when it ended. */
    started: z.number(),
    deadline: z.number(),
    ended: z.number().nullable(),
    objectives: z.array(z.object({ id: Id, text: Text, met: z.boolean() }).strict()).max(16),
    hints: z
      .object({ revealed: z.array(z.object({ text: Text, cost: z.number().int() }).strict()).max(8), left: z.number().int().min(0), nextCost: z.number().int().nullable() })
      .strict(),
    penalties: z.array(z.object({ text: Text, cost: z.number().int(), t: z.number(), pid: z.number().int().nullable() }).strict()).max(64),
    score: z
      .object({ total: z.number().int(), pass: z.number().int(), passed: z.boolean(), lines: z.array(z.object({ label: Text, points: z.number().int() }).strict()).max(128) })
      .strict()
      .nullable(),
    /** Markdown, once the drill is over. */
    debrief: Text.nullable(),
    cites: z.array(z.object({ seed: z.string().max(8), title: Text, where: Text }).strict()).max(12),
  })
  .strict();
export type DrillState = z.infer<typeof DrillState>;

export const DrillClientMessages = [
  z.object({ type: z.literal('drill.list') }).strict(),
  z.object({ type: z.literal('drill.start'), id: Id }).strict(),
  z.object({ type: z.literal('drill.hint') }).strict(),
  /** The same drill again, on a fresh host. */
  z.object({ type: z.literal('drill.reset') }).strict(),
  z.object({ type: z.literal('drill.giveup') }).strict(),
] as const;

export const DrillHostMessages = [
  /** `problems`: one line per broken or clashing scenario file (file:line:column: what is wrong). */
  z.object({ type: z.literal('drill.catalog'), drills: z.array(DrillSummary).max(500), problems: z.array(Text).max(500), userDir: Text }).strict(),
  /** null: no drill (any more); `notice`: why an action did nothing. */
  z.object({ type: z.literal('drill.state'), state: DrillState.nullable(), notice: Text.nullable() }).strict(),
] as const;
