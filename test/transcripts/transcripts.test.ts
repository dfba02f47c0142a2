// Transcript tests: each `NAME.sh` under test/transcripts runs through `pinsim script` (in
// process) and must print exactly `NAME.out`. A first line `# pinsim: --policy P --seed N
// --reflink --no-odp` passes those options. Set PINSIM_UPDATE_TRANSCRIPTS=1 to write missing .out files.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runScript } from '../../src-main/session/script';
import type { HostSetup } from '../../src-main/host';

const ROOT = import.meta.dirname;

function scripts(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((n) => {
      const p = join(dir, n);
      // designs/ holds one script per situation, run under every policy by designs.test.ts.
      if (p === join(ROOT, 'designs')) return [];
      return statSync(p).isDirectory() ? scripts(p) : n.endsWith('.sh') ? [p] : [];
    })
    .sort();
}

type HeaderOptions = { policy?: string; seed?: number; setup?: HostSetup };

/** `# pinsim: --policy P --seed N --reflink --no-odp`, as `pinsim script` takes them. */
function options(text: string): HeaderOptions {
  const m = /^# pinsim:(.*)$/m.exec(text.split('\n')[0] ?? '');
  if (!m) return {};
  const o: HeaderOptions = {};
  const words = m[1]!.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--policy') o.policy = words[++i]!;
    else if (w === '--seed') o.seed = Number(words[++i]);
    else if (w === '--reflink') o.setup = { ...o.setup, reflink: true };
    else if (w === '--no-odp') o.setup = { ...o.setup, odp: false };
    else throw new Error(`unknown option in the # pinsim: header: ${w}`);
  }
  return o;
}

export async function transcript(file: string): Promise<{ out: string; status: number }> {
  const text = readFileSync(file, 'utf8');
  let out = '';
  const status = await runScript(text, {
    ...options(text),
    name: relative(ROOT, file),
    write: (s) => (out += s),
    stderr: (s) => (out += s),
  });
  return { out: out + `[exit ${status}]\n`, status };
}

describe('transcripts', () => {
  for (const file of scripts(ROOT)) {
    const expected = file.replace(/\.sh$/, '.out');
    it(relative(ROOT, file), async () => {
      const { out } = await transcript(file);
      if (!existsSync(expected) && process.env.PINSIM_UPDATE_TRANSCRIPTS) writeFileSync(expected, out);
      expect(out).toBe(readFileSync(expected, 'utf8'));
    });
  }
});
