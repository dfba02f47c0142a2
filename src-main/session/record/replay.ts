// Deterministic replay: a fresh host of the same seed and policy, and the recorded inputs applied
// in order, each at its virtual time, with the shells' loop turns let go up to the count each
// input saw. Wall times in a replay come from the inputs' own (between two, virtual time elapses).
import { digestOf } from './digest';
import { settled } from './gate';
import { HostSession, type HostSessionOptions } from './host-session';
import { SESSION_FORMAT, SESSION_VERSION, type SessionDoc, type SessionMeta } from './session-file';

export interface ReplayOptions {
  /** Stop at this virtual time (the state then), instead of after the last input. */
  until?: number;
  emit?: HostSessionOptions['emit'];
  notes?: HostSessionOptions['notes'];
  /** Checked between inputs: a newer scrub makes an older one stop. */
  cancelled?: () => boolean;
}

export class ReplayCancelled extends Error {}

export async function replay(doc: SessionDoc, o: ReplayOptions = {}): Promise<HostSession> {
  const at = { t: 0, wall: doc.started };
  // Wall time between two inputs: the last input's, plus the virtual time elapsed since.
  const ref: { s?: HostSession } = {};
  const s = new HostSession({
    seed: doc.seed,
    policy: doc.policy,
    scenario: doc.scenario,
    benchHost: doc.benchHost ?? null,
    mode: 'replay',
    wall: () => at.wall + ((ref.s?.host.now() ?? at.t) - at.t) / 1e6,
    emit: o.emit ?? (() => undefined),
    ...(o.notes ? { notes: o.notes } : {}),
  });
  ref.s = s;
  try {
    for (const input of doc.inputs) {
      if (o.until !== undefined && input.t > o.until) break;
      if (o.cancelled?.()) throw new ReplayCancelled('replay cancelled');
      // Inputs applied in one turn live are applied in one turn here: no promise runs between.
      if (!input.same) await settled();
      await s.gate.releaseTo(input.y);
      if (input.t > s.host.now()) s.host.advance(input.t - s.host.now());
      at.t = input.t;
      at.wall = input.wall;
      s.perform(input);
    }
    await settled();
    if (o.until !== undefined && o.until > s.host.now()) {
      s.host.advance(o.until - s.host.now());
      await settled();
    }
  } catch (e) {
    s.dispose();
    throw e;
  }
  return s;
}

/** The session as a file: what it booted with and every input so far. */
export function sessionDoc(s: HostSession, meta: Omit<SessionMeta, 'host'>, generator: string, saved: number, withDigest = true): SessionDoc {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    generator,
    ...meta,
    host: { hostname: s.host.hostname, release: s.host.release },
    saved,
    inputs: [...s.inputs],
    digest: withDigest ? digestOf(s.recorder) : null,
  };
}
