// which(1) from debianutils and printenv(1) from coreutils 9.1.
import { defineTool, type ToolRun } from '../tool';

/** Where the shell finds a command: the first PATH directory holding it, else /usr/bin (type -p). */
function commandPath(t: ToolRun, name: string): string | undefined {
  if (name.includes('/')) return t.sys.stat(name).ok ? name : undefined;
  if (!t.env.hasCommand(name)) return undefined;
  for (const dir of (t.vars.PATH ?? '').split(':')) {
    if (dir && t.sys.stat(`${dir}/${name}`).ok) return `${dir}/${name}`;
  }
  return `/usr/bin/${name}`;
}

export const which = defineTool({
  name: 'which',
  summary: 'locate a command',
  async run(t) {
    const names = t.args.filter((a) => a !== '-a');
    if (t.args.some((a) => a.startsWith('-') && a !== '-a')) {
      await t.err(`Illegal option --\nUsage: /usr/bin/which [-a] args\n`);
      return 2;
    }
    let status = names.length === 0 ? 1 : 0;
    for (const name of names) {
      const found = commandPath(t, name);
      if (found) await t.out(`${found}\n`);
      else status = 1;
    }
    return status;
  },
});

export const printenv = defineTool({
  name: 'printenv',
  summary: 'print all or part of environment',
  help: `Usage: printenv [OPTION]... [VARIABLE]...
Print the values of the specified environment VARIABLE(s).
If no VARIABLE is specified, print name and value pairs for them all.

  -0, --null     end each output line with NUL, not newline
      --help     display this help and exit
`,
  async run(t) {
    const nul = t.args.includes('-0') || t.args.includes('--null');
    const names = t.args.filter((a) => a !== '-0' && a !== '--null');
    const end = nul ? '\0' : '\n';
    if (names.length === 0) {
      await t.out(Object.entries(t.vars).map(([k, v]) => `${k}=${v}${end}`).join(''));
      return 0;
    }
    let status = 0;
    for (const n of names) {
      const v = n.includes('=') ? undefined : t.vars[n];
      if (v === undefined) status = 1;
      else await t.out(v + end);
    }
    return status;
  },
});
