// wc: newline, word and byte counts (GNU coreutils 9.1), with its column width: 1 for a single
// count of a single input, else wide enough for the total size of regular files (7 when an
// input is not a regular file).
import { defineTool, type ToolRun } from '../tool';
import { strerror, usageError } from '../common';
import { openSource, ReadError } from './io';
import { parseOpts } from './opts';

const HELP = `Usage: wc [OPTION]... [FILE]...
Print newline, word, and byte counts for each FILE, and a total line if
more than one FILE is specified.  A word is a non-zero-length sequence of
printable characters delimited by white space.

With no FILE, or when FILE is -, read standard input.

The options below may be used to select which counts are printed, always in
the following order: newline, word, character, byte, maximum line length.
  -c, --bytes            print the byte counts
  -m, --chars            print the character counts
  -l, --lines            print the newline counts
  -L, --max-line-length  print the maximum display width
  -w, --words            print the word counts
      --help        display this help and exit
`;

const LONG = { bytes: ['c'], chars: ['m'], lines: ['l'], 'max-line-length': ['L'], words: ['w'] } as const;

interface Counts {
  l: number;
  w: number;
  m: number;
  c: number;
  L: number;
}

async function count(t: ToolRun, name: string): Promise<Counts | string> {
  const o = await openSource(t, name);
  if (!o.ok) return strerror(o.errno);
  const n: Counts = { l: 0, w: 0, m: 0, c: 0, L: 0 };
  let inWord = false;
  let col = 0;
  try {
    for (let chunk = await o.src.read(); chunk !== null; chunk = await o.src.read()) {
      n.c += chunk.length;
      n.m += chunk.length;
      for (let i = 0; i < chunk.length; i++) {
        const ch = chunk.charCodeAt(i);
        const space = ch === 32 || (ch >= 9 && ch <= 13);
        if (ch === 10) {
          n.l++;
          if (col > n.L) n.L = col;
          col = 0;
        } else if (ch === 9) col += 8 - (col % 8);
        else if (ch >= 32 && ch !== 127) col++;
        if (space) inWord = false;
        else if (!inWord) {
          inWord = true;
          n.w++;
        }
      }
    }
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    return strerror(e.errno);
  } finally {
    await o.src.close();
  }
  if (col > n.L) n.L = col;
  return n;
}

export const wc = defineTool({
  name: 'wc',
  summary: 'print newline, word, and byte counts for each file',
  help: HELP,
  async run(t) {
    const p = parseOpts(t.args, { short: 'cmlLw', long: LONG });
    if (!p.ok) return usageError(t, p.message);
    const want = new Set(p.opts.map(([k]) => k));
    if (want.size === 0) ['l', 'w', 'c'].forEach((k) => want.add(k));
    const cols = (['l', 'w', 'm', 'c', 'L'] as const).filter((k) => want.has(k));
    const files = p.operands.length ? p.operands : ['-'];

    // coreutils' compute_number_width, from fstat/stat of the inputs before reading them.
    let width = 1;
    if (!(files.length === 1 && cols.length === 1)) {
      let regular = 0;
      let min = 1;
      for (const f of files) {
        const st = f === '-' ? t.sys.fstat(0) : t.sys.stat(f);
        if (!st.ok) {
          if (f === '-') min = 7;
          continue;
        }
        if (st.value.type === 'reg') regular += st.value.size;
        else min = 7;
      }
      for (; regular >= 10; regular = Math.floor(regular / 10)) width++;
      width = Math.max(width, min);
    }
    const line = (n: Counts, name: string | null) => cols.map((k) => String(n[k]).padStart(width)).join(' ') + (name === null ? '' : ` ${name}`) + '\n';

    const total: Counts = { l: 0, w: 0, m: 0, c: 0, L: 0 };
    let status = 0;
    for (const f of files) {
      const n = await count(t, f);
      if (typeof n === 'string') {
        await t.err(`wc: ${f}: ${n}\n`);
        status = 1;
        if (n !== strerror('EISDIR')) continue;
        await t.out(line({ l: 0, w: 0, m: 0, c: 0, L: 0 }, f));
        continue;
      }
      for (const k of ['l', 'w', 'm', 'c'] as const) total[k] += n[k];
      total.L = Math.max(total.L, n.L);
      await t.out(line(n, f === '-' && p.operands.length === 0 ? null : f));
    }
    if (files.length > 1) await t.out(line(total, 'total'));
    return status;
  },
});
