// Every shipped drill is solved by its reference solution with full score, through the same
// runtime `pinsim drill run` uses; a drill whose design is missing from the kernel is skipped
// with the design's name, never passed silently.
import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { missingPolicy, play, SHIPPED, solution } from './helpers';

describe('shipped drills', () => {
  test('the library loads without problems', () => {
    expect(SHIPPED.problems).toEqual([]);
    expect(SHIPPED.drills.length).toBeGreaterThanOrEqual(14);
  });

  for (const d of SHIPPED.drills) {
    test(`${d.id} has a reference solution`, () => {
      expect(existsSync(`resources/scenarios/solutions/${d.id}.sh`)).toBe(true);
    });

    const skip = missingPolicy(d);
    test.skipIf(skip !== null)(`${d.id}: the reference solution reaches full score${skip ? ` — SKIPPED: ${skip}` : ''}`, async () => {
      const { run, screen } = await play(d.id, solution(d.id));
      const score = run.score();
      expect(run.status, screen).toBe('complete');
      expect(run.snapshot().penalties).toEqual([]);
      expect(score.total).toBe(d.base);
      expect(score.passed).toBe(true);
      expect(run.snapshot().objectives.every((o) => o.met)).toBe(true);
    });

    test.skipIf(skip !== null)(`${d.id}: doing nothing does not pass${skip ? ` — SKIPPED: ${skip}` : ''}`, async () => {
      const { run } = await play(d.id, '');
      expect(run.status).toBe('timeout');
      expect(run.score().passed).toBe(false);
      expect(run.score().total).toBeLessThan(d.base);
    });
  }
});
