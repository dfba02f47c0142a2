// Runs the process tools as processes of a booted host, the way the shell runs a command (fork
// from a login shell, exec, run, exit, reap), next to programs started with host.spawnChild.
import { createHost, type Host, type HostOptions } from '../../../../src-main/host/index';
import { createClock } from '../../../../src-main/session/clock';
import { forkChild } from '../../../../src-main/session/processes';
import { toolRun, type ToolEnv } from '../../../../src-main/tools/tool';
import { PROCESS_TOOLS } from '../../../../src-main/tools/process/index';

export interface Ran {
  out: string;
  err: string;
  status: number;
}

export interface Rig {
  host: Host;
  shell: number;
  /** a program (rdma-app, sleep…) started by the shell, as `cmd &` does */
  start(...argv: string[]): number;
  run(...argv: string[]): Promise<Ran>;
  /** the same, from another login shell (`uid` 1000: operator) */
  runAs(shell: number, vars: Record<string, string>, ...argv: string[]): Promise<Ran>;
}

export function rig(opts: HostOptions = {}): Rig {
  const host = createHost(opts);
  const clock = createClock(host, 'fast');
  const shell = host.spawnShell().pid;
  const env: ToolEnv = {
    host,
    settle: (r) => clock.settle(r),
    track: (p) => clock.track(p),
    sim: { seed: 1, speed: () => 1, setSpeed: () => undefined },
    hasCommand: () => false,
    runCommand: async () => 127,
  };
  const runAs = async (from: number, vars: Record<string, string>, ...argv: string[]): Promise<Ran> => {
    const def = PROCESS_TOOLS.find((d) => d.name === argv[0]);
    if (!def) throw new Error(`no process tool ${argv[0]}`);
    const child = forkChild(host, clock, from);
    child.exec(argv, '/root');
    let out = '';
    let err = '';
    const ctx = {
      argv,
      env: vars,
      cwd: '/root',
      signal: child.died,
      fs: child.fs,
      stdin: { read: async () => null, readAll: async () => '' },
      stdout: { write: async (d: string) => void (out += d) },
      stderr: { write: async (d: string) => void (err += d) },
      process: child,
    };
    const status = await def.run(toolRun(env, ctx, child.pid));
    await child.finish(status);
    return { out, err, status };
  };
  const start = (...argv: string[]) => {
    const r = host.spawnChild(shell, argv);
    if (!r.ok) throw new Error(r.errno);
    host.advance(10_000_000);
    return r.value;
  };
  return { host, shell, start, run: (...argv) => runAs(shell, {}, ...argv), runAs };
}
