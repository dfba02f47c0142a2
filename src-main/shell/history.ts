// Command history of one shell: numbered entries as bash keeps them, shared by the line editor and the `history` builtin.

export interface HistoryOptions {
  /** Most entries kept (bash's HISTSIZE, 500 by default). */
  size?: number;
  /** HISTCONTROL=ignoredups: skip a line equal to the previous entry. */
  ignoreDups?: boolean;
  /** HISTCONTROL=ignorespace: skip lines that begin with a space. */
  ignoreSpace?: boolean;
}

export interface HistoryEntry {
  /** The number `history` prints; it keeps counting when old entries fall off. */
  readonly number: number;
  readonly line: string;
}

export class History {
  private lines: string[] = [];
  /** Number of the first kept entry. */
  private base = 1;
  private readonly size: number;
  private readonly ignoreDups: boolean;
  private readonly ignoreSpace: boolean;

  constructor(opts: HistoryOptions = {}) {
    this.size = Math.max(0, opts.size ?? 500);
    this.ignoreDups = opts.ignoreDups ?? false;
    this.ignoreSpace = opts.ignoreSpace ?? false;
  }

  get length(): number {
    return this.lines.length;
  }

  /** Entry by position (0 = oldest kept). */
  at(i: number): string | undefined {
    return this.lines[i];
  }

  add(line: string): void {
    if (line.trim() === '') return;
    if (this.ignoreSpace && line.startsWith(' ')) return;
    if (this.ignoreDups && this.lines[this.lines.length - 1] === line) return;
    this.lines.push(line);
    this.trim();
  }

  /** For multi-line commands: the shell folds continuation lines into the entry already added. */
  replaceLast(line: string): void {
    if (this.lines.length === 0) this.add(line);
    else this.lines[this.lines.length - 1] = line;
  }

  /** `history -c`: bash numbers from 1 again afterwards. */
  clear(): void {
    this.base = 1;
    this.lines = [];
  }

  /** `history -d N`; false when N is out of range. */
  delete(num: number): boolean {
    const i = num - this.base;
    if (i < 0 || i >= this.lines.length) return false;
    this.lines.splice(i, 1);
    return true;
  }

  entries(): HistoryEntry[] {
    return this.lines.map((line, i) => ({ number: this.base + i, line }));
  }

  /** What `history [N]` prints: `%5d  line` per entry, the last N when given. */
  format(last?: number): string {
    const all = this.entries();
    const shown = last === undefined ? all : all.slice(Math.max(0, all.length - last));
    return shown.map((e) => `${String(e.number).padStart(5)}  ${e.line}\n`).join('');
  }

  /** Newest entry at or before position `from` containing `query`, with the match offset. */
  searchBack(query: string, from: number): { index: number; offset: number } | null {
    for (let i = Math.min(from, this.lines.length - 1); i >= 0; i--) {
      const offset = this.lines[i]!.lastIndexOf(query);
      if (offset >= 0) return { index: i, offset };
    }
    return null;
  }

  private trim(): void {
    const extra = this.lines.length - this.size;
    if (extra > 0) {
      this.lines.splice(0, extra);
      this.base += extra;
    }
  }
}
