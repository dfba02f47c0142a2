// The embedded shell: runs input a complete command at a time with persistent state, over a pluggable filesystem and command set.

import type { TopLevel } from './ast';
import { BUILTINS } from './builtins';
import { Executor, ExitSignal, Interrupted, LoopSignal, ReturnSignal, type Ctx } from './executor';
import { ExpansionError } from './expand';
import type { ShellFs } from './fs';
import type { History } from './history';
import { baseAction, EXIT, runTrap } from './builtins-trap';
import { notifyJobs, startBackground } from './job-control';
import { SIGINT, SIGTERM } from './signals';
import { JobTable } from './jobs';
import { Parser, ShellSyntaxError } from './parser';
import { BashRandom } from './random';
import type { Services } from './services';
import { ReadonlyError, ShellState } from './state';
import { NEVER_STOPS, type StopSignal } from './stop';
import { EMPTY_INPUT, OutputLog, type Stream } from './streams';
import type { OutputChunk, ShellCommand, ShellHost } from './types';

export interface InterpreterOptions {
  fs: ShellFs;
  host: ShellHost;
  /** Programs by name (the kernel's tools, rdma-app…), or a lookup function. */
  commands?: Readonly<Record<string, ShellCommand>> | ((name: string) => ShellCommand | undefined);
  /** Every command name, for completion, when `commands` is a function. */
  commandNames?: () => string[];
  cwd?: string;
  /** Exported environment at start (HOME, PATH, USER, HOSTNAME, TERM…). */
  env?: Readonly<Record<string, string>>;
  /** Interactive shell (default): `bash: ` error prefix, `exit` is echoed, job numbers shown. */
  interactive?: boolean;
  /** Runs a script of this name: errors read `NAME: line N: …` and $0 is NAME. */
  scriptName?: string;
  /** Positional parameters $1… */
  args?: readonly string[];
  history?: History;
  /** Output that arrives outside run(), from background jobs; also the default streaming listener. */
  onOutput?: (chunk: OutputChunk) => void;
  /** The terminal's flow control: awaited after each write to it, so a flood waits for the window. */
  outputReady?: () => Promise<void> | undefined;
  homeOf?: (user: string) => string | undefined;
  bashVersion?: string;
  /** A login shell (`su -`): `exit` and Ctrl-D say `logout`. */
  login?: boolean;
  /** The width of the terminal this shell writes to, for commands that lay out columns (`ls`). */
  terminalColumns?: () => number;
  /** The terminal lets another shell (`su USER`) read it until that one exits; its status. */
  nest?: (options: Omit<InterpreterOptions, 'history' | 'interactive' | 'scriptName' | 'onOutput'>) => Promise<number>;
}

export interface RunOptions {
  /** Abort = Ctrl-C for the foreground job. */
  signal?: StopSignal;
  /** The terminal's input, for commands that read it (default: end of file at once). */
  stdin?: Stream;
  /** Each piece of output as it is written, in order. */
  onOutput?: (chunk: OutputChunk) => void;
  /** The shell is leaving (Ctrl-D): only its EXIT trap runs. */
  leaving?: boolean;
  /** Where the shell's fds 1 and 2 go instead of the terminal (`su -c CMD > file`). */
  stdout?: Stream;
  stderr?: Stream;
}

export interface RunResult {
  /** Everything written to the terminal, in order, stdout and stderr told apart. */
  output: OutputChunk[];
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The shell ran `exit` (or a script ended on a fatal error): close the session. */
  exited: boolean;
}

export class ShellInterpreter {
  readonly state: ShellState;
  readonly jobs = new JobTable();
  private readonly exec: Executor;
  private readonly opts: InterpreterOptions;
  private readonly random: BashRandom;
  private secondsBase: number;
  private current: OutputLog | null = null;
  /** The terminal's input while a line typed at it runs (commands reading it read the terminal). */
  private termIn: Stream | undefined;
  private fakePid = 10000;
  private readonly termOut: Stream = { write: (d) => this.emit('stdout', d) };
  private readonly termErr: Stream = { write: (d) => this.emit('stderr', d) };
  exited = false;

