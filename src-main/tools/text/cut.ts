// cut: remove sections from each line of files (GNU coreutils 9.1): -b/-c/-f lists, -d, -s,
// --complement, --output-delimiter; streamed line by line.
import { defineTool } from '../tool';
import { strerror, usageError } from '../common';
import { eachLines, openSource, Output, ReadError } from './io';
import { parseOpts } from './opts';

const HELP = `Usage: cut OPTION... [FILE]...
Print selected parts of lines from each FILE to standard output.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -b, --bytes=LIST        select only these bytes
  -c, --characters=LIST   select only these characters
  -d, --delimiter=DELIM   use DELIM instead of TAB for field delimiter
  -f, --fields=LIST       select only these fields;  also print any line
                            that contains no delimiter character, unless
                            the -s option is specified
  -n                      (ignored)
      --complement        complement the set of selected bytes, characters
                            or fields
  -s, --only-delimited    do not print lines not containing delimiters
      --output-delimiter=STRING  use STRING as the output delimiter
                            the default is to use the input delimiter
      --help        display this help and exit

Use one, and only one of -b, -c or -f.  Each LIST is made up of one
range, or many ranges separated by commas.  Selected input is written
in the same order that it is read, and is written exactly once.
Each range is one of:

  N     N'th byte, character or field, counted from 1
  N-    from N'th byte, character or field, to end of line
  N-M   from N'th to M'th (included) byte, character or field
  -M    from first to M'th (included) byte, character or field
`;

const LONG = {
  bytes: ['b', 'required'], characters: ['c', 'required'], delimiter: ['d', 'required'], fields: ['f', 'required'],
  complement: ['complement'], 'only-delimited': ['s'], 'output-delimiter': ['output-delimiter', 'required'],
} as const;

type Range = [lo: number, hi: number];

/** A LIST as sorted, merged ranges; GNU's message when it is invalid. */
function parseList(list: string, fields: boolean): Range[] | string {
  const ranges: Range[] = [];
  for (const part of list.split(/[,\s]/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || part === '' || part === '-') return fields ? 'invalid field range' : 'invalid byte or character range';
    const lo = m[1] === '' ? 1 : Number(m[1]);
    const hi = m[2] === '' ? lo : m[3] === '' ? Infinity : Number(m[3]);
    if (lo === 0 || hi === 0) return fields ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1';
    if (hi < lo) return 'invalid decreasing range';
    ranges.push([lo, hi]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function selected(ranges: Range[], i: number, complement: boolean): boolean {
  let hit = false;
  for (const [lo, hi] of ranges) {
    if (i < lo) break;
    if (i <= hi) {
      hit = true;
      break;
    }
  }
  return hit !== complement;
}

export const cut = defineTool({
  name: 'cut',
  summary: 'remove sections from each line of files',
  help: HELP,
  async run(t) {
    const p = parseOpts(t.args, { short: 'b:c:d:f:ns', long: LONG });
    if (!p.ok) return usageError(t, p.message);
    let mode: 'b' | 'f' | null = null;
    let list = '';
    let delim: string | null = null;
    let onlyDelimited = false;
    let complement = false;
    let outDelim: string | null = null;
    for (const [k, v] of p.opts) {
      if (k === 'b' || k === 'c' || k === 'f') {
        if (mode !== null) return usageError(t, 'only one list may be specified');
        mode = k === 'f' ? 'f' : 'b';
        list = v!;
      } else if (k === 'd') {
        if (v!.length > 1) return usageError(t, 'the delimiter must be a single character');
        delim = v!;
      } else if (k === 's') onlyDelimited = true;
      else if (k === 'complement') complement = true;
      else if (k === 'output-delimiter') outDelim = v!;
    }
    if (mode === null) return usageError(t, 'you must specify a list of bytes, characters, or fields');
    if (mode !== 'f' && delim !== null) return usageError(t, 'an input delimiter may be specified only when operating on fields');
    if (mode !== 'f' && onlyDelimited) return usageError(t, 'suppressing non-delimited lines makes sense\n\tonly when operating on fields');
    const ranges = parseList(list, mode === 'f');
    if (typeof ranges === 'string') return usageError(t, ranges);
    const d = delim === null ? '\t' : delim === '' ? '\n' : delim;
    const od = outDelim ?? (mode === 'f' ? d : '');

    const cutLine = (line: string): string | null => {
      if (mode === 'b') {
        let s = '';
        let inRun = false;
        let first = true;
        for (let i = 0; i < line.length; i++) {
          if (selected(ranges, i + 1, complement)) {
            if (!inRun && !first && od) s += od;
            s += line[i];
            inRun = true;
            first = false;
          } else inRun = false;
        }
        return s;
      }
      if (!line.includes(d)) return onlyDelimited ? null : line;
      const fields = line.split(d);
      const keep: string[] = [];
      fields.forEach((f, i) => {
        if (selected(ranges, i + 1, complement)) keep.push(f);
      });
      return keep.join(od);
    };

    const out = new Output((s) => t.out(s));
    let status = 0;
    for (const f of p.operands.length ? p.operands : ['-']) {
      const o = await openSource(t, f);
      if (!o.ok) {
        await t.err(`cut: ${f}: ${strerror(o.errno)}\n`);
        status = 1;
        continue;
      }
      try {
        await eachLines(o.src, async (lines) => {
          for (const l of lines) {
            const c = cutLine(l);
            if (c !== null) out.write(c + '\n');
          }
          await out.flush();
        });
      } catch (e) {
        if (!(e instanceof ReadError)) throw e;
        await out.flush();
        await t.err(`cut: ${f}: ${strerror(e.errno)}\n`);
        status = 1;
      } finally {
        await o.src.close();
      }
    }
    await out.flush();
    return status;
  },
});
