// The one event stream of a session as its readers get it: kernel events, shell commands, console
// actions, milestones and annotations, each on virtual time (ns) and wall time (ms since the epoch).

import { MILESTONES, SOURCES, type MilestoneName } from '../../protocol/record';

export { MILESTONES, SOURCES, type MilestoneName };
export type Source = (typeof SOURCES)[number];

export interface RecordEvent {
  /** Stable across replays: `k<seq>` for a kernel event, `r<n>` for everything the session adds. */
  id: string;
  t: number;
  wall: number;
  source: Source;
  /** The kernel's kind (`layout.refused`), or `shell.command`, `console.signal`, `milestone.detected`, `annotation`. */
  kind: string;
  text: string;
  pid: number | null;
  path: string | null;
  /** The terminal a shell command ran in. */
  term: string | null;
  /** The kernel event's sequence number (kernel events only). */
  seq: number | null;
  /** The kernel payload, or the command's line, output and status, or the milestone's facts. */
  data: Record<string, unknown>;
}

/** Where an effective milestone stands: the marked one wins over the derived one. */
export interface Milestone {
  name: MilestoneName;
  t: number;
  wall: number;
  /** The stream entry that marks it. */
  event: string;
  derived: boolean;
}

export type Milestones = Partial<Record<MilestoneName, Milestone>>;
