// The terminal's line discipline: turns xterm.js keystrokes into screen echo and shell actions, as bash's readline and a cooked tty do.

import { formatCandidates } from './completion-list';
import { CookedLine } from './cooked-line';
import { History } from './history';
import { KeyDecoder, type KeyEvent } from './keys';
import { LineView } from './line-view';
import { ReverseSearch } from './reverse-search';
import { unixWordStart, wordEnd, wordStart } from './words';

export type EditorAction =
  | { type: 'submit'; line: string }
  | { type: 'interrupt' }
  | { type: 'eof' }
  | { type: 'suspend' }
  | { type: 'quit' }
  | { type: 'clear' }
  /** A line (with its newline) typed for the foreground program while in stdin mode. */
  | { type: 'stdin'; data: string }
  /** Ctrl-D on an empty line in stdin mode. */
  | { type: 'stdin-eof' };

export interface EditorOutput {
  /** Bytes to write to the terminal. */
  echo: string;
  actions: EditorAction[];
}

export interface CompletionResult {
  /** New text for everything before the cursor; omit (or return it unchanged) when nothing can be added. */
  replacement?: string;
  /** Possible completions as they should be listed on a double Tab. */
  candidates: string[];
}

/** `cursor` is a UTF-16 offset into `line`. Must be synchronous: the editor stays pure. */
export type CompletionProvider = (line: string, cursor: number) => CompletionResult;

export interface LineEditorOptions {
  cols?: number;
  history?: History;
  complete?: CompletionProvider;
  /** readline's completion-query-items: ask before listing this many candidates. */
  completionQueryItems?: number;
}

/**
 * `busy`: a command runs; keys wait in a queue (signals act at once). `stdin`: a foreground
 * program reads the terminal, so keys are echoed and delivered a line at a time, as a cooked
 * tty does.
 */
export type EditorMode = 'busy' | 'edit' | 'search' | 'confirm' | 'stdin';


export class LineEditor {
  history: History;
  private modeNow: EditorMode = 'busy';
  private readonly decoder = new KeyDecoder();
  private queue: KeyEvent[] = [];
  private promptText = '';
  private chars: string[] = [];
  private cursor = 0;
  private readonly screen: LineView;
  private out = '';
  private actions: EditorAction[] = [];
  private histPos = 0;
  private draft = '';
  private readonly histEdits = new Map<number, string>();
  private killed = '';
  private lastWasTab = false;
  private search: ReverseSearch | null = null;
  private readonly searchMemory = { last: '' };
  private pendingList: string[] = [];
  private readonly cooked = new CookedLine();
  private complete: CompletionProvider | undefined;
  private readonly queryItems: number;

  constructor(opts: LineEditorOptions = {}) {
    this.screen = new LineView(opts.cols ?? 80);
    this.history = opts.history ?? new History();
    this.complete = opts.complete;
    this.queryItems = opts.completionQueryItems ?? 100;
  }

  /** Another shell takes over the terminal (`su`): its own history and completion. */
  useSession(history: History, complete: CompletionProvider | undefined): void {
    this.history = history;
    this.complete = complete;
    this.histEdits.clear();
  }

  get mode(): EditorMode {
    return this.modeNow;
  }

  get line(): string {
    return this.chars.join('');
  }

  /** Show a prompt and start editing a new line; keys typed ahead are replayed into it. */
  prompt(prompt: string): EditorOutput {
    this.promptText = prompt;
    this.startLine();
    this.drawPrompt();
    return this.replayQueue();
  }

  feed(data: string): EditorOutput {
    for (const ev of this.decoder.decode(data)) this.dispatch(ev);
    return this.take();
  }

  /** The foreground program reads the terminal: echo and deliver lines until endStdin(). */
  readStdin(): EditorOutput {
    this.modeNow = 'stdin';
    this.cooked.reset();
    return this.replayQueue();
  }

  endStdin(): void {
    if (this.modeNow === 'stdin') this.modeNow = 'busy';
  }

  resize(cols: number): void {
    this.screen.cols = Math.max(1, cols);
  }

  /** Erase the line being edited so that asynchronous output can be printed in its place. */
  hide(): string {
    if (!this.isEditing()) return '';
    return this.screen.erase(this.promptText.split('\n').length - 1);
  }

  /** Draw the prompt and line again after hide(). */
  show(): string {
    if (this.screen.active || !this.isEditing()) return '';
    this.redrawFull();
    return this.take().echo;
  }

  private isEditing(): boolean {
    return this.modeNow === 'edit' || this.modeNow === 'search';
  }

  private take(): EditorOutput {
    const r = { echo: this.out, actions: this.actions };
    this.out = '';
    this.actions = [];
    return r;
  }

  private replayQueue(): EditorOutput {
    const pending = this.queue;
    this.queue = [];
    for (const ev of pending) this.dispatch(ev);
    return this.take();
  }

