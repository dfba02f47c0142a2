// Boots a host for a session: the kernel, the clock that drives it, and the commands its shells run.
import { createHost, type Host, type HostSetup } from '../host';
import { createCommands, TOOLS, type CommandSet } from '../tools/registry';
import type { ToolEnv } from '../tools/tool';
import { runCommand } from './processes';
import { bashCommand } from './bash-command';
import { createClock, type ClockDriver, type ClockMode } from './clock';
import { startScenario, type ScenarioBoot, type ScenarioRun } from '../drills/setup';

export interface BootOptions {
  seed?: number | undefined;
  policy?: string | undefined;
  /** Keep only this many events in the host's log (benchmark hosts make hundreds of thousands). */
  eventLogLimit?: number | undefined;
  /** A drill scenario's host (src-main/drills/setup.ts): setup, programs, trainee; `policy` overrides its design. */
  scenarioHost?: ScenarioBoot | undefined;
  /** Host setup (`--reflink`, `--no-odp`): laid over a scenario's own setup, field by field. */
  setup?: HostSetup | undefined;
}

export interface BootedHost {
  readonly seed: number;
  readonly host: Host;
  readonly clock: ClockDriver;
  readonly commands: CommandSet;
  /** The drill scenario this host was booted for: who logs in, which programs it started. */
  readonly scenario?: ScenarioRun | undefined;
}

export class BootError extends Error {}

export function bootHost(options: BootOptions, mode: ClockMode): BootedHost {
  const seed = options.seed ?? 1;
  let host: Host;
  try {
    const policy = options.policy ?? options.scenarioHost?.policy;
    const setup = options.setup || options.scenarioHost?.setup ? { ...options.scenarioHost?.setup, ...options.setup } : undefined;
    host = createHost({ seed, ...(policy ? { policy } : {}), ...(setup ? { setup } : {}), ...(options.eventLogLimit ? { eventLogLimit: options.eventLogLimit } : {}) });
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
  // bash and sh run a shell as their own process, with the host's commands: they need the booted host.
  const shell = bashCommand(() => booted);
  const commands = createCommands(env, TOOLS, { bash: shell, sh: shell });
  const scenario = options.scenarioHost ? startScenario(host, options.scenarioHost) : undefined;
  const booted: BootedHost = { seed, host, clock, commands, ...(scenario ? { scenario } : {}) };
  return booted;
}
