// awk's input records (RS: one character, "" for paragraphs, or a regex as in gawk) and field
// splitting (FS: " " for runs of blanks, one character, or a regex).
import type { Source } from './io';

export class RecordReader {
  private buf = '';
  private pos = 0;
  private eof = false;

  constructor(private readonly src: Source) {}

  private async more(): Promise<boolean> {
    if (this.eof) return false;
    const c = await this.src.read();
    if (c === null) {
      this.eof = true;
      return false;
    }
    if (this.pos > 65536) {
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
    this.buf += c;
    return true;
  }

  /** The next record under `rs`, or null at end of input. */
  async next(rs: string, rsRegex: () => RegExp): Promise<string | null> {
    if (rs === '') return this.paragraph();
    for (;;) {
      if (rs.length === 1) {
        const at = this.buf.indexOf(rs, this.pos);
        if (at >= 0) {
          const rec = this.buf.slice(this.pos, at);
          this.pos = at + 1;
          return rec;
        }
      } else {
        const re = rsRegex();
        re.lastIndex = this.pos;
        const m = re.exec(this.buf);
        if (m && m[0] !== '' && (m.index + m[0].length < this.buf.length || this.eof)) {
          const rec = this.buf.slice(this.pos, m.index);
          this.pos = m.index + m[0].length;
          return rec;
        }
      }
      if (!(await this.more())) break;
    }
    if (this.pos >= this.buf.length) return null;
    const rec = this.buf.slice(this.pos);
    this.pos = this.buf.length;
    return rec;
  }

  /** RS = "": records end at blank lines; leading and trailing newlines do not count. */
  private async paragraph(): Promise<string | null> {
    for (;;) {
      while (this.pos < this.buf.length && this.buf[this.pos] === '\n') this.pos++;
      if (this.pos < this.buf.length || !(await this.more())) break;
    }
    for (;;) {
      const m = /\n\n+/g;
      m.lastIndex = this.pos;
      const hit = m.exec(this.buf);
      if (hit && (hit.index + hit[0].length < this.buf.length || this.eof)) {
        const rec = this.buf.slice(this.pos, hit.index);
        this.pos = hit.index + hit[0].length;
        return rec;
      }
      if (!(await this.more())) break;
    }
    if (this.pos >= this.buf.length) return null;
    const rec = this.buf.slice(this.pos).replace(/\n+$/, '');
    this.pos = this.buf.length;
    return rec;
  }
}

/** Splits `s` the way FS = `fs` does; `re` compiles a regex FS. `paragraph`: newline also splits. */
export function splitFields(s: string, fs: string, re: (src: string) => RegExp, paragraph = false): string[] {
  if (s === '') return [];
  if (fs === ' ') {
    const t = s.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
    return t === '' ? [] : t.split(/[ \t\n]+/);
  }
  let parts: string[];
  if (fs === '') parts = [...s];
  else if (fs.length === 1 && fs !== '\\') parts = paragraph ? s.split(new RegExp(`[${fs === ']' || fs === '^' ? '\\' + fs : fs}\\n]`)) : s.split(fs);
  else parts = reSplit(s, paragraph ? new RegExp(`${re(fs).source}|\\n`, 's') : re(fs));
  return parts;
}

/** String.split by a regex, without the captured groups split() would splice in. */
const globalCache = new WeakMap<RegExp, RegExp>();

export function reSplit(s: string, re: RegExp): string[] {
  let g = globalCache.get(re);
  if (!g) globalCache.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')));
  g.lastIndex = 0;
  const out: string[] = [];
  let from = 0;
  for (let m = g.exec(s); m; m = g.exec(s)) {
    if (m[0] === '') {
      g.lastIndex++;
      continue;
    }
    out.push(s.slice(from, m.index));
    from = m.index + m[0].length;
  }
  out.push(s.slice(from));
  return out;
}
