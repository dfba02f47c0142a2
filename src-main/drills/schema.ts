// The drill scenario format: one zod schema that the loader validates with and that
// scripts/gen-scenario-schema.ts turns into the published resources/scenarios/schema.json.
// Field names are snake_case: trainers write these files by hand.
import { z } from 'zod';

/** The designs of kernel.md §4, by the names the product uses. */
export const DESIGNS = ['rfc-v2', 'longterm-disabled', 'legacy-hang', 'close-blocks', 'fs-reject', 'immutable'] as const;
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const USERS = ['root', 'operator'] as const;
export const SEEDS = ['000', '001', '002', '003', '004'] as const;
export const LAYOUT_OPS = ['truncate', 'allocate', 'punch', 'collapse', 'insert', 'zero', 'cow', 'clone', 'extend'] as const;

const Label = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, { error: 'expected a name of lowercase letters, digits and dashes, starting with a letter' });
const Path = z.string().regex(/^\/\S*$/, { error: 'expected an absolute path (starting with /, no spaces)' }).max(4096);
const Text = z.string().min(1).max(400);
const Markdown = z.string().min(1).max(20000);
const Cost = z.number().int().min(0).max(1000);

/** A virtual duration: seconds as a number, or a string such as `90s`, `10m`, `1h`, `500ms`. */
const DURATION = 'expected a duration: seconds as a number, or a string such as 90s, 10m, 1h';
export const Duration = z
  .union([z.number({ error: DURATION }).min(0).max(86400), z.string().regex(/^\d+(\.\d+)?(ms|s|m|h)$/, { error: DURATION })], { error: DURATION })
  .meta({ description: 'virtual time: seconds, or a number with ms, s, m or h' });
/** A size in bytes, or with a binary suffix as truncate -s takes it: `4096`, `64K`, `1M`, `2G`. */
const SIZE = 'expected a size: bytes as a number, or a string such as 4096, 64K, 1M, 2G';
export const Size = z
  .union([z.number().int().min(0).max(2 ** 40), z.string().regex(/^\d+[KMGT]?$/, { error: SIZE })], { error: SIZE })
  .meta({ description: 'bytes, or a number with K, M, G or T (powers of 1024)' });

/** Which processes a predicate or a penalty means. */
export const Selector = z
  .union(
    [
      z.object({ program: Label.meta({ description: 'the process started for this entry of `programs`' }) }).strict(),
      z.object({ comm: z.string().min(1).max(15).meta({ description: 'any process with this command name' }) }).strict(),
      z.object({ argv: z.string().min(1).max(200).meta({ description: 'any process whose command line contains this text' }) }).strict(),
    ],
    { error: 'expected a process selector: { program: NAME }, { comm: NAME } or { argv: TEXT }' },
  );
export type Selector = z.infer<typeof Selector>;

const MrFilter = z
  .object({
    path: Path.optional().meta({ description: 'the MR covers this file (or device, e.g. /dev/dax2.0)' }),
    under: Path.optional().meta({ description: 'the MR covers a file under this directory' }),
    odp: z.boolean().optional().meta({ description: 'the MR is (true) or is not (false) on-demand paging' }),
  })
  .strict();

const SysctlCheck = z
  .object({ name: z.string().min(1).max(64), value: z.string().max(64).optional(), min: z.number().optional(), max: z.number().optional() })
  .strict();

/** One key per predicate: the closed vocabulary of docs/drills.md. */
const PREDICATE_SHAPES = {
  // Facts of the host at this moment (an objective met now may be lost again).
  no_pins_on: Path.meta({ description: 'no long-term pin is held on the file' }),
  lease_absent: Path.meta({ description: 'no lease of any kind (zombies included) is on the file' }),
  process_alive: Selector.meta({ description: 'a matching process exists and is not a zombie' }),
  process_gone: Selector.meta({ description: 'no matching process is alive' }),
  file_size: z.object({ path: Path, size: Size }).strict().meta({ description: 'the file exists with this size' }),
  mr_registered: MrFilter.meta({ description: 'a memory region matching the filter is registered' }),
  sealed: Path.meta({ description: 'the block map of the file is sealed (xfs_io -c seal, or a MAP_DIRECT mapping)' }),
  pins_consistent: Path.meta({ description: 'no pin on the file holds page copies the file no longer has (page-cache divergence)' }),
  sysctl: SysctlCheck.meta({ description: 'a sysctl has this value, or lies within min/max' }),
  // Things that happened since the drill started (once met, they stay met).
  truncate_succeeded: Path.meta({ description: 'a truncate of the file succeeded (a layout.change event)' }),
  layout_changed: z.object({ path: Path, op: z.enum(LAYOUT_OPS) }).strict().meta({ description: 'a layout change of this kind succeeded on the file' }),
  command_ran: z
    .object({ command: z.string().min(1).max(64), args: z.array(z.string().min(1).max(4096)).max(8).optional() })
    .strict()
    .meta({ description: 'the trainee ran this command (with these arguments among its own)' }),
  // Holds until something goes wrong.
  no_data_divergence: z.literal(true).meta({ description: 'no RDMA pin has diverged from its file since the drill started' }),
} as const;

