// The session file: seed, scenario, policy and every input with its virtual time (annotations
// are inputs too). Opening one replays it; a file from a newer pinsim or a damaged one is refused
// with a message that says which, before anything is replaced.
import { parseInput, type SessionInput } from './inputs';
import { BENCH_HOSTS, type BenchHost } from '../bench-host';
import type { Digest } from './digest';

export const SESSION_FORMAT = 'pinsim-session';
export const SESSION_VERSION = 1;

export interface SessionMeta {
  seed: number;
  policy: string;
  scenario: string | null;
  /** The benchmark host the session was built on, if any. */
  benchHost?: BenchHost | null;
  host: { hostname: string; release: string };
  /** Wall time (ms since the epoch) when the session began. */
  started: number;
}

export interface SessionDoc extends SessionMeta {
  format: typeof SESSION_FORMAT;
  version: number;
  generator: string;
  saved: number;
  inputs: SessionInput[];
  /** The event log the inputs made when they were recorded. */
  digest: Digest | null;
}

export class SessionFileError extends Error {}

/** One input per line: a diff of two sessions reads as a diff of what was done. */
export function serializeSession(doc: SessionDoc): string {
  const { inputs, ...head } = doc;
  const top = JSON.stringify(head, null, 1).replace(/\n}$/, '');
  const lines = inputs.map((i) => `  ${JSON.stringify(i)}`).join(',\n');
  return `${top},\n "inputs": [\n${lines}${inputs.length ? '\n' : ''} ]\n}\n`;
}

type Obj = Record<string, unknown>;

/** Reads a session file, or a timeline JSON export (it carries the session that made it). */
export function parseSession(text: string): SessionDoc {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new SessionFileError(`not a session file: the JSON is damaged (${e instanceof Error ? e.message : String(e)})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new SessionFileError('not a session file: expected a JSON object');
  const o = raw as Obj;
  if (o.format !== SESSION_FORMAT && isTimeline(o)) return fromTimeline(o);
  if (o.format !== SESSION_FORMAT) throw new SessionFileError(`not a session file: "format" is not "${SESSION_FORMAT}"`);
  return checked(o, o.version, o.inputs);
}

function isTimeline(o: Obj): boolean {
  return typeof o.version === 'number' && typeof o.session === 'object' && o.session !== null && Array.isArray(o.events);
}

function fromTimeline(o: Obj): SessionDoc {
  const s = o.session as Obj;
  if (!Array.isArray(s.inputs)) throw new SessionFileError('this timeline carries no session inputs (a script run): it can be exported again, not replayed');
  const wall = (m: unknown) => Date.parse(String((m as Obj | null)?.wall ?? '')) || 0;
  const doc = { ...s, host: { hostname: s.hostname, release: s.release }, generator: o.generator, started: wall(s.started), saved: wall(s.ended) };
  return checked(doc, o.version, s.inputs, 'timeline');
}

function checked(o: Obj, version: unknown, rawInputs: unknown, what = 'session'): SessionDoc {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new SessionFileError(`damaged ${what} file: "version" must be a whole number from 1`);
  if (version > SESSION_VERSION) {
    throw new SessionFileError(`this ${what} file was written by a newer pinsim (format version ${version}; this pinsim reads version ${SESSION_VERSION}): update pinsim to open it`);
  }
  const bad = (field: string, want: string) => new SessionFileError(`damaged ${what} file: "${field}" must be ${want}`);
  if (typeof o.seed !== 'number' || !Number.isInteger(o.seed) || o.seed < 0) throw bad('seed', 'a whole number');
  if (typeof o.policy !== 'string' || o.policy === '') throw bad('policy', 'a policy name');
  if (o.scenario !== null && o.scenario !== undefined && typeof o.scenario !== 'string') throw bad('scenario', 'a name or null');
  if (!Array.isArray(rawInputs)) throw bad('inputs', 'an array');
  const inputs: SessionInput[] = [];
  for (const [i, r] of rawInputs.entries()) {
    const p = parseInput(r);
    if (!p.ok) throw new SessionFileError(`damaged ${what} file: input ${i + 1}: ${p.error}`);
    const prev = inputs[inputs.length - 1];
    if (prev && (p.value.n <= prev.n || p.value.t < prev.t)) throw new SessionFileError(`damaged ${what} file: input ${i + 1} (n ${p.value.n}) is out of order`);
    inputs.push(p.value);
  }
  const host = (o.host ?? {}) as Obj;
  const digest = o.digest as Digest | null | undefined;
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    generator: typeof o.generator === 'string' ? o.generator : 'unknown',
    seed: o.seed,
    policy: o.policy,
    scenario: typeof o.scenario === 'string' ? o.scenario : null,
    ...(BENCH_HOSTS.some((b) => b === o.benchHost) ? { benchHost: o.benchHost as BenchHost } : {}),
    host: { hostname: String(host.hostname ?? ''), release: String(host.release ?? '') },
    started: typeof o.started === 'number' ? o.started : (inputs[0]?.wall ?? 0),
    saved: typeof o.saved === 'number' ? o.saved : 0,
    inputs,
    digest: digest && typeof digest.events === 'number' && typeof digest.hash === 'string' ? { events: digest.events, hash: digest.hash } : null,
  };
}
