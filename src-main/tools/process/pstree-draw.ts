// pstree's drawing (psmisc 23.6 dump_tree() and out_char()): the branch symbols, the column each
// level starts at, identical sibling subtrees merged as N*[name], a `+` where a line passes the
// output width and `...` for arguments that do not fit.

export interface Proc {
  pid: number;
  comm: string;
  pgid: number;
  uid: number;
  /** arguments after argv[0] as set_args() splits them; null for an empty cmdline */
  argv: string[] | null;
  children: Proc[];
}

export const ASCII = { empty: '  ', branch: '|-', vert: '| ', last: '`-', single: '---', first: '-+-' };
export const UTF = { empty: '  ', branch: '├─', vert: '│ ', last: '└─', single: '───', first: '─┬─' };

/** tree_equal(): same name (and uid with -u) all the way down. */
function treeEqual(a: Proc, b: Proc, byUid: boolean): boolean {
  if (a.comm !== b.comm || (byUid && a.uid !== b.uid) || a.children.length !== b.children.length) return false;
  return a.children.every((c, i) => treeEqual(c, b.children[i]!, byUid));
}

export interface Flags {
  args: boolean;
  compact: boolean;
  pids: boolean;
  pgids: boolean;
  uidChanges: boolean;
  trunc: boolean;
  width: number;
  sym: typeof ASCII;
  name(uid: number): string;
}

/** dump_tree() with its out_char() column accounting: past the width a line shows one `+`. */
export class Printer {
  out = '';
  private x = 1;
  private readonly widths: number[] = [];
  private readonly more: boolean[] = [];
  constructor(private readonly f: Flags) {}

  private put(s: string): void {
    for (const ch of s) {
      if (!this.f.trunc || this.x <= this.f.width) this.out += ch;
      else if (this.x === this.f.width + 1) this.out += '+';
      this.x++;
    }
  }

  private newline(): void {
    this.out += '\n';
    this.x = 1;
  }

  /** out_args(): printable ASCII as is, `\\` doubled, anything else as octal. */
  private putArgs(s: string): number {
    let n = 0;
    for (const ch of s) {
      const c = ch.charCodeAt(0);
      const text = ch === '\\' ? '\\\\' : c >= 0x20 && c <= 0x7e ? ch : `\\${c.toString(8).padStart(3, '0')}`;
      this.put(text);
      n += text.length;
    }
    return n;
  }

  dump(p: Proc, level: number, rep: number, leaf: boolean, last: boolean, prevUid: number, closing: number): void {
    const { sym } = this.f;
    if (!leaf)
      for (let lvl = 0; lvl < level; lvl++) {
        this.put(' '.repeat((this.widths[lvl] ?? 0) + 1));
        this.put(lvl === level - 1 ? (last ? sym.last : sym.branch) : this.more[lvl + 1] ? sym.vert : sym.empty);
      }
    let add = 0;
    if (rep >= 2) {
      this.put(`${rep}*[`);
      add = String(rep).length + 2;
    }
    let info = this.f.args ? 1 : 0;
    if (this.f.args && p.argv === null) this.put('(');
    const commLen = this.putArgs(p.comm);
    const offset = this.x;
    if (this.f.pids) this.put(`${info++ ? ',' : '('}${p.pid}`);
    if (this.f.pgids) this.put(`${info++ ? ',' : '('}${p.pgid}`);
    if (this.f.uidChanges && prevUid !== p.uid) this.put(`${info++ ? ',' : '('}${this.f.name(p.uid)}`);
    if ((this.f.args && p.argv === null) || (!this.f.args && info)) this.put(')');
    if (this.f.args) this.putArgv(p.argv ?? []);
    if (this.f.args || p.children.length === 0) {
      this.put(']'.repeat(closing));
      this.newline();
    }
    this.more[level] = !last;
    if (this.f.args) {
      this.widths[level] = 1 + (commLen > 1 ? 0 : -1);
      p.children.forEach((c, i) => this.dump(c, level + 1, 1, false, i === p.children.length - 1, p.uid, 0));
      return;
    }
    this.widths[level] = commLen + this.x - offset + add;
    if (this.x >= this.f.width && this.f.trunc) {
      this.put(`${sym.first}+`);
      this.newline();
      return;
    }
    const kids = [...p.children];
    for (let i = 0; i < kids.length; i++) {
      const walk = kids[i]!;
      let count = 0;
      if (this.f.compact)
        for (let j = i + 1; j < kids.length; )
          if (treeEqual(walk, kids[j]!, this.f.uidChanges)) {
            kids.splice(j, 1);
            count++;
          } else j++;
      if (i === 0) this.put(i + 1 < kids.length ? sym.first : sym.single);
      this.dump(walk, level + 1, count + 1, i === 0, i === kids.length - 1, p.uid, closing + (count ? 1 : 0));
    }
  }

  private putArgv(argv: string[]): void {
    for (let i = 0; i < argv.length; i++) {
      if (i < argv.length - 1) this.put(' ');
      const len = [...argv[i]!].reduce((n, ch) => n + (ch >= ' ' && ch <= '~' ? 1 : 4), 0);
      if (this.x + len <= this.f.width - (i === argv.length - 1 ? 0 : 4) || !this.f.trunc) this.putArgs(argv[i]!);
      else {
        this.put('...');
        break;
      }
    }
  }
}

