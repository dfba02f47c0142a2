// The shell's speed budget (console.md): `pinsim script admin-script.sh` at least 4x faster than
// `bash` running the same file on the same machine, start-up included, measured side by side.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Figure } from './measure';

const SCRIPT = fileURLToPath(new URL('./admin-script.sh', import.meta.url));
const PINSIM = fileURLToPath(new URL('../../bin/pinsim.mjs', import.meta.url));
const RUNS = 5;

function wall(cmd: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0 || !r.stdout.endsWith('done\n')) throw new Error(`${cmd} ${args.join(' ')}: status ${r.status}: ${r.stderr || r.stdout}`);
  return ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function adminScript(): Figure[] {
  const bash: number[] = [];
  const pinsim: number[] = [];
  // Alternate so that both see the same machine load.
  for (let i = 0; i < RUNS; i++) {
    bash.push(wall('bash', [SCRIPT]));
    pinsim.push(wall(process.execPath, [PINSIM, 'script', SCRIPT]));
  }
  const b = median(bash);
  const p = median(pinsim);
  const ratio = b / p;
  return [
    { name: 'admin-script.sh (1,000 commands) under bash, median of 5', value: b, unit: 'ms' },
    { name: 'admin-script.sh under pinsim script, start-up included', value: p, unit: 'ms' },
    { name: 'pinsim script speed-up over bash', value: ratio, unit: 'x', budget: '>= 4x', ok: ratio >= 4 },
  ];
}
