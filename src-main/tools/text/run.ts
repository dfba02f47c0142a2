// Child commands of text tools (xargs, env, awk's system() and pipes): each one a process of its
// own, started through the host's runCommand with this process as its parent.
import type { ShellInput } from '../../shell/types';
import { echoEscapes, formatPrintf } from '../../shell/printf';
import type { ToolRun } from '../tool';

export function stringInput(text: string): ShellInput {
  let done = text === '';
  return {
    read: async () => {
      if (done) return null;
      done = true;
      return text;
    },
    readAll: async () => {
      const all = done ? '' : text;
      done = true;
      return all;
    },
  };
}

export interface RunOptions {
  stdin?: ShellInput;
  vars?: Readonly<Record<string, string>>;
}

/**
 * /bin/echo, /bin/printf, /bin/true and /bin/false, for hosts whose shell has them only as
 * builtins: what those programs print, without a process of their own.
 */
async function utility(t: ToolRun, argv: readonly string[], write: (s: string) => Promise<void>): Promise<number | null> {
  const [name, ...args] = argv;
  if (name === 'true') return 0;
  if (name === 'false') return 1;
  if (name === 'echo') {
    let newline = true;
    let escapes = false;
    while (args.length && /^-[neE]+$/.test(args[0]!)) {
      for (const c of args.shift()!.slice(1)) {
        if (c === 'n') newline = false;
        else escapes = c === 'e';
      }
    }
    const text = args.join(' ');
    const e = escapes ? echoEscapes(text) : { text, stop: false };
    await write(e.text + (newline && !e.stop ? '\n' : ''));
    return 0;
  }
  if (name === 'printf') {
    if (args.length === 0) {
      await t.err(`printf: missing operand\nTry 'printf --help' for more information.\n`);
      return 1;
    }
    const r = formatPrintf(args[0]!, args.slice(1));
    await write(r.out);
    for (const m of r.errors) await t.err(`printf: ${m}\n`);
    return r.errors.length ? 1 : 0;
  }
  return null;
}

/** Runs argv as a child; resolves with its status (127 when there is no such command). */
export async function runArgv(t: ToolRun, argv: readonly string[], write: (s: string) => Promise<void>, o: RunOptions = {}): Promise<number> {
  if (!t.env.hasCommand(argv[0] ?? '')) {
    const s = await utility(t, argv, write);
    if (s !== null) return s;
  }
  return t.env.runCommand({
    parent: t.pid,
    argv,
    cwd: t.cwd,
    vars: o.vars ?? t.vars,
    stdin: o.stdin ?? stringInput(''),
    stdout: { write },
    stderr: { write: (s) => t.err(s) },
    signal: t.signal,
  });
}

/**
 * The words of a simple command line (quotes and backslashes as sh reads them), or null when it
 * uses what only a shell can do (pipes, redirections, expansions, lists).
 */
export function shellWords(cmd: string): string[] | null {
  const words: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i]!;
    if (c === "'") {
      const end = cmd.indexOf("'", i + 1);
      if (end < 0) return null;
      cur += cmd.slice(i + 1, end);
      i = end;
      has = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < cmd.length && cmd[j] !== '"'; j++) {
        if (cmd[j] === '\\' && /["\\$`]/.test(cmd[j + 1] ?? '')) cur += cmd[++j];
        else if (cmd[j] === '$' || cmd[j] === '`') return null;
        else cur += cmd[j];
      }
      if (j >= cmd.length) return null;
      i = j;
      has = true;
    } else if (c === '\\' && i + 1 < cmd.length) {
      cur += cmd[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has) words.push(cur);
      cur = '';
      has = false;
    } else if (/[|&;<>()$`*?[\]{}~]/.test(c)) return null;
    else {
      cur += c;
      has = true;
    }
  }
  if (has) words.push(cur);
  return words;
}

/** `sh -c CMD` as awk's system() and pipes do; a plain command when the host has no sh. */
export async function runShellCommand(t: ToolRun, cmd: string, stdin: string, write: (s: string) => Promise<void>): Promise<number> {
  let argv: string[] | null = t.env.hasCommand('sh') ? ['sh', '-c', cmd] : shellWords(cmd);
  if (argv === null) {
    await t.err(`sh: 1: cannot run here: ${cmd}\n`);
    return 2;
  }
  if (argv.length === 0) return 0;
  argv = [...argv];
  if (!hasProgram(t, argv[0]!)) {
    await t.err(`sh: 1: ${argv[0]}: not found\n`);
    return 127;
  }
  return runArgv(t, argv, write, { stdin: stringInput(stdin) });
}

/** A command runArgv can run: the host's, or one of the standard utilities above. */
export function hasProgram(t: ToolRun, name: string): boolean {
  return t.env.hasCommand(name) || ['echo', 'printf', 'true', 'false'].includes(name);
}
