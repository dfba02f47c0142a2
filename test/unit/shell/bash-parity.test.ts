// Differential check: snippets whose real-bash output was recorded must print the same through the interpreter.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ShellInterpreter } from '../../../src-main/shell/interpreter';
import { MemoryFs } from '../../../src-main/shell/memory-fs';
import type { ShellCommand } from '../../../src-main/shell/types';

// Each case is a snippet and what real bash printed for it (see `recordedWith` in the file).
const fixture = JSON.parse(readFileSync(new URL('./fixtures/bash-parity.json', import.meta.url), 'utf8')) as {
  cases: { src: string; out: string; code: number }[];
};

/** Just enough of the tools the snippets pipe through. */
const commands: Record<string, ShellCommand> = {
  cat: async (c) => {
    if (c.argv.length === 1) await c.stdout.write(await c.stdin.readAll());
    for (const f of c.argv.slice(1)) {
      const h = await c.fs.open(f.startsWith('/') ? f : `${c.cwd}/${f}`, 'r');
      for (let d = await h.read(); d !== null; d = await h.read()) await c.stdout.write(d);
    }
    return 0;
  },
  tr: async (c) => (await c.stdout.write((await c.stdin.readAll()).toUpperCase()), 0),
  head: async (c) => (await c.stdin.readAll(), 0),
};

describe('the interpreter prints what bash prints', () => {
  it.each(fixture.cases.map((c, i) => [i, c] as const))('case %i', async (_i, c) => {
    const sh = new ShellInterpreter({
      fs: new MemoryFs(),
      host: { now: () => 0, randomSeed: () => 7, pid: 100, ppid: 1 },
      commands,
      scriptName: 't.sh',
      cwd: '/tmp',
      env: { HOME: '/root', PATH: '/usr/bin:/bin' },
    });
    const r = await sh.run(c.src + '\n');
    expect({ src: c.src, out: r.output.map((o) => o.data).join(''), code: r.exitCode }).toEqual({ src: c.src, out: c.out, code: c.code });
  });
});
