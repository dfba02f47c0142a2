// Boots a host for a session: the kernel, the clock that drives it, and the commands its shells run.
import { createHost, type Host } from '../host';
import { createCommands, TOOLS, type CommandSet } from '../tools/registry';
import type { ToolEnv } from '../tools/tool';
import { runCommand } from './processes';
import { createClock, type ClockDriver, type ClockMode } from './clock';

export interface BootOptions {
  seed?: number | undefined;
  policy?: string | undefined;
}

export interface BootedHost {
  readonly seed: number;
  readonly host: Host;
  readonly clock: ClockDriver;
  readonly commands: CommandSet;
}

export class BootError extends Error {}

export function bootHost(options: BootOptions, mode: ClockMode): BootedHost {
  const seed = options.seed ?? 1;
  let host: Host;
  try {
    host = createHost({ seed, ...(options.policy ? { policy: options.policy } : {}) });
  } catch (e) {
    throw new BootError(e instanceof Error ? e.message : String(e));
  }
  const clock = createClock(host, mode);
  const env: ToolEnv = {
    host,
    settle: (r) => clock.settle(r),
    track: (p) => clock.track(p),
    sim: { seed, speed: () => clock.speed(), setSpeed: (s) => clock.setSpeed(s) },
    hasCommand: (name) => commands.resolve(name) !== undefined,
    runCommand: (req) => runCommand(host, clock, commands, req),
    commandDocs: () =>
      [...TOOLS.map((d) => ({ name: d.name, summary: d.summary, text: d.help })), ...host.programs().map((p) => ({ name: p.name, summary: p.summary, text: p.usage }))].filter(
        (d, i, all) => commands.resolve(d.name) !== undefined && all.findIndex((x) => x.name === d.name) === i,
      ),
  };
  const commands = createCommands(env);
  return { seed, host, clock, commands };
}
