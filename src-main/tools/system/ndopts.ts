// The option parser ndctl and daxctl share (util/parse-options.c, from git/perf): bundled short
// switches, --long[=value], " Error: unknown switch `x'" and the usage block, exit status 129.
import { defineTool, type ToolDef, type ToolRun } from '../tool';

export interface NdOpt {
  short: string;
  long: string;
  kind: 'bool' | 'incr' | 'string';
  /** Placeholder shown in the usage block for string options. */
  argh?: string;
  help: string;
}

export type NdVals = Record<string, string | number | boolean | undefined>;

function optionLine(o: NdOpt): string {
  let s = `    -${o.short}, --${o.long}`;
  if (o.kind === 'string') s += ` <${o.argh ?? '...'}>`;
  return s.length <= 24 ? `${s.padEnd(26)}${o.help}\n` : `${s}\n${' '.repeat(26)}${o.help}\n`;
}

export function usageText(usage: string, opts: readonly NdOpt[]): string {
  return `\n usage: ${usage}\n\n${opts.map(optionLine).join('')}\n`;
}

/** Returns the values by long name, or the exit status after the parser's complaint. */
export async function parseNd(t: ToolRun, usage: string, opts: readonly NdOpt[], args: readonly string[]): Promise<NdVals | number> {
  const vals: NdVals = {};
  const fail = async (msg: string, opt?: NdOpt) => {
    if (opt) await t.err(`  Error: ${msg}\n\n usage: ${usage}\n\n${optionLine(opt)}`);
    else await t.err(`  Error: ${msg}\n${usageText(usage, opts)}`);
    return 129;
  };
  const set = (o: NdOpt, v?: string) => {
    if (o.kind === 'incr') vals[o.long] = Number(vals[o.long] ?? 0) + 1;
    else vals[o.long] = o.kind === 'bool' ? true : v;
  };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      const o = opts.find((x) => x.long === name);
      if (!o) return fail(`unknown option \`${name}'`);
      if (o.kind !== 'string') {
        if (inline !== undefined) return fail(`option \`${o.long}' takes no value`, o);
        set(o);
      } else {
        const v = inline ?? args[++i];
        if (v === undefined) return fail(`option \`${o.long}' requires a value`, o);
        set(o, v);
      }
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const o = opts.find((x) => x.short === a[j]);
        if (!o) return fail(`unknown switch \`${a[j]}'`);
        if (o.kind !== 'string') {
          set(o);
          continue;
        }
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return fail(`switch \`${o.short}' requires a value`, o);
        set(o, v);
        break;
      }
    } else rest.push(a);
  }
  if (rest.length) {
    await t.err(rest.map((r) => `  Error: unknown parameter "${r}"\n\n`).join('') + usageText(usage, opts));
    return 129;
  }
  return vals;
}

/**
 * ndctl and daxctl share their command dispatch: `list`, `version`, the no-command usage on stdout
 * (status 1) and `Unknown command: 'X'` on stderr.
 */
export function ndTool(o: { name: string; summary: string; noCommand: string; usage: string; list: (t: ToolRun, args: string[]) => Promise<number> }): ToolDef {
  return defineTool({
    name: o.name,
    summary: o.summary,
    help: `${o.noCommand}${o.usage.slice(1)}`,
    async run(t) {
      const [cmd, ...rest] = t.args;
      if (cmd === 'list') return o.list(t, rest);
      if (cmd === '--version' || cmd === 'version') return t.out('76.1\n').then(() => 0);
      if (cmd === undefined) {
        await t.out(o.noCommand);
        return 1;
      }
      await t.err(`Unknown command: '${cmd}'\n`);
      return 1;
    },
  });
}
