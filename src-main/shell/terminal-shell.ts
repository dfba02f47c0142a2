// One terminal's shell: the line editor and the interpreter joined as bash and its tty are, for a session to drive.

import { createCompleter } from './completion';
import { History } from './history';
import { ShellInterpreter, type InterpreterOptions } from './interpreter';
import { LineEditor, type EditorAction, type EditorOutput } from './line-editor';
import { SIGQUIT, SIGTSTP } from './signals';
import { Stopper } from './stop';
import type { Stream } from './streams';

type ShellOptions = Omit<InterpreterOptions, 'history' | 'interactive' | 'scriptName' | 'onOutput'>;

const completer = (sh: ShellInterpreter, o: ShellOptions) => createCompleter(sh, o.commandNames ? { commandNames: o.commandNames } : {});

export interface TerminalShellOptions extends Omit<InterpreterOptions, 'history' | 'interactive' | 'scriptName' | 'onOutput'> {
  cols?: number;
  /** Bytes for the terminal (xterm.js). */
  write(data: string): void;
  /** The shell exited (`exit`, Ctrl-D): close the terminal with this status. */
  onExit(status: number): void;
  /** Every command name the host can run, for Tab completion. */
  commandNames?: () => string[];
  /** A command line starts to run; the function it returns hears the line's exit status. */
  onRun?(line: string): ((status: number) => void) | undefined;
}

/**
 * The tty's ONLCR: programs write \n, the terminal needs \r\n. Most output has no \r at all, and a
 * plain replaceAll is twice as fast as the expression on a flood of it.
 */
export const crlf = (s: string): string => (s.includes('\r') ? s.replace(/\r?\n/g, '\r\n') : s.replaceAll('\n', '\r\n'));

