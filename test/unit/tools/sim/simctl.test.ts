// simctl: designs in kernel.md §4 order with the current one marked, the clock, speed, seed.
import { describe, expect, it } from 'vitest';
import { DESIGN_ORDER, parseDuration } from '../../../../src-main/tools/sim/simctl';
import { sh } from './run';

describe('simctl', () => {
  it('lists the designs the host has, in kernel.md §4 order, marking the one in force', async () => {
    expect(DESIGN_ORDER.map(([n]) => n)).toEqual(['rfc-v2', 'longterm-disabled', 'legacy-hang', 'close-blocks', 'fs-reject', 'immutable']);
    const { out } = await sh('simctl policy');
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\* rfc-v2 +pins need an exclusive layout lease/);
    const names = lines.map((l) => l.slice(2).split(/\s+/)[0]!);
    expect(names).toEqual(DESIGN_ORDER.map(([n]) => n).filter((n) => names.includes(n)));
    expect(lines.filter((l) => l.startsWith('*'))).toHaveLength(1);
  });

  it('rejects an unknown design with the known ones and status 2; switching to the current one is a no-op', async () => {
    const r = await sh('simctl policy nonesuch');
    expect(r).toEqual({ out: expect.stringMatching(/^simctl: unknown policy 'nonesuch'; known: rfc-v2(, [a-z-]+)*\n$/), status: 2 });
    expect((await sh('simctl policy rfc-v2')).out).toBe('policy: rfc-v2 (already in force)\n');
  });

  it('shows and advances virtual time, running the timers that fall due', async () => {
    const { out } = await sh('simctl time\nsleep 5 &\nsimctl advance 1.5s\nps -o stat= -p $!\nsimctl advance 4s\nps -o stat= -p $! | grep -c S\nsimctl time');
    expect(out).toBe(
      'virtual time: 0.000000000 s since boot\nwall clock:   Mon Aug 19 09:24:09 UTC 2019\nspeed:        1x\n' +
        'virtual time: 1.500000000 s since boot\nS\n' +
        'virtual time: 5.500000000 s since boot\n0\n' +
        'virtual time: 5.500000000 s since boot\nwall clock:   Mon Aug 19 09:24:14 UTC 2019\nspeed:        1x\n',
    );
  });

  it('parses durations and speeds; prints the seed', async () => {
    expect(parseDuration('100ms')).toBe(100_000_000);
    expect(parseDuration('5m')).toBe(300e9);
    expect(parseDuration('2')).toBe(2e9);
    expect(parseDuration('1d')).toBe(86400e9);
    expect(parseDuration('-1s')).toBeNull();
    expect(parseDuration('soon')).toBeNull();
    expect((await sh('simctl speed 100x; simctl speed pause; simctl speed')).out).toBe('speed: 100x\nspeed: paused\nspeed: paused\n');
    expect((await sh('simctl speed fast')).status).toBe(2);
    expect((await sh('simctl seed', { seed: 42 })).out).toBe('42\n');
    expect((await sh('simctl time now')).status).toBe(2);
    expect((await sh('simctl')).out).toBe("simctl: missing command\nTry 'simctl --help' for more information.\n");
  });
});
