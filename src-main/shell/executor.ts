// Walks the syntax tree: lists, and-or chains, concurrent pipelines, compound commands, functions, simple commands.

import type { AndOrNode, Assignment, CommandNode, ListNode, PipelineNode, SimpleNode, Word } from './ast';
import { runCompound } from './compound';
import type { TestEnv } from './cond';
import { Expander, ExpansionError, literalOf } from './expand';
import { errorText, FsError, resolvePath, type ShellFs } from './fs';
import { foregroundJob } from './job-control';
import type { ProcGroup } from './proc-group';
import type { Services } from './services';
import { applyRedirects, closeAll, RedirectError } from './redirect';
import { ReadonlyError, type ShellState } from './state';
import type { StopSignal } from './stop';
import { asInput, asOutput, BrokenPipe, Capture, EMPTY_INPUT, Pipe, type Stream } from './streams';
import type { CommandContext, ShellChild } from './types';

export class ExitSignal {
  constructor(readonly status: number) {}
}
export class LoopSignal {
  constructor(
    readonly levels: number,
    readonly isContinue: boolean,
  ) {}
}
export class ReturnSignal {
  constructor(readonly status: number) {}
}
/** The foreground job was interrupted (Ctrl-C): the rest of the input is dropped. */
export class Interrupted {}

/** Execution context of one command: the state it changes and its descriptors. */
export interface Ctx {
  state: ShellState;
  fds: (Stream | undefined)[];
  signal: StopSignal;
  /** Inside an if/while condition or a non-final part of && ||: set -e does not apply. */
  cond: boolean;
  loops: number;
  /** Depth of function calls and sourced files: where `return` is allowed. */
  funcs: number;
  /** A child shell (pipeline stage, ( ), $( ), background job): `exit` prints nothing. */
  subshell: boolean;
  /** A background job's process, forked for $!, waiting for the job's first external command. */
  prefork?: { child: ShellChild | undefined };
  /** The job (process group) whose processes the commands run here belong to. */
  group?: ProcGroup;
  /** The text of the pipeline stage running here, for job listings. */
  cmdText?: string;
}

const MAX_FUNC_NEST = 1000;
/** bash's pseudo-signal number of the ERR trap. */
const ERR_TRAP = 66;

export async function put(s: Stream | undefined, data: string): Promise<void> {
  if (!s?.write) return;
  try {
    await s.write(data);
  } catch {
    // Writing to a closed or broken descriptor: bash reports nothing more.
  }
}

export class Executor {
  lineno = 0;
  private substStatus = 0;
  private ticks = 0;

  constructor(readonly svc: Services) {}

  /** `bash: ` interactively, `NAME: line N: ` in a script. */
  prefix(): string {
    return this.svc.scriptName !== undefined ? `${this.svc.scriptName}: line ${this.lineno}: ` : 'bash: ';
  }

  async err(ctx: Ctx, msg: string): Promise<void> {
    await put(ctx.fds[2], this.prefix() + msg + '\n');
  }

  expander(ctx: Ctx): Expander {
    return new Expander({
      state: ctx.state,
      fs: this.svc.fs,
      special: (name) => this.svc.special(name, ctx.state, this.lineno),
      commandSubst: (body) => this.commandSubst(body, ctx),
      homeOf: (user) => this.svc.homeOf(user),
      warn: (msg) => this.err(ctx, msg),
    });
  }

  /** Signals the shell's process caught since its last command, for `trap` (main shell only). */
  readonly caught: number[] = [];

  async list(list: ListNode, ctx: Ctx): Promise<number> {
    let status = ctx.state.status;
    for (const item of list.items) {
      if (ctx.signal.aborted) throw new Interrupted();
      if (item.background) {
        this.svc.startJob(item, ctx);
        status = ctx.state.status = 0;
      } else status = await this.andOr(item, ctx);
      // Between commands: the shell's process may have been killed, or caught a trapped signal.
      const died = this.svc.host.died?.();
      if (died !== undefined) throw new ExitSignal(died);
      if (this.caught.length && !ctx.subshell) await this.svc.runTraps(this.caught.splice(0), ctx);
    }
    return status;
  }

