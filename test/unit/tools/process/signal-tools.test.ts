// pgrep, pkill and killall: matching rules (15-character comm, -f, -x, newest/oldest), what they
// print, their exit statuses and the errors kill(2) gives them.
import { describe, expect, it } from 'vitest';
import { rig } from './run';

describe('pgrep', () => {
  it('matches the comm by regular expression, or the command line with -f, never itself', async () => {
    const r = rig();
    const a = r.start('sleep', '100');
    const b = r.start('sleep', '200');
    expect(await r.run('pgrep', 'sl.ep')).toEqual({ out: `${a}\n${b}\n`, err: '', status: 0 });
    expect((await r.run('pgrep', '-f', 'sleep 2')).out).toBe(`${b}\n`);
    expect((await r.run('pgrep', '-a', '-n', 'sleep')).out).toBe(`${b} sleep 200\n`);
    expect((await r.run('pgrep', '-l', '-o', 'sleep')).out).toBe(`${a} sleep\n`);
    expect((await r.run('pgrep', '-c', '-x', 'slee')).out).toBe('0\n');
    expect((await r.run('pgrep', 'pgrep')).status).toBe(1);
    expect((await r.run('pgrep', '-d', ':', '-u', 'root', 'sleep')).out).toBe(`${a}:${b}\n`);
  });

  it('warns that a name pattern longer than 15 characters cannot match a comm', async () => {
    const r = rig();
    const res = await r.run('pgrep', 'a-very-long-pattern');
    expect(res.status).toBe(1);
    expect(res.err).toBe("pgrep: pattern that searches for process name longer than 15 characters will result in zero matches\nTry `pgrep -f' option to match against the complete command line.\n");
  });

  it('has exit status 2 for usage errors', async () => {
    const r = rig();
    expect(await r.run('pgrep')).toEqual({ out: '', err: "pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n", status: 2 });
    expect((await r.run('pgrep', 'a', 'b')).err).toBe("pgrep: only one pattern can be provided\nTry `pgrep --help' for more information.\n");
    const bad = await r.run('pgrep', '-Z', 'x');
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/^pgrep: invalid option -- 'Z'\n\nUsage:\n pgrep \[options\] <pattern>\n/);
  });
});

describe('pkill', () => {
  it('sends the signal named by -NAME, -NUMBER or --signal and echoes with -e', async () => {
    const r = rig();
    const a = r.start('sleep', '100');
    expect(await r.run('pkill', '-e', '-STOP', 'sleep')).toEqual({ out: `sleep killed (pid ${a})\n`, err: '', status: 0 });
    expect(r.host.processes().find((p) => p.pid === a)?.state).toBe('T');
    expect((await r.run('pkill', '--signal', 'CONT', 'sleep')).status).toBe(0);
    expect((await r.run('pkill', '-9', 'sleep')).status).toBe(0);
    r.host.advance(1e6);
    expect(r.host.processes().find((p) => p.pid === a)?.state).toBe('Z');
    expect((await r.run('pkill', 'nothing')).status).toBe(1);
  });

  it('reports a kill(2) that fails, and exits 1 when nothing was signalled', async () => {
    const r = rig();
    const a = r.start('sleep', '100');
    const op = r.host.spawnShell({ uid: 1000 });
    const res = await r.runAs(op.pid, {}, 'pkill', 'sleep');
    expect(res).toEqual({ out: '', err: `pkill: killing pid ${a} failed: Operation not permitted\n`, status: 1 });
  });
});

describe('killall', () => {
  it('matches a comm cut at 15 characters by the basename of argv[0]', async () => {
    const r = rig();
    const pid = r.start('/usr/local/bin/lease-hold-forever', '/var/log/app.log');
    expect(r.host.processes().find((p) => p.pid === pid)?.comm).toBe('lease-hold-fore');
    const res = await r.run('killall', '-v', '-s', 'STOP', 'lease-hold-forever');
    expect(res).toEqual({ out: '', err: `Killed lease-hold-forever(${pid}) with signal 19\n`, status: 0 });
    expect((await r.run('killall', 'lease-hold-forev')).err).toBe('lease-hold-forev: no process found\n');
  });

  it('complains about unknown names, users and signals as psmisc does', async () => {
    const r = rig();
    expect(await r.run('killall', 'nothing')).toEqual({ out: '', err: 'nothing: no process found\n', status: 1 });
    expect((await r.run('killall', '-u', 'nobody')).err).toBe('Cannot find user nobody\n');
    expect((await r.run('killall', '-s', 'term', 'x')).err).toBe('term: unknown signal; killall -l lists signals.\n');
    expect((await r.run('killall', '-l')).out).toMatch(/^HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\nCHLD /);
  });
});

describe('extended regular expressions', () => {
  it('take POSIX bracket classes in pgrep and killall -r', async () => {
    const r = rig();
    const pid = r.start('sleep', '100');
    expect((await r.run('pgrep', '-f', 'sleep [[:digit:]]+$')).out).toBe(`${pid}\n`);
    expect(await r.run('pgrep', 'a(')).toEqual({ out: '', err: 'pgrep: regex error: Invalid regular expression\n', status: 2 });
    expect((await r.run('killall', '-r', 'a(')).err).toBe('killall: Bad regular expression: a(\n');
    expect((await r.run('killall', '-r', '-s', 'STOP', '^sl[[:alpha:]]+p$')).status).toBe(0);
    expect(r.host.processes().find((p) => p.pid === pid)?.state).toBe('T');
  });
});
