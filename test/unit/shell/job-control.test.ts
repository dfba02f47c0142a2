// Job control on a booted host: every command a kernel process, Ctrl-Z / Ctrl-C sent to it through
// the kernel, jobs resumed with bg and fg, deaths reported as bash reports them.
import { afterEach, describe, expect, it } from 'vitest';
import type { BootedHost } from '../../../src-main/session/boot';
import { advance, bootPaused, terminal } from './kernel-terminal';
import { KEY } from './screen';

const P = 'root@pinsim:~# ';
let booted: BootedHost;

afterEach(() => booted?.clock.dispose());

function proc(comm: string) {
  return booted.host.processes().find((p) => p.comm === comm);
}

describe('job control through the kernel', () => {
  it('Ctrl-Z stops the foreground job (state T), bg continues it, fg waits for it', async () => {
    booted = bootPaused();
    const t = terminal(booted);
    await t.type('sleep 100', KEY.enter);
    expect(proc('sleep')?.state).toBe('S');
    await t.type(KEY.ctrl('z'));
    const pid = proc('sleep')!.pid;
    expect(proc('sleep')?.state).toBe('T');
    await t.type('echo $?', KEY.enter, 'jobs -l', KEY.enter);
    expect(await t.lines()).toEqual([
      P + 'sleep 100', '^Z', '[1]+  Stopped                 sleep 100',
      P + 'echo $?', '148',
      P + 'jobs -l', `[1]+ ${String(pid).padStart(5)} Stopped                 sleep 100`, P.trimEnd(),
    ]);
    await t.type('bg', KEY.enter);
    expect(proc('sleep')?.state).toBe('S');
    await t.type('fg', KEY.enter);
    expect((await t.lines()).slice(-4)).toEqual([P + 'bg', '[1]+ sleep 100 &', P + 'fg', 'sleep 100']);
    await advance(booted, 100);
    await t.type('echo $? $(jobs | wc -l)', KEY.enter);
    expect((await t.lines()).slice(-5)).toEqual([P + 'fg', 'sleep 100', P + 'echo $? $(jobs | wc -l)', '0 0', P.trimEnd()]);
    expect(proc('sleep')).toBeUndefined();
  });

  it('Ctrl-C kills a foreground command blocked in the kernel, and only then the prompt returns', async () => {
    booted = bootPaused();
    const t = terminal(booted);
    await t.type('truncate -s 0 /tmp/leased; lease-hold --on-sigio=ignore /tmp/leased 2>/dev/null &', KEY.enter);
    await advance(booted, 1);
    await t.type('cat /dev/null > /tmp/leased', KEY.enter);
    await advance(booted, 5);
    // bash's child opens the redirection before it execs cat: it sleeps in the lease break.
    const child = () => booted.host.processes().find((p) => p.ppid === t.pid && p.comm === 'bash');
    expect(child()?.state).toBe('S');
    expect(child()?.wchan).toContain('break_lease');
    expect((await t.lines()).at(-1)).toBe(P + 'cat /dev/null > /tmp/leased');
    await t.type(KEY.ctrl('c'), 'echo $?', KEY.enter);
    expect((await t.lines()).slice(-5)).toEqual([P + 'cat /dev/null > /tmp/leased', '^C', P + 'echo $?', '130', P.trimEnd()]);
    expect(child()).toBeUndefined();
  });

  it('reports a job the kernel killed from another terminal: Killed in the foreground, a notice for the background', async () => {
    booted = bootPaused();
    const a = terminal(booted);
    const b = terminal(booted);
    await a.type('sleep 100', KEY.enter);
    await b.type(`kill -9 ${proc('sleep')!.pid}`, KEY.enter);
    await a.type('echo $?', KEY.enter, 'sleep 200 &', KEY.enter);
    const bg = proc('sleep')!.pid;
    await b.type(`kill ${bg}`, KEY.enter);
    await a.type(KEY.enter);
    expect(await a.lines()).toEqual([
      P + 'sleep 100', 'Killed', P + 'echo $?', '137',
      P + 'sleep 200 &', `[1] ${bg}`, P.trimEnd(), '[1]+  Terminated              sleep 200', P.trimEnd(),
    ]);
  });

  it('a terminal whose shell is killed closes, with 128 + the signal', async () => {
    booted = bootPaused();
    const a = terminal(booted);
    const b = terminal(booted);
    await b.type(`kill ${a.pid}`, KEY.enter);
    expect(a.exits).toEqual([]);
    await b.type(`kill -9 ${a.pid}`, KEY.enter);
    expect(a.exits).toEqual([137]);
    expect(b.exits).toEqual([]);
  });
});

