// Builtins that run inside the shell process: output, directories, control flow, eval/source, test, read.

import { JOB_BUILTINS } from './builtins-jobs';
import { KILL_BUILTINS } from './builtins-kill';
import { TRAP_BUILTINS } from './builtins-trap';
import { USER_BUILTINS } from './builtins-user';
import { VAR_BUILTINS } from './builtins-vars';
import { CondError, testArgs } from './cond';
import { strerror } from '../host';
import { ExitSignal, LoopSignal, put, ReturnSignal, type Ctx, type Executor } from './executor';
import { errorText, resolvePath } from './fs';
import { echoEscapes, formatPrintf } from './printf';
import type { Builtin } from './services';
import { asInput, BrokenPipe, readUntil } from './streams';

const out = (ctx: Ctx, s: string): Promise<void> => put(ctx.fds[1], s);
const fail = async (ex: Executor, ctx: Ctx, msg: string, status = 1): Promise<number> => {
  await ex.err(ctx, msg);
  return status;
};

/** Programs the shell runs itself (`su` needs the terminal) that `type` still shows as files. */
const PROGRAMS = new Set(Object.keys(USER_BUILTINS));

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]']);

/** A builtin's output, with bash's `write error` when the file refuses it (sealed, full). */
async function emit(ex: Executor, ctx: Ctx, name: string, data: string): Promise<number> {
  const fd = ctx.fds[1];
  if (!fd?.write) return 0;
  try {
    await fd.write(data);
    return 0;
  } catch (e) {
    // A closed pipe ends the writer quietly, as before.
    if (e instanceof BrokenPipe) return 0;
    await ex.err(ctx, `${name}: write error: ${errorText(e)}`);
    return 1;
  }
}

const echo: Builtin = async (ex, argv, ctx) => {
  let i = 1;
  let newline = true;
  let escapes = false;
  for (; i < argv.length && /^-[neE]+$/.test(argv[i]!); i++) {
    for (const f of argv[i]!.slice(1)) {
      if (f === 'n') newline = false;
      else escapes = f === 'e';
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const e = echoEscapes(text);
    text = e.text;
    if (e.stop) newline = false;
  }
  return emit(ex, ctx, 'echo', newline ? text + '\n' : text);
};

const printf: Builtin = async (ex, argv, ctx) => {
  let args = argv.slice(1);
  let target: string | undefined;
  if (args[0] === '-v') {
    target = args[1];
    args = args.slice(2);
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) return fail(ex, ctx, 'printf: usage: printf [-v var] format [arguments]', 2);
  const r = formatPrintf(args[0]!, args.slice(1));
  for (const e of r.errors) await ex.err(ctx, `printf: ${e}`);
  if (target !== undefined) ctx.state.vars.set(target, r.out);
  else await out(ctx, r.out);
  return r.errors.length ? 1 : 0;
};

const cd: Builtin = async (ex, argv, ctx) => {
  const st = ctx.state;
  const args = argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P' || a === '--')));
  if (args.length > 1) return fail(ex, ctx, 'cd: too many arguments');
  let target = args[0];
  let show = false;
  if (target === undefined) {
    target = st.vars.get('HOME');
    if (target === undefined) return fail(ex, ctx, 'cd: HOME not set');
  } else if (target === '-') {
    target = st.vars.get('OLDPWD');
    if (target === undefined) return fail(ex, ctx, 'cd: OLDPWD not set');
    show = true;
  }
  if (target === '') return 0;
  const path = resolvePath(st.cwd, target);
  try {
    const s = await ex.svc.fs.stat(path);
    if (s.type !== 'dir') return fail(ex, ctx, `cd: ${target}: Not a directory`);
    if (ex.svc.fs.access && !(await ex.svc.fs.access(path, 'x'))) return fail(ex, ctx, `cd: ${target}: Permission denied`);
  } catch (e) {
    return fail(ex, ctx, `cd: ${target}: ${errorText(e)}`);
  }
  // chdir(2) of the shell's process: the kernel checks search permission and /proc/PID/cwd follows.
  // A subshell only checks: the shell's process keeps its own directory.
  const errno = ex.svc.host.chdir?.(path, ctx.subshell);
  if (errno) return fail(ex, ctx, `cd: ${target}: ${strerror(errno)}`);
  st.vars.set('OLDPWD', st.cwd);
  st.cwd = path;
  st.vars.set('PWD', path);
  if (show) await out(ctx, path + '\n');
  return 0;
};

const exit: Builtin = async (ex, argv, ctx) => {
  if (ex.svc.interactive && !ctx.subshell) await put(ctx.fds[2], ex.svc.login ? 'logout\n' : 'exit\n');
  const arg = argv[1];
  if (arg === undefined) throw new ExitSignal(ctx.state.status);
  if (!/^[+-]?[0-9]+$/.test(arg.trim())) {
    await ex.err(ctx, `exit: ${arg}: numeric argument required`);
    throw new ExitSignal(2);
  }
  if (argv.length > 2) return fail(ex, ctx, 'exit: too many arguments');
  throw new ExitSignal(Number(BigInt.asUintN(8, BigInt(arg.trim()))));
};

const ret: Builtin = async (ex, argv, ctx) => {
  if (ctx.funcs === 0) return fail(ex, ctx, "return: can only `return' from a function or sourced script", 2);
  const arg = argv[1];
  if (arg !== undefined && !/^[+-]?[0-9]+$/.test(arg)) {
    await ex.err(ctx, `return: ${arg}: numeric argument required`);
    throw new ReturnSignal(2);
  }
  throw new ReturnSignal(arg === undefined ? ctx.state.status : Number(BigInt.asUintN(8, BigInt(arg))));
};

const loopControl = (isContinue: boolean): Builtin => async (ex, argv, ctx) => {
  const name = isContinue ? 'continue' : 'break';
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n)) return fail(ex, ctx, `${name}: ${argv[1]}: numeric argument required`, 128);
  if (n < 1) return fail(ex, ctx, `${name}: ${argv[1]}: loop count out of range`);
  if (ctx.loops === 0) return fail(ex, ctx, `${name}: only meaningful in a \`for', \`while', or \`until' loop`, 0);
  throw new LoopSignal(Math.min(n, ctx.loops), isContinue);
};

