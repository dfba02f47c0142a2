// A validated scenario with its units resolved: what the runtime, the host setup and the faces use.
import type { Penalty, Predicate, ScenarioInput } from './schema';

export const NS_PER_SEC = 1_000_000_000;

export interface DrillFile {
  path: string;
  size?: number;
  content?: string;
  uid?: number;
  mode?: number;
}

export interface DrillProgram {
  name: string;
  argv: string[];
  /** Virtual ns after boot. */
  at: number;
  uid: number;
}

export interface Drill {
  id: string;
  /** Where it was read from, as errors name it. */
  file: string;
  source: 'shipped' | 'user';
  title: string;
  summary: string;
  difficulty: ScenarioInput['difficulty'];
  policy: ScenarioInput['policy'];
  trainee: 'root' | 'operator';
  /** Virtual ns the trainee has. */
  timeLimit: number;
  /** Virtual ns the host runs before the trainee arrives. */
  warmup: number;
  host: { reflink?: boolean; odp?: boolean; leaseBreakTime?: number; defaultFiles?: boolean; files: DrillFile[] };
  programs: DrillProgram[];
  briefing: string;
  objectives: Array<{ id: string; text: string; check: Predicate }>;
  penalties: Penalty[];
  hints: Array<{ text: string; cost: number }>;
  base: number;
  pass: number;
  debrief: string;
  cites: Array<{ seed: string; where: string }>;
}

const UID = { root: 0, operator: 1000 } as const;
const UNIT_NS = { ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 } as const;
const UNIT_BYTES = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 } as const;

/** `90s` → ns; a bare number is seconds. */
export function durationNs(d: number | string): number {
  if (typeof d === 'number') return Math.round(d * NS_PER_SEC);
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(d)!;
  return Math.round(Number(m[1]) * UNIT_NS[m[2] as keyof typeof UNIT_NS]);
}

/** `64M` → bytes (powers of 1024, as truncate -s reads them). */
export function sizeBytes(s: number | string): number {
  if (typeof s === 'number') return s;
  const m = /^(\d+)([KMGT]?)$/.exec(s)!;
  return Number(m[1]) * UNIT_BYTES[m[2] as keyof typeof UNIT_BYTES];
}

export function uidOf(user: 'root' | 'operator' | undefined): number {
  return UID[user ?? 'root'];
}

export function toDrill(s: ScenarioInput, id: string, file: string, source: Drill['source']): Drill {
  const h = s.host ?? {};
  return {
    id,
    file,
    source,
    title: s.title,
    summary: s.summary,
    difficulty: s.difficulty,
    policy: s.policy,
    trainee: s.trainee ?? 'root',
    timeLimit: durationNs(s.time_limit),
    warmup: durationNs(s.warmup ?? 0),
    host: {
      ...(h.reflink !== undefined ? { reflink: h.reflink } : {}),
      ...(h.odp !== undefined ? { odp: h.odp } : {}),
      ...(h.lease_break_time !== undefined ? { leaseBreakTime: h.lease_break_time } : {}),
      ...(h.default_files !== undefined ? { defaultFiles: h.default_files } : {}),
      files: (h.files ?? []).map((f) => ({
        path: f.path,
        ...(f.size !== undefined ? { size: sizeBytes(f.size) } : {}),
        ...(f.content !== undefined ? { content: f.content } : {}),
        ...(f.owner !== undefined ? { uid: uidOf(f.owner) } : {}),
        ...(f.mode !== undefined ? { mode: typeof f.mode === 'number' ? f.mode : parseInt(f.mode, 8) } : {}),
      })),
    },
    programs: (s.programs ?? []).map((p) => ({ name: p.name, argv: p.argv, at: durationNs(p.at ?? 0), uid: uidOf(p.user) })),
    briefing: s.briefing,
    objectives: s.objectives,
    penalties: s.penalties ?? [],
    hints: s.hints ?? [],
    base: s.scoring?.base ?? 100,
    pass: s.scoring?.pass ?? 70,
    debrief: s.debrief,
    cites: s.cites,
  };
}
