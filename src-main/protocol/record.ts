// The session's event stream, exports, replays and saved sessions as they cross the boundary
// (the kernel's own events travel as timeline entries, views.ts).
import { z } from 'zod';
import { FilePinRow, LeaseRow, ProcessRow } from './views';

const Int = z.number().int();
const Text = z.string().max(4096);

export const SOURCES = ['kernel', 'shell', 'console', 'milestone', 'annotation'] as const;
export const MILESTONES = ['started', 'detected', 'identified', 'mitigated', 'resolved'] as const;
export const MilestoneName = z.enum(MILESTONES);
export type MilestoneName = z.infer<typeof MilestoneName>;

/** `k<seq>` for a kernel event, `r<n>` for an entry of the session's own. */
export const EventRef = z.string().regex(/^[kr][0-9]{1,15}$/);
export const NoteText = z.string().min(1).max(4096);
export const SessionId = z.string().regex(/^[A-Za-z0-9._-]{1,80}$/);
export const EXPORT_KINDS = ['md', 'html', 'json', 'csv', 'cast', 'pdf', 'session'] as const;
export const ExportKind = z.enum(EXPORT_KINDS);
export type ExportKind = z.infer<typeof ExportKind>;

/** An entry the session adds to the kernel's events: a command, an annotation, a milestone. */
export const RecordEntry = z
  .object({
    id: EventRef,
    /** The seq of the kernel event it follows (0: before them all). */
    after: Int.min(0),
    t: z.number(),
    wall: z.number(),
    source: z.enum(SOURCES),
    kind: Text,
    text: Text,
    pid: Int.nullable(),
    path: Text.nullable(),
    term: Text.nullable(),
    /** A command's output (plain text, cut to 64 KiB). */
    detail: z.string().max(65536).nullable(),
    status: Int.nullable(),
    milestone: MilestoneName.nullable(),
    derived: z.boolean().nullable(),
  })
  .strict();
export type RecordEntry = z.infer<typeof RecordEntry>;

export const MilestoneInfo = z.object({ t: z.number(), event: EventRef, derived: z.boolean() }).strict();
export const MilestonesInfo = z.object(Object.fromEntries(MILESTONES.map((m) => [m, MilestoneInfo.optional()]))).strict();
export type MilestonesInfo = Partial<Record<MilestoneName, z.infer<typeof MilestoneInfo>>>;

/** A journalled session that did not end cleanly. */
export const RestoreOffer = z
  .object({ id: SessionId, started: z.number(), saved: z.number(), inputs: Int, commands: z.array(Text).max(8), error: Text.nullable() })
  .strict();
export type RestoreOffer = z.infer<typeof RestoreOffer>;

/** The host as it stood at virtual time `t`, rebuilt by replay in a host of its own. */
export const ScrubState = z
  .object({ processes: z.array(ProcessRow), filePins: z.array(FilePinRow), leases: z.array(LeaseRow) })
  .strict();
export type ScrubState = z.infer<typeof ScrubState>;
