// ps: procps-ng's column layout, its selection table and the STAT letters, against situations the
// transcripts do not set up (other users, stopped and zombie processes, days of uptime).
import { describe, expect, it } from 'vitest';
import { rig } from './run';
import { parseFormat } from '../../../../src-main/tools/process/ps';
import { activeCols, renderLine } from '../../../../src-main/tools/process/ps-layout';
import type { Ctx } from '../../../../src-main/tools/process/ps-columns';
import type { Task } from '../../../../src-main/tools/process/procps';

const task = (over: Partial<Task>): Task => ({
  pid: 1, comm: 'x', state: 'S', ppid: 0, pgrp: 1, session: 1, ttyNr: 0, tpgid: -1, flags: 0, ticks: 0, priority: 20, nice: 0, nlwp: 1,
  startTicks: 0, euid: 0, vmSizeKb: 2344, vmRssKb: 1220, vmLckKb: 0, argv: ['x'], ...over,
});
const ctx: Ctx = { sys: { uptime: 100, btime: 1566206649, memTotalKb: 16290752, now: 1566206749 }, users: { name: () => 'root', uid: () => 0 }, wchan: () => 'hrtimer_nanosleep' };

describe('show_one_proc layout', () => {
  it('lets a value wider than its column push the next ones right, which take the debt back', () => {
    const cols = parseFormat('pid,ppid,stat', 5);
    if (typeof cols === 'string') throw new Error(cols);
    expect(renderLine(cols, null, ctx, 200)).toBe('  PID  PPID STAT');
    expect(renderLine(cols, task({ pid: 12, ppid: 1 }), ctx, 200)).toBe('   12     1 S');
    // A 7-digit pid overflows its 5 columns: PPID gives back the two from its padding.
    expect(renderLine(cols, task({ pid: 1234567, ppid: 1 }), ctx, 200)).toBe('1234567   1 S');
  });

  it('takes header overrides and width overrides, and rejects empty list items', () => {
    const cols = parseFormat('pid=,wchan:8,comm=NAME=IT', 5);
    if (typeof cols === 'string') throw new Error(cols);
    expect(cols.map((c) => [c.header, c.width])).toEqual([['', 5], ['WCHAN', 8], ['NAME=IT', 15]]);
    expect(renderLine(cols, task({ pid: 42 }), ctx, 200)).toBe('   42 hrtimer_ x');
    expect(parseFormat('pid,,comm', 5)).toBe('improper format list');
    expect(parseFormat('pid,comm=A, B', 5)).toBe('improper format list');
    expect(parseFormat('pid,bogus', 5)).toBe('unknown user-defined format specifier "bogus"');
    expect(parseFormat('pid:0', 5)).toBe('column widths must be unsigned decimal numbers');
  });

  it('widens the screen by whole multiples until every column fits (check_header_width)', () => {
    const cols = parseFormat('pid,ppid,lstart,args', 5);
    if (typeof cols === 'string') throw new Error(cols);
    // 5 + 1 + 5 + 1 + 24 + 1 + 3 (the last, unlimited column counts 3) = 40 columns.
    expect(activeCols(cols, 15)).toBe(45);
    expect(activeCols(cols, 40)).toBe(40);
  });
});

describe('ps', () => {
  it('shows by default only the processes of its terminal and effective user', async () => {
    const r = rig();
    const op = r.host.spawnShell({ uid: 1000 });
    const { out } = await r.run('ps');
    expect(out).toBe('  PID TTY          TIME CMD\n    2 pts/0    00:00:00 bash\n    4 pts/0    00:00:00 ps\n');
    const mine = await r.runAs(op.pid, {}, 'ps');
    expect(mine.out).toContain(' pts/1    00:00:00 bash\n');
    expect(mine.out).not.toContain('pts/0');
  });

  it('marks the session leader s, the foreground job +, a stopped job T and a zombie <defunct>', async () => {
    const r = rig();
    const bg = r.start('sleep', '100');
    const stopped = r.start('sleep', '200');
    r.host.sys(r.shell).kill(stopped, 'SIGSTOP');
    const zombie = r.start('sleep', '1');
    r.host.advance(2e9);
    const { out } = await r.run('ps', '-o', 'pid,stat,args', '-p', `2,${bg},${stopped},${zombie}`);
    expect(out.split('\n')).toEqual([
      '  PID STAT COMMAND',
      '    2 Ss   -bash',
      `    ${bg} S    sleep 100`,
      `    ${stopped} T    sleep 200`,
      `    ${zombie} Z    [sleep] <defunct>`,
      '',
    ]);
    expect((await r.run('ps', '-o', 'stat=', '-p', '1')).out).toBe('Ss\n');
    const self = await r.run('ps', '-o', 'stat=,comm=', '-C', 'ps');
    expect(self.out).toBe('R+   ps\n');
  });

  it('counts elapsed time in days and hours, and shows STIME as a date after a day', async () => {
    const r = rig();
    r.host.advance((2 * 86400 + 3 * 3600 + 5) * 1e9);
    const { out } = await r.run('ps', '-o', 'etime,stime,start,bsdstart,lstart', '-p', '1');
    expect(out).toBe('    ELAPSED STIME  STARTED  START                  STARTED\n 2-03:00:05 Aug19   Aug 19 Aug 19 Mon Aug 19 09:24:09 2019\n');
  });

  it('selects with -u, -N and BSD x, and exits 1 when nothing matches', async () => {
    const r = rig();
    r.host.spawnShell({ uid: 1000 });
    expect((await r.run('ps', '-o', 'pid=,user=', '-u', 'operator')).out).toBe('    3 operator\n');
    expect((await r.run('ps', '-N', '-o', 'pid=', '-u', 'root,operator')).status).toBe(1);
    const x = await r.run('ps', 'x', '-o', 'pid=');
    expect(x.out.split('\n').filter(Boolean).map(Number)).not.toContain(3);
    const none = await r.run('ps', '-p', '9999');
    expect(none).toEqual({ out: '  PID TTY          TIME CMD\n', err: '', status: 1 });
  });

  it('reports bad options as procps does', async () => {
    const r = rig();
    const bad = await r.run('ps', '-Q');
    expect(bad.status).toBe(1);
    expect(bad.err).toMatch(/^error: unsupported SysV option\n\nUsage:\n ps \[options\]\n/);
    expect((await r.run('ps', '-u', 'nobody')).err).toMatch(/^error: user name does not exist\n/);
    // The second chance: -aux is not SysV (no user "x"), so it is read as BSD aux.
    expect((await r.run('ps', '-aux')).out).toMatch(/^USER {7}PID %CPU %MEM {4}VSZ {3}RSS TTY {6}STAT START {3}TIME COMMAND\n/);
  });
});

describe('ps BSD selections', () => {
  it('u alone shows every process of the user that has a terminal; p lists only its pids', async () => {
    const r = rig();
    const op = r.host.spawnShell({ uid: 1000 });
    const other = r.host.spawnShell({ uid: 0 });
    const mine = await r.run('ps', 'u');
    expect(mine.out).toContain(' pts/0 ');
    expect(mine.out).toContain(` ${other.pid} `);
    expect(mine.out).not.toContain(`    ${op.pid} `);
    expect(mine.out).not.toMatch(/\n\S+ +1 /);
    expect((await r.run('ps', 'p', '1', '-o', 'pid=')).out).toBe('    1\n');
  });
});
