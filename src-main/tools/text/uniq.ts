// uniq: report or omit repeated lines (GNU coreutils 9.1): -c -d -D -u -i -f -s -w, INPUT and
// OUTPUT operands; adjacent lines only, streamed.
import { defineTool } from '../tool';
import { complain, strerror, usageError } from '../common';
import { eachLines, openSource, openWrite, Output, ReadError, writeAll } from './io';
import { parseOpts } from './opts';

const HELP = `Usage: uniq [OPTION]... [INPUT [OUTPUT]]
Filter adjacent matching lines from INPUT (or standard input),
writing to OUTPUT (or standard output).

With no options, matching lines are merged to the first occurrence.

  -c, --count           prefix lines by the number of occurrences
  -d, --repeated        only print duplicate lines, one for each group
  -D                    print all duplicate lines
  -f, --skip-fields=N   avoid comparing the first N fields
  -i, --ignore-case     ignore differences in case when comparing
  -s, --skip-chars=N    avoid comparing the first N characters
  -u, --unique          only print unique lines
  -w, --check-chars=N   compare no more than N characters in lines
      --help        display this help and exit
`;

const LONG = {
  count: ['c'], repeated: ['d'], 'all-repeated': ['D', 'optional'], 'skip-fields': ['f', 'required'], 'ignore-case': ['i'],
  'skip-chars': ['s', 'required'], unique: ['u'], 'check-chars': ['w', 'required'],
} as const;

export const uniq = defineTool({
  name: 'uniq',
  summary: 'report or omit repeated lines',
  help: HELP,
  async run(t) {
    const p = parseOpts(t.args, { short: 'cdDf:is:uw:', long: LONG });
    if (!p.ok) return usageError(t, p.message);
    const o = { c: false, d: false, D: false, u: false, i: false, f: 0, s: 0, w: Infinity };
    for (const [k, v] of p.opts) {
      if (k === 'f' || k === 's' || k === 'w') {
        if (!/^\d+$/.test(v!)) {
          const what = k === 'f' ? 'number of fields to skip' : k === 's' ? 'number of bytes to skip' : 'number of bytes to compare';
          return usageError(t, `${v}: invalid ${what}`);
        }
        o[k] = Number(v);
      } else if (k === 'c' || k === 'd' || k === 'D' || k === 'u' || k === 'i') o[k] = true;
    }
    if (p.operands.length > 2) return usageError(t, `extra operand '${p.operands[2]}'`);
    if (o.c && o.D) return usageError(t, 'printing all duplicated lines and repeat counts is meaningless');
    const input = p.operands[0] ?? '-';
    const outName = p.operands[1];
    const src = await openSource(t, input);
    if (!src.ok) return complain(t, `${input}: ${strerror(src.errno)}`);
    let fd: number | null = null;
    if (outName !== undefined && outName !== '-') {
      const w = await openWrite(t, outName, false);
      if (!w.ok) return complain(t, `${outName}: ${strerror(w.errno)}`);
      fd = w.fd;
    }
    const out = new Output(async (s) => {
      if (fd === null) return t.out(s);
      const err = await writeAll(t, fd, s);
      if (err) throw new ReadError(err);
    });
    const key = (l: string): string => {
      let s = l;
      for (let n = 0; n < o.f; n++) s = s.replace(/^[ \t]*[^ \t]*/, '');
      s = s.slice(o.s);
      if (o.w !== Infinity) s = s.slice(0, o.w);
      return o.i ? s.toLowerCase() : s;
    };
    let prev: string | null = null;
    let prevKey = '';
    let count = 0;
    const group: string[] = [];
    const emit = () => {
      if (prev === null) return;
      if (o.D) {
        if (count > 1) for (const g of group) out.write(g + '\n');
        return;
      }
      if ((o.d && count < 2) || (o.u && count > 1)) return;
      out.write(o.c ? `${String(count).padStart(7)} ${prev}\n` : prev + '\n');
    };
    try {
      await eachLines(src.src, async (lines) => {
        for (const l of lines) {
          const k = key(l);
          if (prev !== null && k === prevKey) {
            count++;
            if (o.D) group.push(l);
            continue;
          }
          emit();
          prev = l;
          prevKey = k;
          count = 1;
          group.length = 0;
          if (o.D) group.push(l);
        }
        await out.flush();
      });
      emit();
      await out.flush();
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      return complain(t, `${input}: ${strerror(e.errno)}`);
    } finally {
      await src.src.close();
      if (fd !== null) await t.settle(t.sys.close(fd));
    }
    return 0;
  },
});