export type PredicateKey = keyof typeof PREDICATE_SHAPES | 'any_of';
export const PREDICATE_KEYS = [...Object.keys(PREDICATE_SHAPES), 'any_of'] as PredicateKey[];

type Shapes = typeof PREDICATE_SHAPES;
export type Predicate = { [K in keyof Shapes]: { [P in K]: z.infer<Shapes[K]> } }[keyof Shapes] | { any_of: Predicate[] };

export const Predicate: z.ZodType<Predicate> = z
  .union([
    ...Object.entries(PREDICATE_SHAPES).map(([k, v]) => z.object({ [k]: v }).strict()),
    z.object({ any_of: z.array(z.lazy(() => Predicate)).min(2).max(8).meta({ description: 'at least one of these holds' }) }).strict(),
  ])
  .meta({ id: 'Predicate', description: 'a check on the host: exactly one key of the vocabulary' }) as unknown as z.ZodType<Predicate>;

export const PENALTY_KINDS = ['kill', 'divergence', 'signal_init', 'signal_shell', 'policy_change'] as const;
const penalty = <K extends (typeof PENALTY_KINDS)[number], S extends z.ZodRawShape>(on: K, shape: S, description: string) =>
  z.object({ on: z.literal(on), cost: Cost, text: Text.optional(), ...shape }).strict().meta({ description });

export const Penalty = z.discriminatedUnion('on', [
  penalty('kill', { target: Selector }, 'the trainee kills a matching process (it dies of a signal someone sent)'),
  penalty('divergence', {}, 'a layout change by the trainee leaves an RDMA pin holding stale page copies'),
  penalty('signal_init', {}, 'the trainee sends any signal to pid 1'),
  penalty('signal_shell', {}, 'the trainee sends a signal to a shell (bash)'),
  penalty('policy_change', {}, 'the design in force is switched: that changes the host, it does not fix it'),
]);
export type Penalty = z.infer<typeof Penalty>;

const FileSpec = z
  .object({
    path: Path,
    size: Size.optional(),
    content: z.string().max(65536).optional(),
    owner: z.enum(USERS).optional(),
    mode: z.union([z.number().int().min(0).max(0o7777), z.string().regex(/^0?[0-7]{3,4}$/, { error: 'expected a mode such as 0644' })], { error: 'expected a mode such as 0644' }).optional(),
  })
  .strict();

const Program = z
  .object({
    name: Label.meta({ description: 'how objectives and penalties refer to this process' }),
    argv: z.array(z.string().min(1).max(4096)).min(1).max(32).meta({ description: 'program name and arguments, e.g. [rdma-app, --pages=16, /mnt/pmem/log]' }),
    at: Duration.optional().meta({ description: 'virtual time after boot when it starts (default 0)' }),
    user: z.enum(USERS).optional(),
  })
  .strict();

export const Scenario = z
  .object({
    id: Label.optional().meta({ description: 'defaults to the file name without .yaml; must equal it when given' }),
    title: Text,
    summary: Text,
    difficulty: z.enum(DIFFICULTIES),
    policy: z.enum(DESIGNS).meta({ description: 'the design (kernel policy) in force' }),
    trainee: z.enum(USERS).optional().meta({ description: 'who the trainee logs in as (default root)' }),
    time_limit: Duration.meta({ description: 'virtual time the trainee has, from the end of the warm-up' }),
    warmup: Duration.optional().meta({ description: 'virtual time the host runs before the trainee arrives (jobs fail, logs fill); default 0' }),
    host: z
      .object({
        reflink: z.boolean().optional().meta({ description: 'make /mnt/pmem (xfs) with reflink=1' }),
        odp: z.boolean().optional().meta({ description: 'the HCA supports on-demand paging (default true)' }),
        lease_break_time: z.number().int().min(1).max(3600).optional().meta({ description: 'fs.lease-break-time in seconds (default 45)' }),
        default_files: z.boolean().optional().meta({ description: 'make the default files such as /mnt/pmem/foo (default true)' }),
        files: z.array(FileSpec).max(64).optional(),
      })
      .strict()
      .optional(),
    programs: z.array(Program).max(32).optional(),
    briefing: Markdown,
    objectives: z.array(z.object({ id: Label, text: Text, check: Predicate }).strict()).min(1).max(16),
    penalties: z.array(Penalty).max(16).optional(),
    hints: z.array(z.object({ text: z.string().min(1).max(2000), cost: Cost }).strict()).max(8).optional(),
    scoring: z
      .object({ base: z.number().int().min(1).max(1000).optional(), pass: z.number().int().min(0).max(1000).optional() })
      .strict()
      .optional()
      .meta({ description: 'base points (default 100) and the score needed to pass (default 70)' }),
    debrief: Markdown,
    cites: z
      .array(z.object({ seed: z.enum(SEEDS), where: Text }).strict())
      .min(1)
      .max(12)
      .meta({ description: 'the parts of the design discussion (seeds 000-004) the debrief rests on' }),
  })
  .strict()
  .meta({ title: 'pinsim drill scenario', description: 'A drill: a host in trouble, what the trainee must bring about, and how it is scored.' });

export type ScenarioInput = z.infer<typeof Scenario>;
