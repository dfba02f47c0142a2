// Ctrl-R: readline's reverse incremental search through the history.

import type { History } from './history';
import type { KeyEvent } from './keys';

export type SearchOutcome =
  /** Still searching: redraw. */
  | { kind: 'update'; bell: boolean }
  /** Leave with the match in the line; `replay` the key in normal editing (Enter runs it). */
  | { kind: 'accept'; replay: boolean }
  /** Ctrl-G: back to the line as it was. */
  | { kind: 'abort' };

export class ReverseSearch {
  private query = '';
  private match = -1;
  private offset = 0;
  private failed = false;

  constructor(
    private readonly history: History,
    readonly saved: { chars: string[]; cursor: number },
    /** The previous search's text, which Ctrl-R on an empty query searches again. */
    private readonly memory: { last: string },
  ) {}

  /** Prompt shown in place of PS1 while searching. */
  get prefix(): string {
    return `(${this.failed ? 'failed ' : ''}reverse-i-search)\`${this.query}': `;
  }

  get chars(): string[] {
    return this.match >= 0 ? [...this.history.at(this.match)!] : this.saved.chars;
  }

  get cursor(): number {
    return this.match >= 0 ? this.offset : this.saved.cursor;
  }

  /** History position of the accepted line, if the search found one. */
  get matchIndex(): number | undefined {
    return this.match >= 0 ? this.match : undefined;
  }

  key(ev: KeyEvent): SearchOutcome {
    const newest = this.history.length - 1;
    if (ev.kind === 'text') return this.run(this.query + ev.text, this.match >= 0 ? this.match : newest);
    const key = ev.kind === 'ctrl' ? 'C-' + ev.letter : ev.name;
    switch (key) {
      case 'C-r':
        return this.run(this.query || this.memory.last, this.match >= 0 ? this.match - 1 : newest);
      case 'backspace': case 'C-h':
        return this.run(this.query.slice(0, -1), newest);
      case 'C-g':
        return { kind: 'abort' };
      default:
        return { kind: 'accept', replay: key !== 'escape' };
    }
  }

  private run(query: string, from: number): SearchOutcome {
    this.query = query;
    if (query === '') {
      this.failed = false;
      return { kind: 'update', bell: false };
    }
    this.memory.last = query;
    const hit = this.history.searchBack(query, from);
    if (!hit) {
      this.failed = true;
      return { kind: 'update', bell: true };
    }
    this.match = hit.index;
    this.offset = [...this.history.at(hit.index)!.slice(0, hit.offset)].length;
    this.failed = false;
    return { kind: 'update', bell: false };
  }
}