const shift: Builtin = async (ex, argv, ctx) => {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 0) return fail(ex, ctx, `shift: ${argv[1]}: numeric argument required`);
  if (n > ctx.state.positional.length) return 1;
  ctx.state.positional = ctx.state.positional.slice(n);
  return 0;
};

const source: Builtin = async (ex, argv, ctx) => {
  const file = argv[1];
  if (file === undefined) {
    await ex.err(ctx, `${argv[0]}: filename argument required`);
    await put(ctx.fds[2], `${argv[0]}: usage: ${argv[0]} filename [arguments]\n`);
    return 2;
  }
  let text: string;
  try {
    const f = await ex.svc.fs.open(resolvePath(ctx.state.cwd, file), 'r');
    text = await asInput({ read: async () => f.read() }).readAll();
    await f.close();
  } catch (e) {
    return fail(ex, ctx, `${file}: ${errorText(e)}`);
  }
  const st = ctx.state;
  const saved = st.positional;
  if (argv.length > 2) st.positional = argv.slice(2);
  try {
    return await ex.svc.evalText(text, { ...ctx, funcs: ctx.funcs + 1 });
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    if (argv.length > 2) st.positional = saved;
  }
};

const test: Builtin = async (ex, argv, ctx) => {
  let args = argv.slice(1);
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') return fail(ex, ctx, "[: missing `]'", 2);
    args = args.slice(0, -1);
  }
  try {
    return (await testArgs(ex.testEnv(ctx), args)) ? 0 : 1;
  } catch (e) {
    if (e instanceof CondError) return fail(ex, ctx, `${argv[0]}: ${e.message}`, 2);
    throw e;
  }
};

const letBuiltin: Builtin = async (ex, argv, ctx) => {
  if (argv.length < 2) return fail(ex, ctx, 'let: expression expected');
  let v = 0n;
  for (const a of argv.slice(1)) v = await ex.expander(ctx).arith([{ t: 'lit', v: a }]);
  return v !== 0n ? 0 : 1;
};

async function commandPath(ex: Executor, ctx: Ctx, name: string): Promise<string | null> {
  if (name.includes('/')) return (await exists(ex, resolvePath(ctx.state.cwd, name))) ? name : null;
  if (!ex.svc.resolve(name) && !PROGRAMS.has(name)) return null;
  for (const dir of (ctx.state.vars.get('PATH') ?? '').split(':')) {
    if (dir && (await exists(ex, `${dir}/${name}`))) return `${dir}/${name}`;
  }
  return `/usr/bin/${name}`;
}

async function exists(ex: Executor, path: string): Promise<boolean> {
  try {
    await ex.svc.fs.stat(path);
    return true;
  } catch {
    return false;
  }
}

async function kindOf(ex: Executor, ctx: Ctx, name: string): Promise<[string, string] | null> {
  if (KEYWORDS.has(name)) return ['keyword', `${name} is a shell keyword`];
  if (ctx.state.functions.has(name)) return ['function', `${name} is a function`];
  if (ex.svc.builtins[name] && !PROGRAMS.has(name)) return ['builtin', `${name} is a shell builtin`];
  const path = await commandPath(ex, ctx, name);
  return path ? ['file', `${name} is ${path}`] : null;
}

const type: Builtin = async (ex, argv, ctx) => {
  const flags = argv.slice(1).filter((a) => a.startsWith('-'));
  let status = 0;
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const k = await kindOf(ex, ctx, name);
    if (!k) {
      if (!flags.includes('-t')) await ex.err(ctx, `type: ${name}: not found`);
      status = 1;
    } else await out(ctx, (flags.includes('-t') ? k[0] : k[1]) + '\n');
  }
  return status;
};

