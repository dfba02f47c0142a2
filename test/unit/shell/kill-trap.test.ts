// The kill and trap builtins against a host that records the signals: bash's words and statuses
// (reference §4.5), signal numbers both ways, job specs, and traps run between commands.
import { describe, expect, it } from 'vitest';
import type { Errno } from '../../../src-main/host';
import { ShellInterpreter } from '../../../src-main/shell/interpreter';
import { MemoryFs } from '../../../src-main/shell/memory-fs';

const TABLE = [
  ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP',
  ' 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1',
  '11) SIGSEGV\t12) SIGUSR2\t13) SIGPIPE\t14) SIGALRM\t15) SIGTERM',
  '16) SIGSTKFLT\t17) SIGCHLD\t18) SIGCONT\t19) SIGSTOP\t20) SIGTSTP',
  '21) SIGTTIN\t22) SIGTTOU\t23) SIGURG\t24) SIGXCPU\t25) SIGXFSZ',
  '26) SIGVTALRM\t27) SIGPROF\t28) SIGWINCH\t29) SIGIO\t30) SIGPWR',
  '31) SIGSYS\t34) SIGRTMIN\t35) SIGRTMIN+1\t36) SIGRTMIN+2\t37) SIGRTMIN+3',
  '38) SIGRTMIN+4\t39) SIGRTMIN+5\t40) SIGRTMIN+6\t41) SIGRTMIN+7\t42) SIGRTMIN+8',
  '43) SIGRTMIN+9\t44) SIGRTMIN+10\t45) SIGRTMIN+11\t46) SIGRTMIN+12\t47) SIGRTMIN+13',
  '48) SIGRTMIN+14\t49) SIGRTMIN+15\t50) SIGRTMAX-14\t51) SIGRTMAX-13\t52) SIGRTMAX-12',
  '53) SIGRTMAX-11\t54) SIGRTMAX-10\t55) SIGRTMAX-9\t56) SIGRTMAX-8\t57) SIGRTMAX-7',
  '58) SIGRTMAX-6\t59) SIGRTMAX-5\t60) SIGRTMAX-4\t61) SIGRTMAX-3\t62) SIGRTMAX-2',
  '63) SIGRTMAX-1\t64) SIGRTMAX\t',
].join('\n') + '\n';

/** A shell whose kill(2) records what it is asked and answers from a table of pids. */
function shell(opts: { scriptName?: string; pids?: Record<number, Errno | undefined> } = {}) {
  const sent: [number, number][] = [];
  const caught: ((sig: number) => void)[] = [];
  const traps: [number, string][] = [];
  const pids = opts.pids ?? { 42: undefined, 1: 'EPERM' };
  const sh = new ShellInterpreter({
    fs: new MemoryFs(),
    host: {
      now: () => 0, randomSeed: () => 1, pid: 100, ppid: 1, nextPid: () => 777,
      kill: (pid, sig) => {
        sent.push([pid, sig]);
        if (pid === 100 && sig !== 0) for (const c of caught) c(sig);
        return pid in pids || pid === 100 || pid === 777 ? pids[pid] : 'ESRCH';
      },
      trap: (sig, action) => void traps.push([sig, action]),
      onSignal: (l) => void caught.push(l),
    },
    ...(opts.scriptName ? { scriptName: opts.scriptName } : {}),
  });
  return { sh, sent, traps };
}

describe('kill', () => {
  it('lists the signals as bash 5.2 does, TABs and the trailing TAB included', async () => {
    const { sh } = shell();
    expect((await sh.run('kill -l')).stdout).toBe(TABLE);
    expect((await sh.run('kill -l 9; kill -l SIGKILL; kill -l 137; kill -l usr1; kill -l 0 37')).stdout).toBe('KILL\n9\nKILL\n10\nEXIT\nRTMIN+3\n');
  });

  it('sends names and numbers through the host as the shell\'s kill(2)', async () => {
    const { sh, sent } = shell();
    const r = await sh.run('kill 42; kill -9 42; kill -s hup 42; kill -n 2 42; kill -SIGSTOP 42; kill -0 42');
    expect(r.exitCode).toBe(0);
    expect(sent).toEqual([[42, 15], [42, 9], [42, 1], [42, 2], [42, 19], [42, 0]]);
  });

  it('prints bash\'s errors: interactively `bash: kill:`, in a script with the line', async () => {
    const { sh } = shell();
    const r = await sh.run('kill 999999; kill -FOO 42; kill %1; kill abc; kill 1');
    expect(r.stderr).toBe(
      'bash: kill: (999999) - No such process\nbash: kill: FOO: invalid signal specification\nbash: kill: %1: no such job\n' +
        'bash: kill: abc: arguments must be process or job IDs\nbash: kill: (1) - Operation not permitted\n',
    );
    expect(r.exitCode).toBe(1);
    const s = shell({ scriptName: 's.sh' });
    const r2 = await s.sh.run('true\nkill 999999\nkill\necho "usage $?"\n');
    expect(r2.stderr).toBe('s.sh: line 2: kill: (999999) - No such process\nkill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
    expect(r2.stdout).toBe('usage 2\n');
  });

  it('signals a job by its spec, and succeeds if any target did', async () => {
    const { sh, sent } = shell();
    await sh.run('true &');
    const r = await sh.run('kill -TERM %1 999999');
    expect(sent.at(-2)).toEqual([777, 15]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('bash: kill: (999999) - No such process\n');
  });
});

describe('trap', () => {
  it('runs a caught signal\'s trap after the command, ERR after a failure, EXIT as a script ends', async () => {
    const { sh, traps } = shell({ scriptName: 't.sh' });
    const r = await sh.run("trap 'echo bye $?' EXIT\ntrap 'echo got USR1' USR1\ntrap 'echo err' ERR\nkill -USR1 $$; echo next\nfalse\ntrap - USR1\n(exit 4)\n");
    expect(r.stdout).toBe('got USR1\nnext\nerr\nerr\nbye 4\n');
    // The shell's process catches USR1 while trapped; `trap -` gives it back its default.
    expect(traps.filter(([sig]) => sig === 10)).toEqual([[10, 'catch'], [10, 'default']]);
  });

  it('lists traps as bash does and refuses unknown signals', async () => {
    const { sh } = shell();
    const r = await sh.run("trap 'echo it'\\''s done' EXIT TERM; trap '' INT; trap -p; trap 'x' NOPE; trap x");
    expect(r.stdout).toBe("trap -- 'echo it'\\''s done' EXIT\ntrap -- '' SIGINT\ntrap -- 'echo it'\\''s done' SIGTERM\n");
    expect(r.stderr).toBe('bash: trap: NOPE: invalid signal specification\ntrap: usage: trap [-lp] [[arg] signal_spec ...]\n');
  });
});
