// The commands a host's shells can run: its tools, plus the programs its kernel runs by itself
// (sleep, rdma-app…), for which the shell only waits as bash waits for a child.
import type { ShellCommand } from '../shell/types';
import { toolRun, type ToolDef, type ToolEnv } from './tool';
import { FILE_TOOLS } from './files/index';
import { TEXT_TOOLS } from './text/index';
import { PROCESS_TOOLS } from './process/index';
import { SYSTEM_TOOLS } from './system/index';
import { SIM_TOOLS } from './sim/index';
import { JOB_TOOLS } from './jobs/index';
import { AUDIT_TOOLS } from './audit/index';

/** Kernel programs that are not commands a user starts. */
const NOT_COMMANDS = new Set(['init', 'bash']);

export const TOOLS: readonly ToolDef[] = [...FILE_TOOLS, ...TEXT_TOOLS, ...PROCESS_TOOLS, ...SYSTEM_TOOLS, ...SIM_TOOLS, ...JOB_TOOLS, ...AUDIT_TOOLS];

export interface CommandSet {
  resolve(name: string): ShellCommand | undefined;
  names(): string[];
}

function toolCommand(env: ToolEnv, def: ToolDef): ShellCommand {
  return async (ctx) => {
    if (!ctx.process) {
      await ctx.stderr.write(`${def.name}: cannot run outside a host process\n`);
      return 126;
    }
    if (def.help && ctx.argv[1] === '--help') {
      await ctx.stdout.write(def.help);
      return 0;
    }
    return def.run(toolRun(env, ctx, ctx.process.pid));
  };
}

const programCommand: ShellCommand = (ctx) => (ctx.process ? ctx.process.exited() : 126);

/** `extra`: commands the session provides itself (bash and sh, which need a shell interpreter). */
export function createCommands(env: ToolEnv, tools: readonly ToolDef[] = TOOLS, extra: Readonly<Record<string, ShellCommand>> = {}): CommandSet {
  const table = new Map<string, ShellCommand>();
  for (const p of env.host.programs()) if (!NOT_COMMANDS.has(p.name)) table.set(p.name, programCommand);
  for (const t of tools) table.set(t.name, toolCommand(env, t));
  for (const [name, command] of Object.entries(extra)) table.set(name, command);
  return {
    resolve: (name) => table.get(name),
    names: () => [...table.keys()].sort(),
  };
}