  constructor(opts: InterpreterOptions) {
    this.opts = opts;
    const interactive = opts.scriptName === undefined && (opts.interactive ?? true);
    const cwd = opts.cwd ?? '/root';
    this.state = new ShellState({ cwd, argv0: opts.scriptName ?? 'bash' });
    this.state.positional = [...(opts.args ?? [])];
    this.random = new BashRandom(opts.host.randomSeed());
    this.secondsBase = opts.host.now();
    const vars = this.state.vars;
    for (const [k, v] of Object.entries(opts.env ?? {})) vars.set(k, v, { exported: true });
    vars.set('PWD', cwd, { exported: true });
    if (vars.get('SHLVL') === undefined) vars.set('SHLVL', '1', { exported: true });
    const defaults: Record<string, string> = {
      IFS: ' \t\n', PS2: '> ', PS4: '+ ', BASH: '/bin/bash', BASH_VERSION: opts.bashVersion ?? '5.0.17(1)-release',
      OPTIND: '1', HISTSIZE: '500', HOSTTYPE: 'x86_64', OSTYPE: 'linux-gnu', MACHTYPE: 'x86_64-pc-linux-gnu',
    };
    for (const [k, v] of Object.entries(defaults)) if (vars.get(k) === undefined) vars.set(k, v);
    const uid = String(opts.host.uid ?? 0);
    vars.set('UID', uid, { readonly: true });
    vars.set('EUID', uid, { readonly: true });
    this.exec = new Executor(this.services(interactive));
    this.jobs.jobControl = interactive;
    // A script's bash dies of SIGTERM and SIGINT; an interactive one ignores or catches them.
    if (!interactive) for (const sig of [SIGTERM, SIGINT]) opts.host.trap?.(sig, baseAction(sig, false));
    opts.host.onSignal?.((sig) => {
      if (this.state.traps.get(sig)) this.exec.caught.push(sig);
    });
  }

  get fs(): ShellFs {
    return this.opts.fs;
  }

  get interactive(): boolean {
    return this.exec.svc.interactive;
  }

  get login(): boolean {
    return this.opts.login === true;
  }

  /** Whether more lines are needed to complete this input (the terminal then prompts with PS2). */
  needsMore(src: string): boolean {
    try {
      const p = new Parser(src, false);
      while (p.next());
      return false;
    } catch (e) {
      return e instanceof ShellSyntaxError && e.incomplete;
    }
  }

  /** Runs input (a line, or a whole script) to its end, an `exit`, or an interrupt. */
  async run(src: string, opts: RunOptions = {}): Promise<RunResult> {
    const log = new OutputLog(opts.onOutput ?? this.opts.onOutput);
    const prev = this.current;
    this.current = log;
    const prevIn = this.termIn;
    this.termIn = opts.stdin;
    const ctx: Ctx = {
      state: this.state, fds: [opts.stdin ?? EMPTY_INPUT, opts.stdout ?? this.termOut, opts.stderr ?? this.termErr], signal: opts.signal ?? NEVER_STOPS,
      cond: false, loops: 0, funcs: 0, subshell: false,
    };
    let exited = opts.leaving === true;
    const parser = new Parser(src, true);
    try {
      for (;;) {
        let top: TopLevel | null;
        try {
          top = parser.next();
        } catch (e) {
          if (!(e instanceof ShellSyntaxError)) throw e;
          await this.syntaxError(e, src, ctx);
          if (!this.interactive) exited = true;
          break;
        } finally {
          for (const w of parser.warnings.splice(0)) {
            this.exec.lineno = w.line;
            await this.exec.err(ctx, w.message);
          }
        }
        if (!top) break;
        const r = await this.runTop(top, ctx);
        if (r === 'exit') exited = true;
        if (r !== 'next') break;
      }
      if (exited || !this.interactive) await this.exitTrap(ctx);
    } finally {
      this.current = prev;
      this.termIn = prevIn;
    }
    if (exited) this.exited = true;
    return { output: log.chunks, stdout: log.text('stdout'), stderr: log.text('stderr'), exitCode: this.state.status, exited };
  }

  /** `[1]+  Done   …` lines for jobs that stopped or ended; bash prints them before the next prompt. */
  async jobNotices(): Promise<string> {
    if (!this.interactive) return '';
    await this.jobs.settle();
    return this.jobs.takeChanged();
  }

  /** Ctrl-Z, Ctrl-\ at the terminal: the signal goes to the foreground job's processes. */
  signalForeground(sig: number): void {
    const group = this.jobs.foreground;
    if (group) for (const p of group.alive()) this.opts.host.kill?.(p.pid, sig);
  }

  private async runTop(top: TopLevel, ctx: Ctx): Promise<'next' | 'exit' | 'stop'> {
    try {
      await this.exec.list(top.list, ctx);
      return 'next';
    } catch (e) {
      if (e instanceof ExitSignal) {
        this.state.status = e.status;
        return 'exit';
      }
      if (e instanceof Interrupted) {
        this.state.status = 130;
        return 'stop';
      }
      if (e instanceof ExpansionError || e instanceof ReadonlyError) {
        await this.exec.err(ctx, e.message);
        this.state.status = 1;
        return 'next';
      }
      if (e instanceof LoopSignal || e instanceof ReturnSignal) return 'next';
      throw e;
    }
  }

