// A drill being played on a host: watches the host's events, ticks the objectives as the host
// changes, charges hints and penalties, and ends on all objectives met, the time limit or give-up.
// Milestones go to listeners (the console, the incident timeline, the headless runner).
import type { Host, HostEvent } from '../host';
import type { Drill } from './drill';
import type { ScenarioRun } from './setup';
import { Probe } from './probe';
import { History, holds } from './predicates';
import { PenaltyWatch, type Incurred } from './penalties';
import { scoreOf, type Outcome, type Score } from './score';

export type DrillStatus = 'running' | Outcome;

export type MilestoneKind = 'drill.start' | 'objective.met' | 'objective.lost' | 'hint' | 'penalty' | 'drill.end';

/** One step of the drill as the timeline records it; `t` is virtual ns. */
export interface DrillMilestone {
  kind: MilestoneKind;
  t: number;
  text: string;
  objective?: string;
  points?: number;
}

export interface DrillSnapshot {
  id: string;
  title: string;
  status: DrillStatus;
  started: number;
  deadline: number;
  ended: number | null;
  objectives: Array<{ id: string; text: string; met: boolean }>;
  hints: { revealed: Array<{ text: string; cost: number }>; left: number; nextCost: number | null };
  penalties: Incurred[];
  score: Score | null;
}

/** What is kept of a run with the session: commands, timings, hints, penalties, score. */
export interface AssessmentRecord {
  drill: string;
  policy: string;
  outcome: DrillStatus;
  started: number;
  ended: number | null;
  commands: Array<{ t: number; argv: string[] }>;
  hints: Array<{ t: number; cost: number }>;
  penalties: Incurred[];
  milestones: DrillMilestone[];
  score: Score | null;
}

export class DrillRun {
  readonly started: number;
  readonly deadline: number;
  status: DrillStatus = 'running';
  ended: number | null = null;
  readonly milestones: DrillMilestone[] = [];
  private readonly met: boolean[];
  private readonly history = new History();
  private readonly probe: Probe;
  private readonly penaltyWatch: PenaltyWatch;
  private readonly incurred: Incurred[] = [];
  private readonly hintsTaken: Array<{ t: number; cost: number }> = [];
  private readonly listeners = new Set<(m: DrillMilestone) => void>();
  private readonly sub: { dispose(): void };
  private dirty = false;
  private lastT: number;

  constructor(
    readonly drill: Drill,
    private readonly host: Host,
    scenario: ScenarioRun | undefined,
  ) {
    this.started = this.lastT = host.now();
    this.deadline = this.started + drill.timeLimit;
    this.probe = new Probe(host, (name) => scenario?.pids.get(name));
    const trainee = (pid: number) => pid > 1 && !(scenario?.family.has(pid) ?? false);
    this.penaltyWatch = new PenaltyWatch(drill.penalties, this.probe, trainee);
    this.met = drill.objectives.map(() => false);
    this.sub = host.onEvent((e) => this.observe(e, trainee));
    this.emit({ kind: 'drill.start', t: this.started, text: `drill ${drill.id} started: ${drill.title}` });
    this.evaluate();
  }

  /** Hears every milestone from now on; returns the unsubscribe function. */
  onMilestone(listener: (m: DrillMilestone) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-checks the objectives and the time limit now (the clock moved, a command finished). */
  check(): void {
    if (this.status !== 'running') return;
    this.evaluate();
    if (this.status === 'running' && this.host.now() >= this.deadline) this.finish('timeout', this.deadline);
  }

  /** Reveals the next hint at its cost, or null when none is left (or the drill is over). */
  hint(): { text: string; cost: number } | null {
    const next = this.drill.hints[this.hintsTaken.length];
    if (!next || this.status !== 'running') return null;
    const t = this.host.now();
    this.hintsTaken.push({ t, cost: next.cost });
    this.emit({ kind: 'hint', t, text: `hint ${this.hintsTaken.length} revealed (−${next.cost})`, points: -next.cost });
    return next;
  }

  giveUp(): void {
    if (this.status === 'running') this.finish('gave-up', this.host.now());
  }

  dispose(): void {
    this.sub.dispose();
    this.listeners.clear();
  }

  score(): Score {
    const outcome: Outcome = this.status === 'running' ? 'gave-up' : this.status;
    return scoreOf({
      base: this.drill.base,
      pass: this.drill.pass,
      met: this.met.filter(Boolean).length,
      objectives: this.met.length,
      hints: this.hintsTaken.map((h) => h.cost),
      penalties: this.incurred,
      outcome,
    });
  }

  snapshot(): DrillSnapshot {
    const d = this.drill;
    const taken = this.hintsTaken.length;
    return {
      id: d.id,
      title: d.title,
      status: this.status,
      started: this.started,
      deadline: this.deadline,
      ended: this.ended,
      objectives: d.objectives.map((o, i) => ({ id: o.id, text: o.text, met: this.met[i]! })),
      hints: { revealed: d.hints.slice(0, taken), left: d.hints.length - taken, nextCost: d.hints[taken]?.cost ?? null },
      penalties: [...this.incurred],
      score: this.status === 'running' ? null : this.score(),
    };
  }

  record(): AssessmentRecord {
    return {
      drill: this.drill.id,
      policy: this.drill.policy,
      outcome: this.status,
      started: this.started,
      ended: this.ended,
      commands: [...this.history.commands],
      hints: [...this.hintsTaken],
      penalties: [...this.incurred],
      milestones: [...this.milestones],
      score: this.status === 'running' ? null : this.score(),
    };
  }

  private observe(e: HostEvent, trainee: (pid: number) => boolean): void {
    if (this.status !== 'running') return;
    if (e.t > this.deadline) {
      // Time ran out before this event: judge the host as it stood then.
      this.evaluate();
      if (this.status === 'running') this.finish('timeout', this.deadline);
      return;
    }
    this.lastT = e.t;
    this.history.observe(e, trainee);
    for (const p of this.penaltyWatch.observe(e)) {
      this.incurred.push(p);
      this.emit({ kind: 'penalty', t: p.t, text: `penalty: ${p.text} (−${p.cost})`, points: -p.cost });
    }
    // Judge once the kernel has finished what it is doing: never a state halfway through a call.
    if (!this.dirty) {
      this.dirty = true;
      queueMicrotask(() => this.evaluate());
    }
  }

  private evaluate(): void {
    this.dirty = false;
    if (this.status !== 'running') return;
    const t = Math.max(this.lastT, this.host.now());
    this.drill.objectives.forEach((o, i) => {
      const now = holds(o.check, this.probe, this.history);
      if (now === this.met[i]) return;
      this.met[i] = now;
      this.emit({ kind: now ? 'objective.met' : 'objective.lost', t, objective: o.id, text: `${now ? 'objective met' : 'objective lost'}: ${o.text}` });
    });
    if (this.met.every(Boolean)) this.finish('complete', t);
  }

  private finish(outcome: Outcome, t: number): void {
    this.status = outcome;
    this.ended = t;
    const s = this.score();
    this.emit({ kind: 'drill.end', t, text: `drill ${this.drill.id} ended (${outcome}): score ${s.total}, ${s.passed ? 'passed' : 'not passed'}`, points: s.total });
  }

  private emit(m: DrillMilestone): void {
    this.milestones.push(m);
    for (const l of this.listeners) l(m);
  }
}
