// One terminal's shell: the line editor and the interpreter joined as bash and its tty are, for a session to drive.

import { createCompleter } from './completion';
import { History } from './history';
import { ShellInterpreter, type InterpreterOptions } from './interpreter';
import { LineEditor, type EditorAction, type EditorOutput } from './line-editor';
import type { Stream } from './streams';

export interface TerminalShellOptions extends Omit<InterpreterOptions, 'history' | 'interactive' | 'scriptName' | 'onOutput'> {
  cols?: number;
  /** Bytes for the terminal (xterm.js). */
  write(data: string): void;
  /** The shell exited (`exit`, Ctrl-D): close the terminal with this status. */
  onExit(status: number): void;
  /** Every command name the host can run, for Tab completion. */
  commandNames?: () => string[];
}

/** The tty's ONLCR: programs write \n, the terminal needs \r\n. */
const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');

/** Lines that a following line continues without a `;` when bash folds them into one history entry. */
const JOINS_WITHOUT_SEMICOLON = /(\b(do|then|else|in)|[{|&(]|&&|\|\|)\s*$/;

export class TerminalShell {
  readonly sh: ShellInterpreter;
  readonly editor: LineEditor;
  private readonly opts: TerminalShellOptions;
  private pending = '';
  private work: EditorAction[] = [];
  private pumping: Promise<void> | null = null;
  private running: AbortController | null = null;
  private stdinLines: (string | null)[] = [];
  private stdinWaiter: ((s: string | null) => void) | null = null;
  private closed = false;

  constructor(opts: TerminalShellOptions) {
    this.opts = opts;
    const history = new History();
    this.sh = new ShellInterpreter({ ...opts, history, interactive: true, onOutput: (c) => this.out(c.data) });
    const complete = createCompleter(this.sh, opts.commandNames ? { commandNames: opts.commandNames } : {});
    this.editor = new LineEditor({ cols: opts.cols ?? 80, history, complete });
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
    this.editor.resize(cols);
  }

  /** The terminal went away: interrupt whatever runs. */
  close(): void {
    this.closed = true;
    this.running?.abort();
    this.stdinWaiter?.(null);
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
      case 'suspend': case 'quit': case 'clear':
        return;
      case 'submit': case 'eof':
        this.work.push(a);
        this.pumping ??= this.pump().finally(() => (this.pumping = null));
    }
  }

  private async pump(): Promise<void> {
    while (this.work.length > 0 && !this.closed) {
      const a = this.work.shift()!;
      if (a.type === 'eof') {
        this.out('exit\n');
        return this.finish(this.sh.state.status);
      }
      if (a.type !== 'submit') continue;
      await this.line(a.line);
    }
  }

  private async line(line: string): Promise<void> {
    const continued = this.pending !== '';
    this.pending = continued ? `${this.pending}\n${line}` : line;
    if (continued) this.foldHistory();
    if (this.sh.needsMore(this.pending)) {
      this.apply(this.editor.prompt(this.sh.state.vars.get('PS2') ?? '> '));
      return;
    }
    const src = this.pending;
    this.pending = '';
    const ac = new AbortController();
    this.running = ac;
    this.stdinLines = [];
    const r = await this.sh.run(src, { signal: ac.signal, stdin: this.terminalInput() });
    this.running = null;
    this.editor.endStdin();
    if (r.exited) return this.finish(r.exitCode);
    // bash ends the line after a job killed by Ctrl-C.
    if (ac.signal.aborted) this.out('\n');
    this.out(this.sh.takeJobNotices());
    this.apply(this.editor.prompt(this.prompt()));
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
    this.closed = true;
    this.opts.onExit(status);
  }
}