  private startLine(): void {
    this.modeNow = 'edit';
    this.chars = [];
    this.cursor = 0;
    this.histPos = this.history.length;
    this.draft = '';
    this.histEdits.clear();
    this.lastWasTab = false;
    this.search = null;
  }

  private dispatch(ev: KeyEvent): void {
    const signal = ev.kind === 'ctrl' ? ev.letter : '';
    switch (this.modeNow) {
      case 'busy':
        if (!this.signalKey(signal)) this.queue.push(ev);
        return;
      case 'stdin':
        if (!this.signalKey(signal)) this.cookedKey(ev);
        return;
      case 'confirm':
        return this.confirmKey(ev);
      case 'search':
        return this.searchKey(ev);
      case 'edit': {
        const wasTab = this.lastWasTab;
        this.lastWasTab = false;
        return this.editKey(ev, wasTab);
      }
    }
  }

  /** Ctrl-C, Ctrl-Z, Ctrl-\ while a program runs: the tty echoes them and discards typed-ahead input. */
  private signalKey(letter: string): boolean {
    const act = ({ c: 'interrupt', z: 'suspend', '\\': 'quit' } as const)[letter as 'c' | 'z' | '\\'];
    if (!act) return false;
    this.out += '^' + letter.toUpperCase();
    this.queue = [];
    this.cooked.reset();
    this.actions.push({ type: act });
    return true;
  }

  private editKey(ev: KeyEvent, wasTab: boolean): void {
    if (ev.kind === 'text') return this.insert([...ev.text]);
    const key = ev.kind === 'ctrl' ? 'C-' + ev.letter : ev.name;
    const n = this.chars.length;
    switch (key) {
      case 'enter': return this.submit();
      case 'backspace': case 'C-h':
        if (this.cursor > 0) this.edit(this.chars.slice(0, this.cursor - 1).concat(this.chars.slice(this.cursor)), this.cursor - 1);
        return;
      case 'C-d':
        if (n === 0) {
          this.actions.push({ type: 'eof' });
          this.modeNow = 'busy';
          this.screen.forget();
          return;
        }
        return this.deleteForward();
      case 'delete':
        return this.deleteForward();
      case 'left': case 'C-b': return this.moveTo(Math.max(0, this.cursor - 1));
      case 'right': case 'C-f': return this.moveTo(Math.min(n, this.cursor + 1));
      case 'home': case 'C-a': return this.moveTo(0);
      case 'end': case 'C-e': return this.moveTo(n);
      case 'word-left': return this.moveTo(wordStart(this.chars, this.cursor));
      case 'word-right': return this.moveTo(wordEnd(this.chars, this.cursor));
      case 'up': case 'C-p': return this.historyMove(-1);
      case 'down': case 'C-n': return this.historyMove(1);
      case 'C-k': return this.killRange(this.cursor, n);
      case 'C-u': return this.killRange(0, this.cursor);
      case 'C-w': return this.killRange(unixWordStart(this.chars, this.cursor), this.cursor);
      case 'kill-word-back': return this.killRange(wordStart(this.chars, this.cursor), this.cursor);
      case 'kill-word-forward': return this.killRange(this.cursor, wordEnd(this.chars, this.cursor));
      case 'C-y': return this.insert([...this.killed]);
      case 'C-t': return this.transpose();
      case 'tab': return this.tab(wasTab);
      case 'C-c': return this.interruptLine();
      case 'C-l': return this.clearScreen();
      case 'C-r': return this.startSearch();
      case 'C-g': this.out += '\x07'; return;
      default: return; // Ctrl-Z and Ctrl-\ are ignored at the prompt, as bash ignores SIGTSTP/SIGQUIT
    }
  }

  private deleteForward(): void {
    if (this.cursor < this.chars.length) this.edit(this.chars.slice(0, this.cursor).concat(this.chars.slice(this.cursor + 1)), this.cursor);
  }

  private insert(text: string[]): void {
    if (text.length === 0) return;
    const chars = this.chars.slice(0, this.cursor).concat(text, this.chars.slice(this.cursor));
    this.edit(chars, this.cursor + text.length);
  }

  private killRange(from: number, to: number): void {
    if (to <= from) return;
    this.killed = this.chars.slice(from, to).join('');
    this.edit(this.chars.slice(0, from).concat(this.chars.slice(to)), from);
  }

  private transpose(): void {
    const n = this.chars.length;
    if (n < 2 || this.cursor === 0) return;
    const at = this.cursor === n ? n - 1 : this.cursor;
    const chars = this.chars.slice();
    [chars[at - 1], chars[at]] = [chars[at]!, chars[at - 1]!];
    this.edit(chars, at + 1);
  }

  private moveTo(cursor: number): void {
    this.edit(this.chars, cursor);
  }

  private edit(chars: string[], cursor: number): void {
    this.chars = chars;
    this.cursor = cursor;
    this.out += this.screen.draw(this.promptText, chars, cursor);
  }