  async andOr(ao: AndOrNode, ctx: Ctx): Promise<number> {
    const n = ao.rest.length;
    let status = await this.pipeline(ao.first, n > 0 ? { ...ctx, cond: true } : ctx);
    let last = ao.first;
    for (let i = 0; i < n; i++) {
      const r = ao.rest[i]!;
      if (r.op === '&&' ? status !== 0 : status === 0) continue;
      last = r.pipeline;
      status = await this.pipeline(r.pipeline, i < n - 1 ? { ...ctx, cond: true } : ctx);
    }
    const lastRan = last === (n ? ao.rest[n - 1]!.pipeline : ao.first);
    if (status !== 0 && !ctx.cond && lastRan && !last.negate) {
      if (ctx.state.traps.size && !ctx.subshell) await this.svc.runTraps([ERR_TRAP], ctx);
      if (ctx.state.options.errexit) throw new ExitSignal(status);
    }
    return status;
  }

  async pipeline(p: PipelineNode, ctx: Ctx): Promise<number> {
    const started = p.timed ? this.svc.host.now() : 0;
    let statuses: number[];
    // The shell's own pipelines are jobs; a subshell's processes belong to the job it is part of.
    if (ctx.subshell || !this.svc.host.fork) statuses = await this.stages(p, ctx);
    else {
      const r = await foregroundJob(this, p, ctx);
      if (!r) return ctx.state.status;
      statuses = r;
    }
    let status = this.jobStatus(statuses, ctx);
    if (p.negate) status = status === 0 ? 1 : 0;
    ctx.state.vars.setArray('PIPESTATUS', statuses.map(String));
    ctx.state.status = status;
    if (p.timed) await put(ctx.fds[2], formatTime(this.svc.host.now() - started));
    return status;
  }

  stages(p: PipelineNode, ctx: Ctx): Promise<number[]> {
    if (p.cmds.length > 1) return this.concurrent(p, ctx);
    return this.command(p.cmds[0]!, p.negate ? { ...ctx, cond: true } : ctx).then((s) => [s]);
  }

  /** A pipeline's status: its last command's, or with pipefail the last one that failed. */
  jobStatus(statuses: number[], ctx: Ctx): number {
    if (ctx.state.options.pipefail) return [...statuses].reverse().find((s) => s !== 0) ?? 0;
    return statuses[statuses.length - 1]!;
  }

  /** Every stage runs at once in its own subshell, joined by pipes, as forked processes are. */
  private async concurrent(p: PipelineNode, ctx: Ctx): Promise<number[]> {
    const n = p.cmds.length;
    const pipes = Array.from({ length: n - 1 }, () => new Pipe());
    return Promise.all(
      p.cmds.map(async (cmd, i) => {
        const fds = [...ctx.fds];
        if (i > 0) fds[0] = pipes[i - 1]!.reader;
        if (i < n - 1) {
          fds[1] = pipes[i]!.writer;
          if (p.stderrToo[i]) fds[2] = pipes[i]!.writer;
        }
        const sub: Ctx = { ...ctx, state: ctx.state.clone(), fds, loops: 0, subshell: true, cmdText: ctx.cmdText ?? p.texts[i] };
        try {
          return await this.subshell(() => this.command(cmd, sub), sub);
        } finally {
          if (i < n - 1) pipes[i]!.writer.close();
          if (i > 0) pipes[i - 1]!.reader.close();
        }
      }),
    );
  }

