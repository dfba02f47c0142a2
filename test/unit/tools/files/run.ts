// Runs file tools as processes of a host booted with any setup (reflink on, extra files), the way
// the shell runs a command: fork from a login shell, exec, run the tool, exit, reap.
import { createHost, type Host, type HostOptions } from '../../../../src-main/host/index';
import { createClock } from '../../../../src-main/session/clock';
import { forkChild } from '../../../../src-main/session/processes';
import { toolRun, type ToolEnv } from '../../../../src-main/tools/tool';
import { FILE_TOOLS } from '../../../../src-main/tools/files/index';

export interface Ran {
  out: string;
  err: string;
  status: number;
}

export function bootTools(opts: HostOptions = {}): { host: Host; run(...argv: string[]): Promise<Ran>; runIn(stdin: string, ...argv: string[]): Promise<Ran> } {
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
  const runIn = async (stdin: string, ...argv: string[]): Promise<Ran> => {
    const def = FILE_TOOLS.find((d) => d.name === argv[0]);
    if (!def) throw new Error(`no file tool ${argv[0]}`);
    const child = forkChild(host, clock, shell);
    child.exec(argv, '/root');
    let out = '';
    let err = '';
    let fed = false;
    const input = {
      read: async () => (fed || stdin === '' ? null : ((fed = true), stdin)),
      readAll: async () => stdin,
    };
    const ctx = {
      argv,
      env: {},
      cwd: '/root',
      signal: child.died,
      fs: child.fs,
      stdin: input,
      stdout: { write: async (d: string) => void (out += d) },
      stderr: { write: async (d: string) => void (err += d) },
      process: child,
    };
    const status = await def.run(toolRun(env, ctx, child.pid));
    await child.finish(status);
    return { out, err, status };
  };
  return { host, run: (...argv) => runIn('', ...argv), runIn };
}