const command: Builtin = async (ex, argv, ctx) => {
  let i = 1;
  let mode = '';
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) if (argv[i] !== '-p') mode = argv[i]!;
  const names = argv.slice(i);
  if (names.length === 0) return 0;
  if (mode === '-v' || mode === '-V') {
    let status = 0;
    for (const name of names) {
      const k = await kindOf(ex, ctx, name);
      if (!k) {
        if (mode === '-V') await ex.err(ctx, `command: ${name}: not found`);
        status = 1;
      } else await out(ctx, (mode === '-V' ? k[1] : k[0] === 'file' ? (await commandPath(ex, ctx, name))! : name) + '\n');
    }
    return status;
  }
  const builtin = ex.svc.builtins[names[0]!];
  return builtin ? builtin(ex, names, ctx) : ex.external(names, {}, ctx);
};

const history: Builtin = async (ex, argv, ctx) => {
  const h = ex.svc.history;
  if (!h) return 0;
  if (argv[1] === '-c') {
    h.clear();
    return 0;
  }
  if (argv[1] === '-d') {
    if (!h.delete(Number(argv[2]))) return fail(ex, ctx, `history: ${argv[2]}: history position out of range`);
    return 0;
  }
  if (argv[1] !== undefined && !/^[0-9]+$/.test(argv[1])) return fail(ex, ctx, `history: ${argv[1]}: numeric argument required`);
  await out(ctx, h.format(argv[1] === undefined ? undefined : Number(argv[1])));
  return 0;
};

const read: Builtin = async (ex, argv, ctx) => {
  let raw = false;
  let delim = '\n';
  let max = Infinity;
  let array: string | undefined;
  let i = 1;
  for (; i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-'; i++) {
    const a = argv[i]!;
    if (a === '-r') raw = true;
    else if (a === '-s') continue;
    else if (a === '-p') await put(ctx.fds[2], argv[++i] ?? '');
    else if (a === '-d') delim = (argv[++i] ?? '').slice(0, 1);
    else if (a === '-n' || a === '-N') max = Number(argv[++i]);
    else if (a === '-a') array = argv[++i];
    else if (a === '-t' || a === '-u') i++;
    else return fail(ex, ctx, `read: ${a}: invalid option`, 2);
  }
  const names = argv.slice(i);
  let line = '';
  let eof = false;
  for (;;) {
    const r = await readUntil(ctx.fds[0], delim === '' ? '\0' : delim, max);
    eof = r.eof;
    let chunk = r.data.endsWith(delim) && delim !== '' ? r.data.slice(0, -1) : r.data;
    if (!raw && chunk.endsWith('\\') && !eof) {
      line += chunk.slice(0, -1);
      continue;
    }
    if (!raw) chunk = chunk.replace(/\\(.)/g, '$1');
    line += chunk;
    break;
  }
  const ifs = ctx.state.vars.get('IFS') ?? ' \t\n';
  const vars = ctx.state.vars;
  if (array !== undefined) vars.setArray(array, splitFields(line, ifs, Infinity));
  else if (names.length === 0) vars.set('REPLY', line);
  else {
    const fields = splitFields(line, ifs, names.length);
    names.forEach((n, k) => vars.set(n, fields[k] ?? ''));
  }
  return eof && line === '' ? 1 : eof ? 1 : 0;
};

/** `read`'s splitting: at most `n` fields, the last one keeps the rest of the line. */
function splitFields(line: string, ifs: string, n: number): string[] {
  const ws = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const trim = (s: string): string => s.replace(new RegExp(`^[${esc(ws)}]+|[${esc(ws)}]+$`, 'g'), '');
  let rest = ws ? trim(line) : line;
  const fields: string[] = [];
  while (rest !== '' && fields.length < n - 1) {
    const m = new RegExp(`[${esc(ifs)}]`).exec(rest);
    if (!m) break;
    fields.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + 1);
    if (ws) rest = rest.replace(new RegExp(`^[${esc(ws)}]+`), '');
  }
  if (rest !== '' || fields.length < n) fields.push(ws ? trim(rest) : rest);
  return fields;
}

function esc(s: string): string {
  return s.replace(/[\\\]^-]/g, '\\$&');
}

export const BUILTINS: Record<string, Builtin> = {
  ':': async () => 0,
  true: async () => 0,
  false: async () => 1,
  echo, printf, cd, exit, shift, test, type, command, history, read,
  pwd: async (_ex, _argv, ctx) => (await out(ctx, ctx.state.cwd + '\n'), 0),
  return: ret,
  break: loopControl(false),
  continue: loopControl(true),
  eval: async (ex, argv, ctx) => (argv.length > 1 ? ex.svc.evalText(argv.slice(1).join(' '), ctx) : 0),
  source,
  '.': source,
  '[': test,
  let: letBuiltin,
  ...VAR_BUILTINS,
  ...JOB_BUILTINS,
  ...KILL_BUILTINS,
  ...USER_BUILTINS,
  ...TRAP_BUILTINS,
};
