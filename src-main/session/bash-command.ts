// `bash` and `sh` as commands: `bash -c CMD`, `bash FILE ARGS…`, `… | sh`, `xargs sh -c …`. As
// /bin/bash is a program like any other, the command's own process (forked and exec'd by the
// calling shell) runs a new interpreter, whose commands are in turn its children. `sh` is bash
// under another name here (Debian's dash words its errors differently: `sh: 1: foo: not found`).
import { errorText, resolvePath } from '../shell/fs';
import { ShellInterpreter } from '../shell/interpreter';
import { FLAG_OPTIONS, OPTION_NAMES } from '../shell/builtins-vars';
import type { ShellOptions } from '../shell/state';
import { asInput } from '../shell/streams';
import type { CommandContext, ShellCommand } from '../shell/types';
import type { BootedHost } from './boot';
import { shellOptions } from './login';

const VERSION = `GNU bash, version 5.0.17(1)-release (x86_64-pc-linux-gnu)
Copyright (C) 2019 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>

This is free software; you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
`;

export const BASH_HELP = `Usage:	bash [GNU long option] [option] ...
	bash [GNU long option] [option] script-file ...
GNU long options:
	--help
	--login
	--noprofile
	--norc
	--version
Shell options:
	-ilrsD or -c command or -O shopt_option		(invocation only)
	-abefhkmnptuvxBCHP or -o option
`;

interface Invocation {
  command?: string;
  file?: string;
  args: string[];
  /** `-e`, `-o pipefail`…: the `set` options the shell starts with. */
  set: (keyof ShellOptions)[];
  /** `-s`: commands from stdin even with arguments. */
  stdin: boolean;
}

/** bash's command line: options, then `-c`'s command string or a script file, then arguments. */
function parse(argv: readonly string[]): Invocation | { usage: string; help?: boolean } | { print: string } {
  const inv: Invocation = { args: [], set: [], stdin: false };
  let takesCommand = false;
  let readsStdin = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '--version') return { print: VERSION };
    if (a === '--help') return { print: BASH_HELP };
    if (a === '--login' || a === '--noprofile' || a === '--norc' || a === '--posix') continue;
    if (a.startsWith('--')) return { usage: `${a}: invalid option`, help: true };
    if (a === '-o' || a === '+o') {
      const name = argv[++i];
      if (name === undefined) return { usage: `${a}: option requires an argument` };
      // bash 5.2 words it so, the line number and all.
      if (!OPTION_NAMES[name]) return { usage: `line 0: bash: ${name}: invalid option name` };
      if (a === '-o') inv.set.push(OPTION_NAMES[name]);
      continue;
    }
    // shopt options: taken and ignored (the interpreter has no shopt).
    if (a === '-O' || a === '+O') {
      if (argv[++i] === undefined) return { usage: `${a}: option requires an argument` };
      continue;
    }
    if (!/^[-+]./.test(a)) break;
    for (const ch of a.slice(1)) {
      if (ch === 'c') takesCommand = true;
      else if (ch === 's') readsStdin = true;
      else if (FLAG_OPTIONS[ch] && a[0] === '-') inv.set.push(FLAG_OPTIONS[ch]);
      else if (!'ilsO'.includes(ch) && !FLAG_OPTIONS[ch]) return { usage: `-${ch}: invalid option`, help: true };
    }
  }
  const rest = argv.slice(i);
  if (takesCommand) {
    if (rest.length === 0) return { usage: '-c: option requires an argument' };
    inv.command = rest[0];
    inv.args = rest.slice(1);
  } else if (readsStdin) {
    inv.stdin = true;
    inv.args = rest;
  }
  else if (rest.length > 0) {
    inv.file = rest[0];
    inv.args = rest.slice(1);
  }
  return inv;
}

async function scriptText(ctx: CommandContext, file: string): Promise<string> {
  const f = await ctx.fs.open(resolvePath(ctx.cwd, file), 'r');
  try {
    return await asInput({ read: async () => f.read() }).readAll();
  } finally {
    await f.close();
  }
}

export function bashCommand(booted: () => BootedHost): ShellCommand {
  return async (ctx) => {
    const name = ctx.argv[0] ?? 'bash';
    if (!ctx.process) {
      await ctx.stderr.write(`${name}: cannot run outside a host process\n`);
      return 126;
    }
    const inv = parse(ctx.argv);
    if ('print' in inv) {
      await ctx.stdout.write(inv.print);
      return 0;
    }
    if ('usage' in inv) {
      await ctx.stderr.write(`${name}: ${inv.usage}\n${inv.help ? BASH_HELP : ''}`);
      return 2;
    }
    const env = { ...ctx.env, SHLVL: String((Number(ctx.env.SHLVL) || 0) + 1) };
    const options = shellOptions(booted(), ctx.process.pid, ctx.cwd, env);
    // `bash` typed at the prompt: an interactive shell on the same terminal until it exits.
    if (inv.command === undefined && inv.file === undefined && !inv.stdin && ctx.nest) return ctx.nest(options);
    let text: string;
    try {
      text = inv.command ?? (inv.file !== undefined ? await scriptText(ctx, inv.file) : await ctx.stdin.readAll());
    } catch (e) {
      await ctx.stderr.write(`${name}: ${inv.file}: ${errorText(e)}\n`);
      return 127;
    }
    // $0 is the script, or for -c the word after the command, else the name bash was run by.
    const argv0 = inv.file ?? (inv.command !== undefined ? (inv.args.shift() ?? name) : name);
    const sh = new ShellInterpreter({ ...options, interactive: false, scriptName: argv0, args: inv.args });
    for (const o of inv.set) sh.state.options[o] = true;
    const r = await sh.run(text, { stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr, signal: ctx.signal });
    return r.exitCode;
  };
}