describe('su on a terminal', () => {
  it('opens operator\'s shell, whose commands the kernel treats as operator\'s, until it logs out', async () => {
    booted = bootPaused();
    const t = terminal(booted);
    await t.type('su - operator', KEY.enter, 'echo $USER $EUID; truncate -s 0 /mnt/pmem/foo', KEY.enter, 'kill -9 1', KEY.enter);
    await t.type('sleep 50 &', KEY.enter);
    expect(booted.host.processes().find((p) => p.comm === 'sleep')?.user).toBe('operator');
    await t.type('exit', KEY.enter, 'echo $USER', KEY.enter);
    const O = 'operator@pinsim:~$ ';
    expect(await t.lines()).toEqual([
      P + 'su - operator',
      O + 'echo $USER $EUID; truncate -s 0 /mnt/pmem/foo', 'operator 1000', "truncate: cannot open '/mnt/pmem/foo' for writing: Permission denied",
      O + 'kill -9 1', 'bash: kill: (1) - Operation not permitted',
      O + 'sleep 50 &', expect.stringMatching(/^\[1\] \d+$/),
      O + 'exit', 'logout',
      P + 'echo $USER', 'root', P.trimEnd(),
    ]);
    expect(booted.host.processes().filter((p) => p.comm === 'su' || (p.comm === 'bash' && p.uid === 1000))).toEqual([]);
  });

  it('Ctrl-D ends the nested shell; Ctrl-Z stops its job, not the shell', async () => {
    booted = bootPaused();
    const t = terminal(booted);
    await t.type('su operator', KEY.enter, 'sleep 9', KEY.enter, KEY.ctrl('z'), 'jobs', KEY.enter, KEY.ctrl('d'));
    expect((await t.lines()).slice(1)).toEqual([
      'operator@pinsim:/root$ sleep 9', '^Z', '[1]+  Stopped                 sleep 9',
      'operator@pinsim:/root$ jobs', '[1]+  Stopped                 sleep 9',
      'operator@pinsim:/root$ exit', P.trimEnd(),
    ]);
  });
});

describe('commands that ask isatty(1)', () => {
  it('ls lays names out in columns on the terminal, one per line into a pipe or a file', async () => {
    booted = bootPaused();
    const t = terminal(booted);
    await t.type('mkdir /tmp/c && cd /tmp/c && touch alpha beta gamma delta epsilon', KEY.enter);
    await t.type('ls', KEY.enter, 'ls | cat', KEY.enter, 'ls > list; wc -l < list', KEY.enter);
    expect((await t.lines()).slice(1)).toEqual([
      'root@pinsim:/tmp/c# ls', 'alpha  beta  delta  epsilon  gamma',
      'root@pinsim:/tmp/c# ls | cat', 'alpha', 'beta', 'delta', 'epsilon', 'gamma',
      'root@pinsim:/tmp/c# ls > list; wc -l < list', '6', 'root@pinsim:/tmp/c#',
    ]);
  });
});

describe('bash typed at the prompt', () => {
  it('runs an interactive shell on the same terminal, as a child process, until it exits', async () => {
    booted = bootPaused();
    const t = terminal(booted);
    await t.type('bash', KEY.enter, 'echo level $SHLVL', KEY.enter);
    const nested = proc('bash') && booted.host.processes().filter((p) => p.comm === 'bash');
    expect(nested?.length).toBe(2);
    await t.type('exit 3', KEY.enter, 'echo status $? level $SHLVL', KEY.enter);
    expect((await t.lines()).slice(0, 6)).toEqual([
      P + 'bash', P + 'echo level $SHLVL', 'level 2', P + 'exit 3', 'exit', P + 'echo status $? level $SHLVL',
    ]);
    expect((await t.lines())[6]).toBe('status 3 level 1');
    expect(booted.host.processes().filter((p) => p.comm === 'bash')).toHaveLength(1);
  });
});