  /** The EXIT trap, once, as the shell leaves; `exit N` inside it sets the shell's status. */
  private async exitTrap(ctx: Ctx): Promise<void> {
    // A shell its process died under (kill -9 $$) runs nothing more.
    if (!this.state.traps.get(EXIT) || this.opts.host.died?.() !== undefined) return;
    try {
      await runTrap(this.exec, EXIT, ctx);
    } catch (e) {
      if (e instanceof ExitSignal) this.state.status = e.status;
      else if (!(e instanceof Interrupted)) throw e;
    }
  }

  private async syntaxError(e: ShellSyntaxError, src: string, ctx: Ctx): Promise<void> {
    this.exec.lineno = e.line;
    await this.exec.err(ctx, e.message);
    if (!this.interactive && !e.incomplete) {
      await this.exec.err(ctx, `\`${src.split('\n')[e.line - 1] ?? ''}'`);
    }
    this.state.status = 2;
  }

  private async emit(kind: 'stdout' | 'stderr', data: string): Promise<void> {
    if (this.current) this.current.append(kind, data);
    else if (data) this.opts.onOutput?.({ stream: kind, data });
    const ready = this.opts.outputReady?.();
    if (ready) await ready;
  }

  private services(interactive: boolean): Services {
    const opts = this.opts;
    const host = opts.host;
    const commands = opts.commands ?? {};
    const resolve = (name: string): ShellCommand | undefined =>
      typeof commands === 'function' ? commands(name) : Object.hasOwn(commands, name) ? commands[name] : undefined;
    return {
      fs: opts.fs,
      host,
      interactive,
      login: opts.login === true,
      scriptName: opts.scriptName,
      options: opts,
      newShell: (o) => new ShellInterpreter(o),
      builtins: BUILTINS,
      history: opts.history,
      jobs: this.jobs,
      resolve,
      commandNames: () => (typeof commands === 'function' ? (opts.commandNames?.() ?? []) : Object.keys(commands)),
      special: (name, state, lineno) => {
        switch (name) {
          case '?': return String(state.status);
          case '$': case 'BASHPID': return String(host.pid);
          case '!': return state.lastBackgroundPid === undefined ? undefined : String(state.lastBackgroundPid);
          case '#': return String(state.positional.length);
          case '-': return this.flags(state);
          case '0': return state.argv0;
          case 'RANDOM': return String(this.random.next());
          case 'SECONDS': return String(Math.floor((host.now() - this.secondsBase) / 1000));
          case 'EPOCHSECONDS': return String(Math.floor(host.now() / 1000));
          case 'LINENO': return String(lineno);
          case 'PPID': return String(host.ppid);
          default: return undefined;
        }
      },
      assignSpecial: (name, value) => {
        if (name === 'RANDOM') this.random.reseed(Number.parseInt(value, 10) || 0);
        if (name === 'SECONDS') this.secondsBase = host.now() - (Number.parseInt(value, 10) || 0) * 1000;
      },
      ttyColumns: (out) => (out === this.termOut && opts.terminalColumns ? opts.terminalColumns() : undefined),
      ttyNest: (input) => (input !== undefined && input === this.termIn && interactive && opts.nest ? opts.nest : undefined),
      homeOf: (user) => opts.homeOf?.(user) ?? (user === 'root' ? '/root' : undefined),
      startJob: (item, ctx) => startBackground(this.exec, item, ctx, () => host.nextPid?.() ?? this.fakePid++),
      notifyJobs: (ctx) => notifyJobs(this.exec, ctx),
      runTraps: async (sigs, ctx) => {
        for (const sig of sigs) await runTrap(this.exec, sig, ctx);
      },
      yieldToEvents: host.yieldToEvents
        ? () => host.yieldToEvents!()
        : () => new Promise<void>((r) => (typeof setImmediate === 'function' ? setImmediate(r) : setTimeout(r, 0))),
      evalText: async (text, ctx) => {
        let list;
        try {
          list = new Parser(text, true).parseAll();
        } catch (e) {
          if (!(e instanceof ShellSyntaxError)) throw e;
          await this.exec.err(ctx, e.message);
          return (ctx.state.status = 2);
        }
        return this.exec.list(list, ctx);
      },
    };
  }

  private flags(state: ShellState): string {
    const o = state.options;
    const i = this.interactive;
    return [o.allexport && 'a', o.errexit && 'e', o.noglob && 'f', 'h', i && 'i', i && 'm', o.nounset && 'u', o.xtrace && 'x', 'B', o.noclobber && 'C', i && 'H', i && 's']
      .filter(Boolean)
      .join('');
  }
}
