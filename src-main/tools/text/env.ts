// env: run a program in a modified environment, or print the environment (GNU coreutils 9.1).
import { defineTool } from '../tool';
import { usageError } from '../common';
import { parseOpts } from './opts';
import { hasProgram, runArgv } from './run';

const HELP = `Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]
Set each NAME to VALUE in the environment and run COMMAND.

Mandatory arguments to long options are mandatory for short options too.
  -i, --ignore-environment  start with an empty environment
  -0, --null           end each output line with NUL, not newline
  -u, --unset=NAME     remove variable from the environment
  -C, --chdir=DIR      change working directory to DIR
      --help        display this help and exit

A mere - implies -i.  If no COMMAND, print the resulting environment.
`;

export const env = defineTool({
  name: 'env',
  summary: 'run a program in a modified environment',
  help: HELP,
  async run(t) {
    const p = parseOpts(t.args, { short: 'i0u:C:', long: { 'ignore-environment': ['i'], null: ['0'], unset: ['u', 'required'], chdir: ['C', 'required'] }, stopAtOperand: true });
    if (!p.ok) {
      await t.err(`env: ${p.message}\nTry 'env --help' for more information.\n`);
      return 125;
    }
    let vars: Record<string, string> = { ...t.vars };
    let end = '\n';
    let cwd = t.cwd;
    for (const [k, v] of p.opts) {
      if (k === 'i') vars = {};
      else if (k === '0') end = '\0';
      else if (k === 'u') delete vars[v!];
      else if (k === 'C') cwd = v!.startsWith('/') ? v! : `${t.cwd.replace(/\/$/, '')}/${v}`;
    }
    const ops = [...p.operands];
    if (ops[0] === '-') {
      vars = {};
      ops.shift();
    }
    while (ops.length && /^[^=]+=/.test(ops[0]!)) {
      const a = ops.shift()!;
      const eq = a.indexOf('=');
      const name = a.slice(0, eq);
      delete vars[name];
      vars[name] = a.slice(eq + 1);
    }
    if (ops.length === 0) {
      await t.out(Object.entries(vars).map(([k, v]) => `${k}=${v}${end}`).join(''));
      return 0;
    }
    if (end === '\0') return usageError(t, 'cannot specify --null (-0) with command', 125);
    if (!hasProgram(t, ops[0]!)) {
      await t.err(`env: '${ops[0]}': No such file or directory\n`);
      return 127;
    }
    if (cwd !== t.cwd && !t.sys.stat(cwd).ok) {
      await t.err(`env: cannot change directory to '${cwd}': No such file or directory\n`);
      return 125;
    }
    if (!t.env.hasCommand(ops[0]!)) return runArgv(t, ops, (d) => t.out(d), { vars });
    return t.env.runCommand({
      parent: t.pid, argv: ops, cwd, vars, stdin: t.stdin, stdout: { write: (s) => t.out(s) }, stderr: { write: (s) => t.err(s) }, signal: t.signal,
    });
  },
});
