// The interpreter as a session uses it: state across lines, ordered output, host commands, files, jobs.
import { describe, expect, it } from 'vitest';
import { FsError, type OpenMode, type ShellFs } from '../../../src-main/shell/fs';
import { History } from '../../../src-main/shell/history';
import { ShellInterpreter, type InterpreterOptions } from '../../../src-main/shell/interpreter';
import { MemoryFs } from '../../../src-main/shell/memory-fs';
import type { CommandContext, ShellCommand } from '../../../src-main/shell/types';

function shell(extra: Partial<InterpreterOptions> = {}): { sh: ShellInterpreter; fs: MemoryFs; clock: { t: number } } {
  const fs = new MemoryFs();
  const clock = { t: 1_000_000 };
  const sh = new ShellInterpreter({
    fs,
    host: { now: () => clock.t, randomSeed: () => 1, pid: 321, ppid: 1, nextPid: () => 555 },
    env: { HOME: '/root', PATH: '/usr/bin:/bin', USER: 'root' },
    ...extra,
  });
  return { sh, fs, clock };
}

const text = (r: { output: { data: string }[] }): string => r.output.map((c) => c.data).join('');

describe('ShellInterpreter: a session, line by line', () => {
  it('keeps cwd, variables, functions and $? from one line to the next', async () => {
    const { sh } = shell();
    await sh.run('cd /tmp; X=42; greet() { echo "hi $1"; }; false');
    const r = await sh.run('echo "$? $X $PWD"; pwd; greet you');
    expect(r.stdout).toBe('1 42 /tmp\n/tmp\nhi you\n');
    expect(sh.state.cwd).toBe('/tmp');
  });

  it('reports unknown commands as interactive bash does, with status 127', async () => {
    const { sh } = shell();
    const r = await sh.run('nosuchcmd --x');
    expect(r.output).toEqual([{ stream: 'stderr', data: 'bash: nosuchcmd: command not found\n' }]);
    expect(r.exitCode).toBe(127);
    expect((await sh.run('echo $?')).stdout).toBe('127\n');
  });

  it('returns stdout and stderr interleaved in the order they were written', async () => {
    const { sh } = shell();
    const r = await sh.run('echo one; echo two >&2; echo three; ls_missing');
    expect(r.output).toEqual([
      { stream: 'stdout', data: 'one\n' },
      { stream: 'stderr', data: 'two\n' },
      { stream: 'stdout', data: 'three\n' },
      { stream: 'stderr', data: 'bash: ls_missing: command not found\n' },
    ]);
    expect(r.stdout).toBe('one\nthree\n');
    expect(r.stderr).toBe('two\nbash: ls_missing: command not found\n');
  });

  it('exit N ends the session, echoing "exit" like an interactive bash', async () => {
    const { sh } = shell();
    const r = await sh.run('echo bye; exit 3; echo never');
    expect(r).toMatchObject({ stdout: 'bye\n', stderr: 'exit\n', exitCode: 3, exited: true });
    expect(sh.exited).toBe(true);
  });

  it('runs pipes, && and ||, and variables', async () => {
    const { sh } = shell({ commands: { upper: async (c) => (await c.stdout.write((await c.stdin.readAll()).toUpperCase()), 0) } });
    const r = await sh.run('v=pipe; echo "$v line" | upper | upper && echo ok || echo bad; false || echo fallback');
    expect(r.stdout).toBe('PIPE LINE\nok\nfallback\n');
  });

  it('tells when more lines are needed before a command is complete', () => {
    const { sh } = shell();
    for (const s of ['for i in 1 2; do', 'echo "open', "echo 'x", 'echo a |', 'if true; then echo', 'cat <<EOF\nbody', 'f() {', 'echo a \\']) {
      expect(sh.needsMore(s), s).toBe(true);
    }
    for (const s of ['echo done', 'for i in 1; do echo $i; done', 'fi', 'echo )']) expect(sh.needsMore(s), s).toBe(false);
  });

  it('a syntax error in a script stops it with status 2 and bash\'s two lines', async () => {
    const { sh } = shell({ scriptName: 'drill.sh' });
    const r = await sh.run('echo before\nif then\necho after\n');
    expect(text(r)).toBe("before\ndrill.sh: line 2: syntax error near unexpected token `then'\ndrill.sh: line 2: `if then'\n");
    expect(r).toMatchObject({ exitCode: 2, exited: true });
  });

  it('names the script and line in runtime errors', async () => {
    const { sh } = shell({ scriptName: 'x.sh' });
    const r = await sh.run('echo a\n\nmissing_tool\ncd /nowhere\n');
    expect(r.stderr).toBe('x.sh: line 3: missing_tool: command not found\nx.sh: line 4: cd: /nowhere: No such file or directory\n');
  });

  it('keeps the history for the history builtin', async () => {
    const history = new History();
    const { sh } = shell({ history });
    history.add('echo a');
    history.add('history');
    expect((await sh.run('history')).stdout).toBe('    1  echo a\n    2  history\n');
  });
});

