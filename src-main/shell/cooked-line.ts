// Canonical (cooked) tty input for a foreground program reading the terminal: echo, erase, kill, EOF.

import type { KeyEvent } from './keys';
import { layout } from './screen-layout';
import { unixWordStart } from './words';

export type CookedResult = { echo: string; data?: string; eof?: boolean };

export class CookedLine {
  private chars: string[] = [];

  reset(): void {
    this.chars = [];
  }

  key(ev: KeyEvent): CookedResult {
    if (ev.kind === 'text') {
      this.chars.push(...ev.text);
      return { echo: ev.text };
    }
    const key = ev.kind === 'ctrl' ? 'C-' + ev.letter : ev.name;
    switch (key) {
      case 'enter': {
        const data = this.chars.join('') + '\n';
        this.chars = [];
        return { echo: '\r\n', data };
      }
      case 'backspace': return { echo: this.erase(1) };
      case 'C-u': return { echo: this.erase(this.chars.length) };
      case 'C-w': return { echo: this.erase(this.chars.length - unixWordStart(this.chars, this.chars.length)) };
      case 'C-d': {
        // VEOF: hands over what is typed so far; on an empty line the reader sees end of file.
        if (this.chars.length === 0) return { echo: '', eof: true };
        const data = this.chars.join('');
        this.chars = [];
        return { echo: '', data };
      }
      default: return { echo: '' };
    }
  }

  private erase(count: number): string {
    let s = '';
    for (let i = 0; i < count && this.chars.length > 0; i++) {
      const w = layout(0, [this.chars.pop()!], 4)[1]!.col;
      s += '\b'.repeat(w) + ' '.repeat(w) + '\b'.repeat(w);
    }
    return s;
  }
}
