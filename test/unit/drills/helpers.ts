// Shared by the drill tests: the shipped library, solution scripts, and a headless run.
import { readFileSync } from 'node:fs';
import { createHost } from '../../../src-main/host';
import { loadLibrary } from '../../../src-main/drills/library';
import { runHeadless } from '../../../src-main/drills/headless';
import type { Drill } from '../../../src-main/drills/drill';
import type { DrillRun } from '../../../src-main/drills/run';

/** The shipped drills only: no trainer folder leaks into the tests. */
export const SHIPPED = loadLibrary({ PINSIM_SCENARIOS_DIR: '/nonexistent/pinsim-test' });

export function shipped(id: string): Drill {
  const d = SHIPPED.drills.find((x) => x.id === id);
  if (!d) throw new Error(`no shipped drill ${id}`);
  return d;
}

export function solution(id: string): string {
  return readFileSync(`resources/scenarios/solutions/${id}.sh`, 'utf8');
}

const available = new Set(createHost().policies());

/** Why a drill cannot run on this build: its design is not in the kernel yet (null when it can). */
export function missingPolicy(d: Drill): string | null {
  return available.has(d.policy) ? null : `policy ${d.policy} is not in this build's kernel (host.policies())`;
}

export async function play(id: string, answers: string): Promise<{ run: DrillRun; screen: string }> {
  let screen = '';
  const run = await runHeadless(shipped(id), answers, { write: (s) => (screen += s) });
  return { run, screen };
}
