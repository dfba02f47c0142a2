// Runs tools as processes of a booted host, the way the shell runs a command (fork from a login
// shell, exec, run the tool, exit, reap), next to programs started with host.spawnChild.
import { createHost, type Host, type HostOptions } from '../../../src-main/host/index';
import type { HostSetup } from '../../../src-main/host';
import { createClock } from '../../../src-main/session/clock';
import { forkChild } from '../../../src-main/session/processes';
import { runScript } from '../../../src-main/session/script';
import { toolRun, type ToolDef, type ToolEnv } from '../../../src-main/tools/tool';

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
  /** the same with `stdin` as its standard input */
  runIn(stdin: string, ...argv: string[]): Promise<Ran>;
  /** the same, from another login shell (`uid` 1000: operator) */
  runAs(shell: number, vars: Record<string, string>, ...argv: string[]): Promise<Ran>;
}

export function toolRig(tools: readonly ToolDef[], opts: HostOptions = {}): Rig {
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
  const exec = async (from: number, vars: Record<string, string>, stdin: string, argv: string[]): Promise<Ran> => {
    const def = tools.find((d) => d.name === argv[0]);
    if (!def) throw new Error(`no such tool in this rig: ${argv[0]}`);
    const child = forkChild(host, clock, from);
    child.exec(argv, '/root');
    let out = '';
    let err = '';
    let fed = false;
    const ctx = {
      argv,
      env: vars,
      cwd: '/root',
      signal: child.died,
      fs: child.fs,
      stdin: { read: async () => (fed || stdin === '' ? null : ((fed = true), stdin)), readAll: async () => stdin },
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
  return {
    host,
    shell,
    start,
    run: (...argv) => exec(shell, {}, '', argv),
    runIn: (stdin, ...argv) => exec(shell, {}, stdin, argv),
    runAs: (from, vars, ...argv) => exec(from, vars, '', argv),
  };
}

/** Runs a script on a fresh host, as `pinsim script` does, and returns what the terminal showed. */
export async function sh(text: string, opts: { policy?: string; seed?: number; setup?: HostSetup } = {}): Promise<{ out: string; status: number }> {
  let out = '';
  const status = await runScript(text, { ...opts, name: 'test', write: (s) => (out += s), stderr: (s) => (out += s) });
  return { out, status };
}
