// nl: number lines of files (GNU coreutils 9.1): -b a|t|n|pRE, -n ln|rn|rz, -w, -s, -v, -i.
import { defineTool } from '../tool';
import { strerror, usageError } from '../common';
import { eachLines, openSource, Output, ReadError } from './io';
import { parseOpts } from './opts';
import { compile, RegexError } from './regex';

const HELP = `Usage: nl [OPTION]... [FILE]...
Write each FILE to standard output, with line numbers added.

With no FILE, or when FILE is -, read standard input.

  -b, --body-numbering=STYLE      use STYLE for numbering body lines
  -i, --line-increment=NUMBER     line number increment at each line
  -n, --number-format=FORMAT      insert line numbers according to FORMAT
  -s, --number-separator=STRING   add STRING after (possible) line number
  -v, --starting-line-number=NUMBER  first line number for each section
  -w, --number-width=NUMBER       use NUMBER columns for line numbers
      --help        display this help and exit

Default options are: -bt -i1 -n'rn' -s<TAB> -v1 -w6

STYLE is one of:

  a      number all lines
  t      number only nonempty lines
  n      number no lines
  pBRE   number only lines that contain a match for the basic regular
         expression, BRE
`;

const LONG = {
  'body-numbering': ['b', 'required'], 'line-increment': ['i', 'required'], 'number-format': ['n', 'required'],
  'number-separator': ['s', 'required'], 'starting-line-number': ['v', 'required'], 'number-width': ['w', 'required'],
} as const;

export const nl = defineTool({
  name: 'nl',
  summary: 'number lines of files',
  help: HELP,
  async run(t) {
    const p = parseOpts(t.args, { short: 'b:i:n:s:v:w:', long: LONG });
    if (!p.ok) return usageError(t, p.message);
    let style = 't';
    let re: RegExp | null = null;
    let inc = 1;
    let format = 'rn';
    let sep = '\t';
    let n = 1;
    let width = 6;
    for (const [k, v] of p.opts) {
      if (k === 'b') {
        if (!/^[atn]$|^p/.test(v!)) return usageError(t, `invalid body numbering style: '${v}'`);
        style = v![0]!;
        if (style === 'p') {
          try {
            re = compile(v!.slice(1), { extended: false });
          } catch (e) {
            if (e instanceof RegexError) return usageError(t, e.message);
            throw e;
          }
        }
      } else if (k === 'n') {
        if (!['ln', 'rn', 'rz'].includes(v!)) return usageError(t, `invalid line number format: '${v}'`);
        format = v!;
      } else if (k === 's') sep = v!;
      else if (k === 'i' || k === 'v' || k === 'w') {
        if (!/^-?\d+$/.test(v!) || (k === 'w' && Number(v) < 1)) {
          const what = k === 'i' ? 'line number increment' : k === 'v' ? 'starting line number' : 'line number field width';
          return usageError(t, `invalid ${what}: '${v}'`);
        }
        if (k === 'i') inc = Number(v);
        else if (k === 'v') n = Number(v);
        else width = Number(v);
      }
    }
    const num = (x: number): string => {
      const s = String(x);
      if (format === 'ln') return s.padEnd(width);
      if (format === 'rz') return x < 0 ? '-' + String(-x).padStart(width - 1, '0') : s.padStart(width, '0');
      return s.padStart(width);
    };
    const blank = ' '.repeat(width + sep.length);
    const out = new Output((s) => t.out(s));
    let status = 0;
    for (const f of p.operands.length ? p.operands : ['-']) {
      const o = await openSource(t, f);
      if (!o.ok) {
        await t.err(`nl: ${f}: ${strerror(o.errno)}\n`);
        status = 1;
        continue;
      }
      try {
        await eachLines(o.src, async (lines) => {
          for (const l of lines) {
            const numbered = style === 'a' || (style === 't' && l !== '') || (style === 'p' && re!.test(l));
            if (numbered) {
              out.write(num(n) + sep + l + '\n');
              n += inc;
            } else out.write(blank + l + '\n');
          }
          await out.flush();
        });
      } catch (e) {
        if (!(e instanceof ReadError)) throw e;
        await t.err(`nl: ${f}: ${strerror(e.errno)}\n`);
        status = 1;
      } finally {
        await o.src.close();
      }
    }
    await out.flush();
    return status;
  },
});
