// Drills in the window: the catalogue, starting a drill (a new host in place of the live one),
// hints, reset, give up, and the drill's state pushed as it changes. Milestones also go to the
// session's own stream, so that the exported timeline keeps the assessment.
import type { HostMessage } from '../protocol/messages';
import type { DrillState, DrillSummary } from '../protocol/drills';
import type { Host } from '../host';
import type { BootedHost } from '../session/boot';
import type { Drill } from './drill';
import { findDrill, loadLibrary } from './library';
import { formatProblem } from './problems';
import { DrillRun, type DrillMilestone } from './run';
import { seedTitle } from './seeds';

type DrillMessage = { type: 'drill.list' } | { type: 'drill.start'; id: string } | { type: 'drill.hint' } | { type: 'drill.reset' } | { type: 'drill.giveup' };

export interface DrillHooks {
  emit(message: HostMessage): void;
  /** Boots the drill's host in place of the live one; the window's terminals reopen on it. */
  replace(drill: Drill): BootedHost;
  /** The live host now (another action may have replaced it since the drill started). */
  host(): Host;
  /** Keeps a milestone in the session's own event stream (`drill.start`, `drill.objective.met`, …). */
  note(kind: string, text: string, data: Record<string, unknown>): void;
}

/** How often the time limit is checked while the host runs in real time. */
const TICK_MS = 250;

export function summary(d: Drill): DrillSummary {
  return { id: d.id, title: d.title, summary: d.summary, difficulty: d.difficulty, policy: d.policy, source: d.source, timeLimit: d.timeLimit };
}

export function drillState(run: DrillRun): DrillState {
  const d = run.drill;
  const s = run.snapshot();
  return {
    id: d.id,
    title: d.title,
    difficulty: d.difficulty,
    policy: d.policy,
    briefing: d.briefing,
    status: s.status,
    started: s.started,
    deadline: s.deadline,
    ended: s.ended,
    objectives: s.objectives,
    hints: s.hints,
    penalties: s.penalties.map((p) => ({ text: p.text, cost: p.cost, t: p.t, pid: p.pid })),
    score: s.score,
    debrief: s.status === 'running' ? null : d.debrief,
    cites: d.cites.map((c) => ({ seed: c.seed, title: seedTitle(c.seed), where: c.where })),
  };
}

export class DrillConsole {
  private run: DrillRun | null = null;
  private host: Host | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly hooks: DrillHooks,
    private readonly env: Record<string, string | undefined> = process.env,
  ) {}

  handle(m: DrillMessage): void {
    switch (m.type) {
      case 'drill.list':
        return this.catalog();
      case 'drill.start':
        return this.start(m.id);
      case 'drill.reset':
        return this.run ? this.start(this.run.drill.id) : this.notice('no drill to reset');
      case 'drill.hint':
        if (!this.current()?.hint()) return this.notice(this.run?.status === 'running' ? 'no hint left' : 'no drill is running');
        return this.push();
      case 'drill.giveup':
        if (this.current()?.status !== 'running') return this.notice('no drill is running');
        this.run!.giveUp();
        return this.push();
    }
  }

  dispose(): void {
    this.stop();
  }

  private catalog(): void {
    const lib = loadLibrary(this.env);
    this.hooks.emit({ type: 'drill.catalog', drills: lib.drills.map(summary), problems: lib.problems.map(formatProblem), userDir: lib.userDir });
    this.push();
  }

  private start(id: string): void {
    const d = findDrill(loadLibrary(this.env), id);
    if ('error' in d) return this.notice(d.error);
    this.stop();
    let booted: BootedHost;
    try {
      booted = this.hooks.replace(d);
    } catch (e) {
      return this.notice(`drill ${id} could not start: ${e instanceof Error ? e.message : String(e)}`);
    }
    const run = new DrillRun(d, booted.host, booted.scenario);
    this.run = run;
    this.host = booted.host;
    for (const m of run.milestones) this.milestone(m);
    run.onMilestone((m) => {
      this.milestone(m);
      if (m.kind === 'drill.end' && this.timer) clearInterval(this.timer);
      this.push();
    });
    this.timer = setInterval(() => this.current()?.check(), TICK_MS);
    this.timer.unref?.();
    this.push();
  }

  /** The run, if its host is still the live one; a host replaced by something else ends it. */
  private current(): DrillRun | null {
    if (this.run && this.host !== this.hooks.host()) {
      this.stop();
      this.push();
    }
    return this.run;
  }

  private milestone(m: DrillMilestone): void {
    const kind = m.kind.startsWith('drill.') ? m.kind : `drill.${m.kind}`;
    this.hooks.note(kind, m.text, { drill: this.run?.drill.id ?? null, objective: m.objective ?? null, points: m.points ?? null });
  }

  private push(notice: string | null = null): void {
    this.hooks.emit({ type: 'drill.state', state: this.run ? drillState(this.run) : null, notice });
  }

  private notice(text: string): void {
    this.push(text);
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.run?.dispose();
    this.run = null;
    this.host = null;
  }
}