describe('ShellInterpreter: commands it does not know itself', () => {
  it('gives custom commands argv, env, cwd and stdin, and waits for their async work', async () => {
    let seen: CommandContext | undefined;
    const probe: ShellCommand = async (ctx) => {
      seen = ctx;
      await new Promise((r) => setTimeout(r, 5));
      await ctx.stdout.write(`in:${await ctx.stdin.readAll()}`);
      await ctx.stderr.write('warn\n');
      return 4;
    };
    const { sh } = shell({ commands: { probe } });
    const r = await sh.run('cd /tmp; export E=1; echo data | LOCAL=2 probe "a b" c; echo "st=$?"');
    expect(seen!.argv).toEqual(['probe', 'a b', 'c']);
    expect(seen!.cwd).toBe('/tmp');
    expect(seen!.env).toMatchObject({ E: '1', LOCAL: '2', HOME: '/root' });
    expect(seen!.env.X).toBeUndefined();
    expect(r.output).toEqual([
      { stream: 'stdout', data: 'in:data\n' },
      { stream: 'stderr', data: 'warn\n' },
      { stream: 'stdout', data: 'st=4\n' },
    ]);
  });

  it('streams output as it is written, before the command ends', async () => {
    let release!: () => void;
    const slow: ShellCommand = async (ctx) => {
      await ctx.stdout.write('first\n');
      await new Promise<void>((r) => (release = r));
      await ctx.stdout.write('second\n');
      return 0;
    };
    const { sh } = shell({ commands: { slow } });
    const seen: string[] = [];
    const done = sh.run('slow', { onOutput: (c) => seen.push(c.data) });
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(['first\n']);
    release();
    await done;
    expect(seen).toEqual(['first\n', 'second\n']);
  });

  it('runs pipeline stages at once: a reader that stops early ends an endless writer', async () => {
    const yes: ShellCommand = async (ctx) => {
      for (;;) await ctx.stdout.write('y\n'.repeat(1000));
    };
    const first: ShellCommand = async (ctx) => {
      const chunk = await ctx.stdin.read();
      await ctx.stdout.write(chunk!.slice(0, 2));
      return 0;
    };
    const { sh } = shell({ commands: { yes, first } });
    const r = await sh.run('yes | first; echo "${PIPESTATUS[@]}"');
    expect(r.stdout).toBe('y\n141 0\n');
  });

  it('Ctrl-C (abort) reaches the running command and drops the rest of the line', async () => {
    const block: ShellCommand = (ctx) =>
      new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve(130)));
    const { sh } = shell({ commands: { block } });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 5);
    const r = await sh.run('echo start; block; echo not-reached', { signal: ac.signal });
    expect(r.stdout).toBe('start\n');
    expect(r.exitCode).toBe(130);
    expect((await sh.run('echo $?')).stdout).toBe('130\n');
  });

  it('an abort also stops a loop that only runs builtins', async () => {
    const { sh } = shell();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    const r = await sh.run('i=0; while true; do i=$((i+1)); done', { signal: ac.signal });
    expect(r.exitCode).toBe(130);
    expect(Number(sh.state.vars.get('i'))).toBeGreaterThan(0);
  });

  it('reads the terminal input given for the run', async () => {
    const { sh } = shell();
    const lines = ['alpha beta\n', 'gamma\n'];
    const stdin = { read: async () => lines.shift() ?? null };
    const r = await sh.run('read a b; read c; echo "$b/$a/$c"', { stdin });
    expect(r.stdout).toBe('beta/alpha/gamma\n');
  });
});