  /** Runs code as a child shell: exit, break and return end only the child. */
  async subshell(run: () => Promise<number>, ctx: Ctx): Promise<number> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof ReturnSignal) return e.status;
      if (e instanceof LoopSignal) return ctx.state.status;
      if (e instanceof BrokenPipe) return 141;
      if (e instanceof ExpansionError || e instanceof ReadonlyError) {
        await this.err(ctx, e.message);
        return 1;
      }
      throw e;
    }
  }

  async command(cmd: CommandNode, ctx: Ctx): Promise<number> {
    if (ctx.signal.aborted) throw new Interrupted();
    if (++this.ticks % 1000 === 0) await this.svc.yieldToEvents();
    if (cmd.type === 'simple') return this.simple(cmd, ctx);
    if (cmd.type === 'funcdef') {
      ctx.state.functions.set(cmd.name, cmd);
      return (ctx.state.status = 0);
    }
    if (cmd.redirs.length === 0) return runCompound(this, cmd, ctx);
    const fds = await this.redirect(cmd, ctx);
    if (!fds) return (ctx.state.status = 1);
    try {
      return await runCompound(this, cmd, { ...ctx, fds: fds.fds });
    } finally {
      await closeAll(fds.opened);
    }
  }

  private async redirect(cmd: CommandNode, ctx: Ctx, fs: ShellFs = this.svc.fs, quiet?: () => boolean) {
    try {
      return await applyRedirects(cmd.redirs, ctx.fds, this.expander(ctx), fs, ctx.state.cwd, ctx.state.options.noclobber);
    } catch (e) {
      if (!(e instanceof RedirectError)) throw e;
      if (!quiet?.()) await this.err(ctx, e.message);
      return null;
    }
  }

  testEnv(ctx: Ctx): TestEnv {
    const st = ctx.state;
    return {
      fs: this.svc.fs,
      cwd: st.cwd,
      isSet: (name) => st.vars.lookup(name)?.value !== undefined,
      option: (name) => (st.options as unknown as Record<string, boolean>)[name] === true,
    };
  }

  private async readFileSubst(cmd: SimpleNode, ctx: Ctx): Promise<string> {
    const r = await this.redirect(cmd, ctx);
    if (!r) {
      this.substStatus = 1;
      return '';
    }
    try {
      this.substStatus = 0;
      return stripNewlines(await asInput(r.fds[0]).readAll());
    } finally {
      await closeAll(r.opened);
    }
  }

  private async simple(cmd: SimpleNode, ctx: Ctx): Promise<number> {
    this.lineno = cmd.line;
    const st = ctx.state;
    const ex = this.expander(ctx);
    this.substStatus = 0;
    const argv = DECLARATIONS.has(literalOf(cmd.words[0] ?? { parts: [] }) ?? '') ? await declarationArgs(cmd.words, ex) : await ex.words(cmd.words);
    if (argv.length === 0) {
      for (const a of cmd.assigns) await this.assign(a, st, ex);
      if (cmd.assigns.length && st.options.xtrace) await put(ctx.fds[2], cmd.assigns.map((a) => `+ ${a.name}=${st.vars.get(a.name) ?? ''}\n`).join(''));
      const status = this.substStatus;
      if (cmd.redirs.length) {
        const r = await this.redirect(cmd, ctx);
        if (!r) return (st.status = 1);
        await closeAll(r.opened);
      }
      return (st.status = status);
    }
    const temp: Record<string, string> = {};
    for (const a of cmd.assigns) temp[a.name] = a.value ? await ex.string(a.value.parts) : '';
    if (st.options.xtrace) await put(ctx.fds[2], (st.vars.get('PS4') ?? '+ ') + argv.map(traceQuote).join(' ') + '\n');
    let fds = ctx.fds;
    let opened: Awaited<ReturnType<Executor['redirect']>> = null;
    // As bash forks before it opens a command's redirections, the files belong to the command.
    const child = this.isExternal(argv[0]!, ctx) ? (this.takePrefork(ctx) ?? this.fork(ctx)) : undefined;
    // Ctrl-C reaches the command's process as SIGINT, even while it still opens its redirections.
    const onInterrupt = child ? () => child.interrupt() : undefined;
    if (child) {
      ctx.group?.add(child, ctx.cmdText ?? argv.join(' '));
      if (ctx.signal.aborted) onInterrupt!();
      else ctx.signal.addEventListener('abort', onInterrupt!, { once: true });
    }
    try {
      if (cmd.redirs.length) {
        // A child killed in its open (Ctrl-C on a blocked open) just died: bash says nothing more.
        opened = await this.redirect(cmd, ctx, child?.fs, () => child?.died.aborted === true);
        if (!opened) return (st.status = child ? await child.finish(1) : 1);
        fds = opened.fds;
      }
      const status = child ? await this.runChild(child, argv, temp, { ...ctx, fds }) : await this.invoke(argv, temp, { ...ctx, fds });
      // A job stopped and left in the background no longer speaks for the shell's $?.
      if (!ctx.group?.detached) st.status = status;
      return status;
    } finally {
      if (onInterrupt) ctx.signal.removeEventListener('abort', onInterrupt);
      if (opened) await closeAll(opened.opened);
    }
  }

  private fork(ctx: Ctx): ShellChild | undefined {
    const died = this.svc.host.died?.();
    if (died !== undefined) throw new ExitSignal(died);
    return this.svc.host.fork?.(ctx.group?.fork);
  }

  private takePrefork(ctx: Ctx): ShellChild | undefined {
    const child = ctx.prefork?.child;
    if (ctx.prefork) ctx.prefork.child = undefined;
    return child;
  }

  private isExternal(name: string, ctx: Ctx): boolean {
    return !ctx.state.functions.has(name) && !this.svc.builtins[name] && this.svc.resolve(name) !== undefined;
  }

  /** Runs an external command as its own process: exec, run, exit, reap. */
  private async runChild(child: ShellChild, argv: string[], temp: Record<string, string>, ctx: Ctx): Promise<number> {
    child.exec(argv, ctx.state.cwd);
    // The kernel decides whether a signal kills it; the command stops when its process dies.
    const status = await this.external(argv, temp, { ...ctx, signal: child.died }, child);
    return child.finish(status);
  }

  async assign(a: Assignment, st: ShellState, ex: Expander): Promise<void> {
    const vars = st.vars;
    if (a.array) {
      const vals = await ex.words(a.array);
      const old = vars.lookup(a.name)?.value;
      vars.setArray(a.name, a.append ? [...(Array.isArray(old) ? old : old === undefined ? [] : [old]), ...vals] : vals);
      return;
    }
    let v = a.value ? await ex.string(a.value.parts) : '';
    if (a.index) {
      vars.setElement(a.name, Number(await ex.arith(a.index)), v);
      return;
    }
    const cur = vars.lookup(a.name);
    if (cur?.integer) v = String(await ex.arith([{ t: 'lit', v: a.append ? `${cur.value ?? 0}+(${v})` : v }]));
    else if (a.append) v = (vars.get(a.name) ?? '') + v;
    this.svc.assignSpecial(a.name, v);
    vars.set(a.name, v, st.options.allexport ? { exported: true } : {});
  }

  /** Function, builtin, or command, in bash's lookup order. */
  async invoke(argv: string[], temp: Record<string, string>, ctx: Ctx): Promise<number> {
    const name = argv[0]!;
    const fn = ctx.state.functions.get(name);
    if (fn) return this.withTemp(ctx, temp, () => this.callFunction(fn, argv, ctx));
    const builtin = this.svc.builtins[name];
    if (builtin) return this.withTemp(ctx, temp, () => builtin(this, argv, ctx));
    return this.external(argv, temp, ctx);
  }

  async external(argv: string[], temp: Record<string, string>, ctx: Ctx, child?: ShellChild): Promise<number> {
    const name = argv[0]!;
    const command = this.svc.resolve(name);
    if (!command) return this.notFound(name, ctx);
    const svcFs = this.svc.fs;
    const columns = this.svc.ttyColumns(ctx.fds[1]);
    const nest = this.svc.ttyNest(ctx.fds[0]);
    const cctx: CommandContext = {
      argv,
      env: { ...ctx.state.vars.exported(), ...temp },
      cwd: ctx.state.cwd,
      signal: ctx.signal,
      // A getter: a command that never opens a path through the shell's fs never builds its own.
      get fs() {
        return child?.fs ?? svcFs;
      },
      stdin: asInput(ctx.fds[0] ?? EMPTY_INPUT),
      stdout: asOutput(ctx.fds[1], '1'),
      stderr: asOutput(ctx.fds[2], '2'),
      ...(child ? { process: child } : {}),
      ...(columns !== undefined ? { tty: { columns } } : {}),
      ...(nest ? { nest } : {}),
    };
    try {
      return await command(cctx);
    } catch (e) {
      if (e instanceof BrokenPipe) return 141;
      await put(ctx.fds[2], `${name}: ${errorText(e)}\n`);
      return 1;
    }
  }

  private async notFound(name: string, ctx: Ctx): Promise<number> {
    if (!name.includes('/')) {
      await this.err(ctx, `${name}: command not found`);
      return 127;
    }
    try {
      const s = await this.svc.fs.stat(resolvePath(ctx.state.cwd, name));
      await this.err(ctx, `${name}: ${s.type === 'dir' ? 'Is a directory' : 'Permission denied'}`);
      return 126;
    } catch (e) {
      await this.err(ctx, `${name}: ${e instanceof FsError ? e.message : errorText(e)}`);
      return 127;
    }
  }

  async callFunction(fn: CommandNode & { type: 'funcdef' }, argv: string[], ctx: Ctx): Promise<number> {
    if (ctx.funcs >= MAX_FUNC_NEST) {
      await this.err(ctx, `${fn.name}: maximum function nesting level exceeded (${MAX_FUNC_NEST})`);
      throw new ExitSignal(1);
    }
    const st = ctx.state;
    const saved = st.positional;
    st.positional = argv.slice(1);
    st.vars.pushFrame();
    st.vars.declareLocal('FUNCNAME', { value: fn.name });
    try {
      return await this.command(fn.body, { ...ctx, funcs: ctx.funcs + 1, loops: 0 });
    } catch (e) {
      if (e instanceof ReturnSignal) return (st.status = e.status);
      throw e;
    } finally {
      st.vars.popFrame();
      st.positional = saved;
    }
  }

  /** `VAR=x cmd` for a function or builtin: visible (and exported) only while it runs. */
  private async withTemp(ctx: Ctx, temp: Record<string, string>, run: () => Promise<number>): Promise<number> {
    const names = Object.keys(temp);
    if (names.length === 0) return run();
    const vars = ctx.state.vars;
    const saved = names.map((n) => ({ n, v: vars.lookup(n) ? { ...vars.lookup(n)! } : undefined }));
    for (const n of names) vars.set(n, temp[n]!, { exported: true });
    try {
      return await run();
    } finally {
      for (const { n, v } of saved) {
        if (v) vars.restore(n, v);
        else vars.unset(n);
      }
    }
  }

  async commandSubst(body: ListNode, ctx: Ctx): Promise<string> {
    const only = body.items.length === 1 && !body.items[0]!.rest.length ? body.items[0]!.first.cmds : [];
    const sole = only.length === 1 && only[0]!.type === 'simple' ? only[0] : undefined;
    if (sole && sole.words.length === 0 && sole.assigns.length === 0 && sole.redirs.length === 1 && sole.redirs[0]!.op === '<') {
      return this.readFileSubst(sole, ctx);
    }
    const cap = new Capture();
    const sub: Ctx = { ...ctx, state: ctx.state.clone(), fds: [ctx.fds[0], cap, ctx.fds[2]], cond: false, loops: 0, subshell: true };
    const line = this.lineno;
    this.substStatus = await this.subshell(() => this.list(body, sub), sub);
    this.lineno = line;
    return cap.data.replace(/\n+$/, '');
  }
}

/** Builtins whose NAME=VALUE arguments are assignments: expanded without splitting or globbing. */
const DECLARATIONS = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);

async function declarationArgs(words: readonly Word[], ex: Expander): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    const first = w.parts[0];
    if (first?.t === 'lit' && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(first.v)) out.push(await ex.string(w.parts));
    else out.push(...(await ex.words([w])));
  }
  return out;
}

/** Command substitution drops trailing newlines. */
function stripNewlines(s: string): string {
  return s.replace(/\n+$/, '');
}

function traceQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function formatTime(ms: number): string {
  const t = (x: number): string => `${Math.floor(x / 60000)}m${((x % 60000) / 1000).toFixed(3)}s`;
  return `\nreal\t${t(ms)}\nuser\t${t(0)}\nsys\t${t(0)}\n`;
}
