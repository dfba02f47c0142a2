// Test helper: an @xterm/headless terminal that shows what the line editor's echo puts on screen.
import xterm from '@xterm/headless';
import type { EditorAction, EditorOutput, LineEditor } from '../../../src-main/shell/line-editor';

const { Terminal } = xterm;

export class Screen {
  readonly term: InstanceType<typeof Terminal>;
  readonly actions: EditorAction[] = [];
  bells = 0;

  constructor(readonly cols = 80, readonly rows = 24) {
    this.term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
  }

  write(data: string): Promise<void> {
    this.bells += data.split('\x07').length - 1;
    return new Promise((resolve) => this.term.write(data, resolve));
  }

  async apply(out: EditorOutput): Promise<EditorAction[]> {
    this.actions.push(...out.actions);
    await this.write(out.echo);
    return out.actions;
  }

  /** Feed keys one onData call at a time and draw the echo. */
  async keys(ed: LineEditor, ...inputs: string[]): Promise<EditorAction[]> {
    const acts: EditorAction[] = [];
    for (const k of inputs) acts.push(...(await this.apply(ed.feed(k))));
    return acts;
  }

  /** Screen rows, right-trimmed, without trailing blank rows. */
  rowsText(): string[] {
    const b = this.term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < b.length; y++) out.push(b.getLine(y)!.translateToString(true));
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  }

  /** Logical lines: rows that xterm wrapped are joined back. */
  lines(): string[] {
    const b = this.term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < b.length; y++) {
      const l = b.getLine(y)!;
      const text = l.translateToString(!this.isWrappedNext(y));
      if (l.isWrapped && out.length > 0) out[out.length - 1] += text;
      else out.push(text);
    }
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out.map((s) => s.trimEnd());
  }

  /** Absolute cursor position (row in the whole buffer, column). */
  cursor(): { row: number; col: number } {
    const b = this.term.buffer.active;
    return { row: b.baseY + b.cursorY, col: b.cursorX };
  }

  private isWrappedNext(y: number): boolean {
    const n = this.term.buffer.active.getLine(y + 1);
    return n !== undefined && n.isWrapped;
  }
}

export const KEY = {
  up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D', home: '\x1b[H', end: '\x1b[F',
  del: '\x1b[3~', bs: '\x7f', enter: '\r', tab: '\t',
  ctrl: (c: string): string => String.fromCharCode(c.toUpperCase().charCodeAt(0) - 64),
} as const;