describe('ShellInterpreter: files through ShellFs', () => {
  it('redirections are opens held while the command runs and closed after', async () => {
    const log: string[] = [];
    const mem = new MemoryFs();
    const fs: ShellFs = {
      stat: (p) => mem.stat(p),
      readdir: (p) => mem.readdir(p),
      open: (p: string, mode: OpenMode) => {
        log.push(`open ${p} ${mode}`);
        const f = mem.open(p, mode);
        return { ...f, close: () => void log.push(`close ${p}`) };
      },
    };
    const during: ShellCommand = async (ctx) => {
      log.push('running');
      await ctx.stdout.write('x\n');
      return 0;
    };
    const { sh } = shell({ fs, commands: { during } });
    await sh.run('during > /tmp/out 2>>/tmp/err');
    expect(log).toEqual(['open /tmp/out w', 'open /tmp/err a', 'running', 'close /tmp/out', 'close /tmp/err']);
    expect(mem.readFile('/tmp/out')).toBe('x\n');
  });

  it('a refused open is reported with the errno text, and the command does not run', async () => {
    const mem = new MemoryFs();
    const fs: ShellFs = { ...bind(mem), open: () => { throw new FsError('ETXTBSY'); } };
    const { sh } = shell({ fs });
    const r = await sh.run('echo data > /mnt/pmem/f; echo $?');
    expect(text(r)).toBe('bash: /mnt/pmem/f: Text file busy\n1\n');
  });

  it('globs against the filesystem, sorted, dotfiles only on request', async () => {
    const { sh, fs } = shell();
    fs.mkdirp('/proc/10');
    fs.mkdirp('/proc/2');
    for (const f of ['/proc/10/file_pins', '/proc/2/file_pins', '/proc/2/status', '/proc/.hidden']) fs.writeFile(f, '', 0o444);
    const r = await sh.run('echo /proc/*/file_pins; echo /proc/*; echo /proc/.h*; echo /proc/none*');
    expect(r.stdout).toBe('/proc/10/file_pins /proc/2/file_pins\n/proc/10 /proc/2\n/proc/.hidden\n/proc/none*\n');
  });
});

describe('ShellInterpreter: determinism and jobs', () => {
  it('$RANDOM and $SECONDS come from the host, never from the real machine', async () => {
    const a = shell();
    const b = shell();
    const ra = await a.sh.run('echo $RANDOM $RANDOM');
    expect((await b.sh.run('echo $RANDOM $RANDOM')).stdout).toBe(ra.stdout);
    expect(ra.stdout).toBe('16807 10791\n');
    a.clock.t += 61_500;
    expect((await a.sh.run('echo $SECONDS')).stdout).toBe('61\n');
    expect((await a.sh.run('SECONDS=5; echo $SECONDS')).stdout).toBe('5\n');
  });

  it('runs `cmd &` in the background, with $!, jobs, wait and a Done notice', async () => {
    let finish!: () => void;
    const job: ShellCommand = async (ctx) => {
      await new Promise<void>((r) => (finish = r));
      await ctx.stdout.write('job out\n');
      return 0;
    };
    const { sh } = shell({ commands: { job } });
    const r1 = await sh.run('job & echo "bg $!"');
    expect(text(r1)).toBe('[1] 555\nbg 555\n');
    expect((await sh.run('jobs')).stdout).toBe('[1]+  Running                 job &\n');
    finish();
    const r2 = await sh.run('wait; echo waited');
    expect(r2.stdout).toBe('job out\nwaited\n');
    expect(await sh.jobNotices()).toBe('');
  });

  it('prints Done for a job that ended on its own before the next prompt', async () => {
    const { sh } = shell({ commands: { quick: async () => 0 } });
    await sh.run('quick &');
    await new Promise((r) => setTimeout(r, 1));
    expect(await sh.jobNotices()).toBe('[1]+  Done                    quick\n');
  });
});

function bind(mem: MemoryFs): ShellFs {
  return { stat: (p) => mem.stat(p), readdir: (p) => mem.readdir(p), open: (p, m) => mem.open(p, m) };
}
