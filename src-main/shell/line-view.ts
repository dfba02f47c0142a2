// Keeps the terminal showing one editable line (prompt + text + cursor), redrawing only what changed.

import { layout, moveCursor, promptWidth, type ScreenPos } from './screen-layout';

interface View {
  /** Last line of the prompt (or the search prompt) in front of the text. */
  prefix: string;
  chars: string[];
  cursor: number;
}

function lastLine(s: string): string {
  return s.slice(s.lastIndexOf('\n') + 1);
}

export class LineView {
  private view: View | null = null;

  constructor(public cols: number) {}

  /** Whether a line is on screen and being kept up to date. */
  get active(): boolean {
    return this.view !== null;
  }

  /** Write a prompt (all its lines) at the cursor and start tracking an empty line after it. */
  begin(prompt: string): string {
    this.view = { prefix: lastLine(prompt), chars: [], cursor: 0 };
    return prompt + this.boundaryFix([], promptWidth(lastLine(prompt)));
  }

  /** Stop tracking (the line was submitted, or output went past it). */
  forget(): void {
    this.view = null;
  }

  /** Erase the line (and `rowsAbove` prompt lines) so other output can take its place. */
  erase(rowsAbove: number): string {
    if (!this.view) return '';
    const s = moveCursor(this.posOf(this.view, this.view.cursor), { row: 0, col: 0 }) + (rowsAbove ? `\x1b[${rowsAbove}A` : '') + '\x1b[J';
    this.view = null;
    return s;
  }

  /**
   * Brings the screen from the last drawn view to a new one with as little output as possible:
   * rewrite from the first changed character, erase what is left of the old text, put the
   * cursor back. A new prefix (a search prompt) redraws the prompt's last line.
   */
  draw(prefixText: string, chars: string[], cursor: number): string {
    const old = this.view;
    if (!old) return '';
    const prefix = lastLine(prefixText);
    const pw = promptWidth(prefix);
    const pos = layout(pw, chars, this.cols);
    const oldPos = layout(promptWidth(old.prefix), old.chars, this.cols);
    this.view = { prefix, chars, cursor };
    let k = 0;
    let s = '';
    if (old.prefix !== prefix) {
      s += moveCursor(oldPos[old.cursor]!, { row: 0, col: 0 }) + prefix;
    } else {
      const n = Math.min(chars.length, old.chars.length);
      while (k < n && chars[k] === old.chars[k]) k++;
      if (k === chars.length && k === old.chars.length) return moveCursor(oldPos[old.cursor]!, pos[cursor]!);
      s += moveCursor(oldPos[old.cursor]!, pos[k]!);
    }
    s += chars.slice(k).join('') + this.boundaryFix(chars, pw);
    const end = pos[chars.length]!;
    const oldEnd = old.prefix === prefix ? oldPos[old.chars.length]! : end;
    if (old.prefix !== prefix || oldEnd.row > end.row || (oldEnd.row === end.row && oldEnd.col > end.col)) s += '\x1b[J';
    return s + moveCursor(end, pos[cursor]!);
  }

  private posOf(view: View, index: number): ScreenPos {
    return layout(promptWidth(view.prefix), view.chars, this.cols)[index]!;
  }

  /** After text that ends exactly at the right margin, force xterm's pending wrap so moves stay relative. */
  private boundaryFix(chars: string[], pw: number): string {
    const pos = layout(pw, chars, this.cols);
    const end = pos[chars.length]!;
    const before = chars.length > 0 ? pos[chars.length - 1]! : { row: -1, col: 0 };
    const atMargin = end.col === 0 && (chars.length > 0 ? end.row > before.row : pw > 0 && pw % this.cols === 0);
    return atMargin ? ' \r\x1b[K' : '';
  }
}