  /** Cursor to the end of the line, then leave it for output below. */
  private leaveLine(): void {
    this.out += this.screen.draw(this.promptText, this.chars, this.chars.length) + '\r\n';
    this.screen.forget();
  }

  private submit(): void {
    const line = this.line;
    this.leaveLine();
    this.history.add(line);
    this.modeNow = 'busy';
    this.actions.push({ type: 'submit', line });
  }

  private interruptLine(): void {
    this.out += this.screen.draw(this.promptText, this.chars, this.chars.length) + '^C\r\n';
    this.screen.forget();
    this.actions.push({ type: 'interrupt' });
    this.startLine();
    this.drawPrompt();
  }

  private drawPrompt(): void {
    this.out += this.screen.begin(this.promptText);
  }

  private clearScreen(): void {
    this.out += '\x1b[H\x1b[2J';
    this.actions.push({ type: 'clear' });
    this.redrawFull();
  }

  /** Whole prompt (all its lines) and the line, from the current cursor row. */
  private redrawFull(): void {
    const head = this.promptText.slice(0, this.promptText.lastIndexOf('\n') + 1);
    const prefix = this.search ? this.search.prefix : this.promptText;
    this.out += this.screen.begin(this.search ? head + prefix : prefix);
    this.out += this.screen.draw(prefix, this.chars, this.cursor);
  }

  private historyMove(dir: number): void {
    const to = this.histPos + dir;
    if (to < 0 || to > this.history.length) return;
    if (this.histPos === this.history.length) this.draft = this.line;
    else this.histEdits.set(this.histPos, this.line);
    this.histPos = to;
    const text = to === this.history.length ? this.draft : (this.histEdits.get(to) ?? this.history.at(to) ?? '');
    const chars = [...text];
    this.edit(chars, chars.length);
  }

  private tab(wasTab: boolean): void {
    if (!this.complete) {
      this.out += '\x07';
      return;
    }
    const before = this.chars.slice(0, this.cursor).join('');
    const r = this.complete(this.line, before.length);
    this.lastWasTab = true;
    if (r.candidates.length === 0 && (r.replacement === undefined || r.replacement === before)) {
      this.out += '\x07';
      return;
    }
    if (r.replacement !== undefined && r.replacement !== before) {
      const head = [...r.replacement];
      this.edit(head.concat(this.chars.slice(this.cursor)), head.length);
      return;
    }
    if (!wasTab || r.candidates.length < 2) {
      this.out += '\x07';
      return;
    }
    if (r.candidates.length >= this.queryItems) {
      this.out += this.screen.draw(this.promptText, this.chars, this.chars.length);
      this.out += `\r\nDisplay all ${r.candidates.length} possibilities? (y or n)`;
      this.screen.forget();
      this.pendingList = r.candidates;
      this.modeNow = 'confirm';
      return;
    }
    this.leaveLine();
    this.out += formatCandidates(r.candidates, this.screen.cols);
    this.redrawFull();
  }

  private confirmKey(ev: KeyEvent): void {
    const k = ev.kind === 'text' ? ev.text[0] : ev.kind === 'key' && ev.name === 'backspace' ? 'n' : ev.kind === 'ctrl' && ev.letter === 'c' ? 'n' : '';
    if (k === 'y' || k === 'Y' || k === ' ') {
      this.out += '\r\n' + formatCandidates(this.pendingList, this.screen.cols);
    } else if (k === 'n' || k === 'N') {
      this.out += '\r\n';
    } else {
      this.out += '\x07';
      return;
    }
    this.modeNow = 'edit';
    this.pendingList = [];
    this.redrawFull();
  }

  private startSearch(): void {
    this.search = new ReverseSearch(this.history, { chars: this.chars, cursor: this.cursor }, this.searchMemory);
    this.modeNow = 'search';
    this.showSearch();
  }

  private searchKey(ev: KeyEvent): void {
    const s = this.search!;
    const r = s.key(ev);
    if (r.kind === 'update') {
      if (r.bell) this.out += '\x07';
      return this.showSearch();
    }
    this.search = null;
    this.modeNow = 'edit';
    if (r.kind === 'abort') return this.edit(s.saved.chars, s.saved.cursor);
    if (s.matchIndex !== undefined) this.histPos = s.matchIndex;
    this.edit(s.chars, s.cursor);
    if (r.replay) this.editKey(ev, false);
  }

  private showSearch(): void {
    const s = this.search!;
    this.chars = s.chars;
    this.cursor = s.cursor;
    this.out += this.screen.draw(s.prefix, this.chars, this.cursor);
  }

  private cookedKey(ev: KeyEvent): void {
    const r = this.cooked.key(ev);
    this.out += r.echo;
    if (r.data !== undefined) this.actions.push({ type: 'stdin', data: r.data });
    if (r.eof) this.actions.push({ type: 'stdin-eof' });
  }
}