/** Lines that a following line continues without a `;` when bash folds them into one history entry. */
const JOINS_WITHOUT_SEMICOLON = /(\b(do|then|else|in)|[{|&(]|&&|\|\|)\s*$/;

export class TerminalShell {
  /** The shell reading the terminal now: the login shell, or one started by `su` over it. */
  sh: ShellInterpreter;
  readonly editor: LineEditor;
  private readonly opts: TerminalShellOptions;
  private pending = '';
  private work: EditorAction[] = [];
  private pumping: Promise<void> | null = null;
  private running: Stopper | null = null;
  private stdinLines: (string | null)[] = [];
  private stdinWaiter: ((s: string | null) => void) | null = null;
  private closed = false;
  /** The terminal's width, for `ls` and the like. */
  private cols: number;
  /** A nested shell (`su`) waiting for its next line. */
  private workWaiter: ((a: EditorAction | null) => void) | null = null;

  constructor(opts: TerminalShellOptions) {
    this.opts = opts;
    this.cols = opts.cols ?? 80;
    const history = new History();
    this.sh = this.shell(opts, history);
    this.editor = new LineEditor({ cols: opts.cols ?? 80, history, complete: completer(this.sh, opts) });
  }

  private shell(opts: ShellOptions, history: History): ShellInterpreter {
    return new ShellInterpreter({ ...opts, history, interactive: true, onOutput: (c) => this.out(c.data), nest: (o) => this.nest(o), terminalColumns: () => this.cols });
  }

  /** bash's default root prompt on Debian: `\u@\h:\w\$ `. */
  prompt(): string {
    const v = this.sh.state.vars;
    const home = v.get('HOME');
    const cwd = this.sh.state.cwd;
    const dir = home && (cwd === home || cwd.startsWith(home + '/')) ? '~' + cwd.slice(home.length) : cwd;
    return `${v.get('USER') ?? 'root'}@${v.get('HOSTNAME') ?? 'localhost'}:${dir}${v.get('EUID') === '0' ? '#' : '$'} `;
  }

  start(): void {
    this.apply(this.editor.prompt(this.prompt()));
  }

  input(data: string): void {
    if (!this.closed) this.apply(this.editor.feed(data));
  }

  resize(cols: number): void {
    this.cols = Math.max(1, cols);
    this.editor.resize(cols);
  }

  /** The terminal went away: interrupt whatever runs. */
  close(): void {
    this.closed = true;
    this.running?.abort();
    this.stdinWaiter?.(null);
    this.workWaiter?.(null);
  }

  /** Resolves when every submitted line has run and the prompt is back (for tests and replay). */
  async idle(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  private out(data: string): void {
    if (!this.closed && data) this.opts.write(crlf(data));
  }

  private apply(o: EditorOutput): void {
    if (o.echo && !this.closed) this.opts.write(o.echo);
    for (const a of o.actions) this.act(a);
  }

  /** Signals and terminal input act at once; lines to run wait their turn. */
  private act(a: EditorAction): void {
    switch (a.type) {
      case 'interrupt':
        if (this.running) {
          this.running.abort();
          this.deliver(null);
        } else {
          this.pending = '';
          this.sh.state.status = 130;
        }
        return;
      case 'stdin':
        return this.deliver(a.data);
      case 'stdin-eof':
        return this.deliver(null);
      case 'suspend': case 'quit':
        // The tty sends SIGTSTP / SIGQUIT to the foreground job; the shell itself ignores them.
        if (this.running) this.sh.signalForeground(a.type === 'suspend' ? SIGTSTP : SIGQUIT);
        return;
      case 'clear':
        return;
      case 'submit': case 'eof': {
        const w = this.workWaiter;
        this.workWaiter = null;
        if (w) return w(a);
        this.work.push(a);
        this.pumping ??= this.pump().finally(() => (this.pumping = null));
      }
    }
  }

  private async pump(): Promise<void> {
    while (this.work.length > 0 && !this.closed) {
      const end = await this.handle(this.work.shift()!);
      if (end !== undefined) return this.finish(end);
    }
  }

  /** Runs a submitted line, or Ctrl-D; the exit status when that ended the shell. */
  private async handle(a: EditorAction): Promise<number | undefined> {
    if (a.type === 'eof') {
      this.out(this.sh.login ? 'logout\n' : 'exit\n');
      return (await this.sh.run('', { leaving: true })).exitCode;
    }
    return a.type === 'submit' ? this.line(a.line) : undefined;
  }

  private nextWork(): Promise<EditorAction | null> {
    if (this.closed) return Promise.resolve(null);
    const a = this.work.shift();
    return a ? Promise.resolve(a) : new Promise((r) => (this.workWaiter = r));
  }

  /**
   * `su`: another user's shell reads the terminal until it exits; the shell that ran `su` waits,
   * as bash waits for its child, and gets the terminal back with its own prompt and history.
   */
  private async nest(options: ShellOptions): Promise<number> {
    const outer = { sh: this.sh, running: this.running, history: this.editor.history };
    const history = new History();
    this.sh = this.shell(options, history);
    this.editor.useSession(history, completer(this.sh, options));
    this.running = null;
    this.apply(this.editor.prompt(this.prompt()));
    let status = 1;
    for (;;) {
      const a = await this.nextWork();
      if (!a) break;
      const end = await this.handle(a);
      if (end !== undefined) {
        status = end;
        break;
      }
    }
    this.sh = outer.sh;
    this.running = outer.running;
    this.editor.useSession(outer.history, completer(this.sh, this.opts));
    return status;
  }

  private async line(line: string): Promise<number | undefined> {
    const continued = this.pending !== '';
    this.pending = continued ? `${this.pending}\n${line}` : line;
    if (continued) this.foldHistory();
    if (this.sh.needsMore(this.pending)) {
      this.apply(this.editor.prompt(this.sh.state.vars.get('PS2') ?? '> '));
      return undefined;
    }
    const src = this.pending;
    this.pending = '';
    const ac = new Stopper();
    this.running = ac;
    this.stdinLines = [];
    const ran = this.opts.onRun?.(src);
    const r = await this.sh.run(src, { signal: ac.signal, stdin: this.terminalInput() });
    this.running = null;
    ran?.(r.exitCode);
    this.editor.endStdin();
    if (r.exited) return r.exitCode;
    // bash ends the line after a job killed by Ctrl-C.
    if (ac.signal.aborted) this.out('\n');
    this.out(await this.sh.jobNotices());
    if (!this.closed) this.apply(this.editor.prompt(this.prompt()));
    return undefined;
  }

  /** A command typed over several lines is one history entry, as with bash's cmdhist. */
  private foldHistory(): void {
    const h = this.editor.history;
    const lines = this.pending.split('\n');
    let joined = lines[0]!;
    for (const l of lines.slice(1)) joined += JOINS_WITHOUT_SEMICOLON.test(joined) ? ` ${l}` : `; ${l}`;
    const all = h.entries();
    if (all.length >= 2 && all[all.length - 1]!.line === lines[lines.length - 1]) h.delete(all[all.length - 1]!.number);
    h.replaceLast(joined);
  }

  private terminalInput(): Stream {
    return {
      read: async () => {
        if (this.stdinLines.length === 0) this.apply(this.editor.readStdin());
        if (this.stdinLines.length > 0) return this.stdinLines.shift()!;
        return new Promise<string | null>((r) => (this.stdinWaiter = r));
      },
    };
  }

  private deliver(data: string | null): void {
    const w = this.stdinWaiter;
    this.stdinWaiter = null;
    if (w) w(data);
    else if (this.running) this.stdinLines.push(data);
  }

  private finish(status: number): void {
    if (this.closed) return;
    this.closed = true;
    this.opts.onExit(status);
  }
}
