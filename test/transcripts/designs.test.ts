// The comparison of designs (docs/designs.md): every situation script in designs/ runs under every
// policy and must print exactly designs/SITUATION.POLICY.out (PINSIM_UPDATE_TRANSCRIPTS=1 writes
// missing ones); the page must be what scripts/gen-designs.ts makes of those transcripts.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScript } from '../../src-main/session/script';
import { createHost, type HostSetup } from '../../src-main/host';
import { cell, DESIGNS_DIR, DESIGNS_DOC, outPath, POLICIES, renderDesigns, SITUATIONS } from '../../scripts/gen-designs';

const SCRIPTS = readdirSync(DESIGNS_DIR)
  .filter((n) => n.endsWith('.sh'))
  .map((n) => n.slice(0, -3))
  .sort();

/** A situation is the same under every design: its header may set up the host, never the policy. */
function setupOf(text: string): HostSetup {
  const m = /^# pinsim:(.*)$/.exec(text.split('\n')[0] ?? '');
  const setup: HostSetup = {};
  for (const w of m ? m[1]!.trim().split(/\s+/) : []) {
    if (w === '--reflink') setup.reflink = true;
    else if (w === '--no-odp') setup.odp = false;
    else throw new Error(`designs/ scripts take only --reflink and --no-odp in their header, not ${w}`);
  }
  return setup;
}

async function run(id: string, policy: string): Promise<string> {
  const text = readFileSync(join(DESIGNS_DIR, `${id}.sh`), 'utf8');
  let out = '';
  const status = await runScript(text, { name: `designs/${id}.sh`, policy, setup: setupOf(text), write: (s) => (out += s), stderr: (s) => (out += s) });
  return out + `[exit ${status}]\n`;
}

describe('designs: each situation under each policy', () => {
  for (const id of SCRIPTS) {
    for (const policy of POLICIES) {
      it(`${id} under ${policy}`, async () => {
        const out = await run(id, policy);
        const expected = outPath(id, policy);
        if (!existsSync(expected) && process.env.PINSIM_UPDATE_TRANSCRIPTS) writeFileSync(expected, out);
        expect(out).toBe(readFileSync(expected, 'utf8'));
      });
    }
  }
});

describe('docs/designs.md', () => {
  it('has one row per situation script and one column per design of the host', () => {
    expect(SITUATIONS.map((s) => s.id).sort()).toEqual(SCRIPTS);
    expect(POLICIES).toEqual(createHost().policies());
    expect(POLICIES).toHaveLength(6);
  });

  it('is what scripts/gen-designs.ts makes of the transcripts (npm run docs:designs)', () => {
    expect(readFileSync(DESIGNS_DOC, 'utf8')).toBe(renderDesigns((id, p) => readFileSync(outPath(id, p), 'utf8')));
  });

  it('reads the outcome that the transcript shows, and refuses one it cannot read', () => {
    const [truncate, close] = [SITUATIONS.find((s) => s.id === 'truncate')!, SITUATIONS.find((s) => s.id === 'close')!];
    const pin = 'rdma-app[3]: ibv_reg_mr 16 pages at 0x7f3abfff0000: MR 1, lkey 0x1\n';
    expect(cell(truncate, `${pin}truncate: failed to truncate '/f' at 0 bytes: Text file busy\ntruncate: status 1\n`)).toBe('truncate ETXTBSY');
    expect(cell(truncate, `${pin}    6 S+   xfs_break_dax_layouts    truncate -s 0 /f\ntruncate: status 124\n`)).toBe('truncate hangs (S, xfs_break_dax_layouts)');
    expect(cell(truncate, 'rdma-app[3]: ibv_reg_mr: Operation not supported\ntruncate: status 0\n')).toBe('no pin (EOPNOTSUPP); truncate succeeds');
    const closed = `${pin}rdma-app[3]: close fd 3: waiting\n    3 S    locks_remove_lease       rdma-app --close-after-pin /f\ntruncate: status 0\n`;
    expect(cell(close, closed)).toBe('close blocks (S, locks_remove_lease); truncate succeeds');
    expect(() => cell(truncate, `${pin}truncate: status 124\n`)).toThrow(/no error or wait/);
    expect(() => cell(truncate, 'truncate: status 0\n')).toThrow(/registration/);
    expect(() => cell(close, `${pin}truncate: status 0\n`)).toThrow(/the close/);
  });
});
