// The score of a drill: the base for the objectives met (a share of it when not all are), minus
// the hints taken and the penalties incurred; a drill is passed when every objective was met
// and the score reaches the pass mark.
import type { Incurred } from './penalties';

export type Outcome = 'complete' | 'timeout' | 'gave-up';

export interface ScoreLine {
  label: string;
  points: number;
}

export interface Score {
  total: number;
  pass: number;
  passed: boolean;
  lines: ScoreLine[];
}

export interface ScoreInput {
  base: number;
  pass: number;
  met: number;
  objectives: number;
  hints: readonly number[];
  penalties: readonly Incurred[];
  outcome: Outcome;
}

export function scoreOf(s: ScoreInput): Score {
  const earned = Math.round((s.base * s.met) / Math.max(1, s.objectives));
  const lines: ScoreLine[] = [{ label: `objectives met: ${s.met} of ${s.objectives}`, points: earned }];
  s.hints.forEach((cost, i) => lines.push({ label: `hint ${i + 1}`, points: -cost }));
  for (const p of s.penalties) lines.push({ label: `penalty: ${p.text}${p.pid !== null ? ` (pid ${p.pid})` : ''}`, points: -p.cost });
  const total = Math.max(0, lines.reduce((sum, l) => sum + l.points, 0));
  return { total, pass: s.pass, passed: s.outcome === 'complete' && s.met === s.objectives && total >= s.pass, lines };
}

/** The breakdown as the terminal prints it. */
export function renderScore(score: Score, outcome: Outcome): string {
  const width = Math.max(...score.lines.map((l) => l.label.length), 5);
  const sign = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
  const rows = score.lines.map((l) => `  ${l.label.padEnd(width)}  ${sign(l.points).padStart(5)}\n`);
  const end = { complete: 'all objectives met', timeout: 'time limit reached', 'gave-up': 'gave up' }[outcome];
  return [`Score (${end}):\n`, ...rows, `  ${'total'.padEnd(width)}  ${String(score.total).padStart(5)}\n`, `  ${score.passed ? 'PASSED' : 'NOT PASSED'} (pass mark ${score.pass})\n`].join('');
}
