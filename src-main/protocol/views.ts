// Rows of the console's panels as they cross the boundary: projections of host state made on the
// simulation side and pushed to the window as keyed deltas (docs/decisions/0012).
import { z } from 'zod';

const Int = z.number().int();
const Pid = Int.min(0);
const Text = z.string().max(4096);

export const PANEL_SIGNALS = ['SIGTERM', 'SIGKILL', 'SIGSTOP', 'SIGCONT'] as const;
export const PanelSignal = z.enum(PANEL_SIGNALS);
export type PanelSignal = z.infer<typeof PanelSignal>;

/** What the kernel would do with each console signal, as this process stands now. */
const SignalEffect = z.enum(['terminate', 'ignore', 'handler', 'stop', 'continue']);

/** An RDMA context the process holds by fd, and who else holds the same open file. */
const RdmaHold = z
  .object({ fd: Int, ctx: Int, mrs: Int, pins: Int, pinnedPages: Int, sharedWith: z.array(Pid).max(64) })
  .strict();

export const ProcessRow = z
  .object({
    pid: Pid,
    ppid: Pid,
    uid: Int,
    user: Text,
    state: z.enum(['R', 'S', 'D', 'T', 'Z']),
    wchan: Text,
    comm: Text,
    command: Text,
    tty: Text,
    start: z.number(),
    effects: z.record(PanelSignal, SignalEffect),
    rdma: z.array(RdmaHold).max(64),
    /** Leases whose owning open file this process holds by fd. */
    leases: z.array(Int).max(64),
  })
  .strict();
export type ProcessRow = z.infer<typeof ProcessRow>;

export const LeaseKind = z.enum(['LAYOUT EXCLUSIVE', 'LAYOUT', 'READ', 'WRITE']);
export const LeaseStateName = z.enum(['ACTIVE', 'BREAKING', 'ZOMBIE']);

/** One entry of /proc/<pid>/file_pins split by page range, with the MRs and lease behind it. */
export const FilePinRow = z
  .object({
    key: Text,
    pid: Pid,
    comm: Text,
    /** Owning fd, or null for an mm-owned pin. */
    fd: Int.nullable(),
    owner: Text,
    ctx: Int.nullable(),
    file: Text,
    dev: Text,
    ino: Int,
    first: Int,
    last: Int,
    mrs: z.array(Int).max(16),
    mrCount: Int,
    lease: Int.nullable(),
    leaseState: LeaseStateName.nullable(),
  })
  .strict();
export type FilePinRow = z.infer<typeof FilePinRow>;

export const LeaseRow = z
  .object({
    id: Int,
    file: Text,
    dev: Text,
    ino: Int,
    kind: LeaseKind,
    pid: Pid,
    fd: Int,
    ownerAlive: z.boolean(),
    state: LeaseStateName,
    /** Virtual ns when a BREAKING lease is revoked. */
    deadline: z.number().nullable(),
    pins: Int,
    breakers: z.array(Pid).max(64),
  })
  .strict();
export type LeaseRow = z.infer<typeof LeaseRow>;

/** refused: failed at once; waiting: sleeping in the kernel; the rest are how entries end. */
export const BlockedStatus = z.enum(['refused', 'waiting', 'clear', 'done', 'failed', 'gone']);
export type BlockedStatus = z.infer<typeof BlockedStatus>;

export const BlockedRow = z
  .object({
    id: Int,
    kind: z.enum(['refused', 'waiting']),
    status: BlockedStatus,
    op: Text,
    path: Text,
    pid: Pid,
    comm: Text,
    /** Refused: when; waiting: since when (virtual ns). */
    t: z.number(),
    errno: Text.nullable(),
    message: Text,
    reason: Text,
    wchan: Text.nullable(),
    /** What stands in the way now: pins (pid, MR) and exclusive layout leases. */
    pins: z.array(z.object({ pid: Pid, mr: Int, first: Int, last: Int }).strict()).max(32),
    pinCount: Int,
    leases: z.array(Int).max(16),
    /** When it ended (virtual ns). */
    resolvedAt: z.number().nullable(),
    retryable: z.boolean(),
  })
  .strict();
export type BlockedRow = z.infer<typeof BlockedRow>;

export const TimelineEntry = z
  .object({
    id: Int,
    /** The kernel event's sequence number; null for console actions. */
    seq: Int.nullable(),
    t: z.number(),
    kind: Text,
    pid: Pid.nullable(),
    path: Text.nullable(),
    text: Text,
    /** The console action whose unwind this entry belongs to. */
    action: Int.nullable(),
  })
  .strict();
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const ClockInfo = z
  .object({
    now: z.number(),
    speed: z.number(),
    next: z.number().nullable(),
    policy: Text,
    policies: z.array(Text).max(32),
    scenario: Text.nullable(),
  })
  .strict();
export type ClockInfo = z.infer<typeof ClockInfo>;

/** A keyed delta: rows to add or replace and keys to drop; `reset` replaces the whole table. */
function delta<T extends z.ZodType, K extends z.ZodType>(row: T, key: K) {
  return z.object({ reset: z.boolean(), upsert: z.array(row), remove: z.array(key) }).strict();
}

export const ViewsUpdate = z
  .object({
    processes: delta(ProcessRow, Pid).optional(),
    filePins: delta(FilePinRow, Text).optional(),
    leases: delta(LeaseRow, Int).optional(),
    blocked: delta(BlockedRow, Int).optional(),
    clock: ClockInfo.optional(),
  })
  .strict();
export type ViewsUpdate = z.infer<typeof ViewsUpdate>;
export type ViewName = Exclude<keyof ViewsUpdate, 'clock'>;
export type Delta<R, K> = { reset: boolean; upsert: R[]; remove: K[] };

/**
 * The shell's `why` as data (host/explain): verdict, causal chain, ways out. Not strict, and kinds
 * are open strings: the explain module may grow without the window dropping its answers.
 */
export const Explanation = z
  .object({
    path: Text,
    policy: Text,
    verdict: z.object({ kind: Text, errno: Text.optional(), text: Text }),
    links: z
      .array(
        z
          .object({
            kind: Text,
            text: Text,
            detail: z.array(Text).max(64).optional(),
            pid: Int.optional(),
            fd: Int.optional(),
            mr: Int.optional(),
            lease: Int.optional(),
          }),
      )
      .max(256),
    waysOut: z
      .array(
        z
          .object({
            action: Text,
            text: Text,
            command: Text.optional(),
            pid: Int.optional(),
            fd: Int.optional(),
            mr: Int.optional(),
            fixes: z.boolean(),
          }),
      )
      .max(64),
  });
export type Explanation = z.infer<typeof Explanation>;
