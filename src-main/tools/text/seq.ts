// seq: print a sequence of numbers (GNU coreutils 9.1): integers exactly, decimals with the
// precision of FIRST and INCREMENT, -w -s -f.
import { defineTool } from '../tool';
import { usageError } from '../common';
import { formatPrintf } from '../../shell/printf';
import { parseOpts } from './opts';
import { breathe } from './io';

const HELP = `Usage: seq [OPTION]... LAST
  or:  seq [OPTION]... FIRST LAST
  or:  seq [OPTION]... FIRST INCREMENT LAST
Print numbers from FIRST to LAST, in steps of INCREMENT.

Mandatory arguments to long options are mandatory for short options too.
  -f, --format=FORMAT      use printf style floating-point FORMAT
  -s, --separator=STRING   use STRING to separate numbers (default: \\n)
  -w, --equal-width        equalize width by padding with leading zeroes
      --help        display this help and exit

If FIRST or INCREMENT is omitted, it defaults to 1.  That is, an
omitted INCREMENT defaults to 1 even when LAST is smaller than FIRST.
The sequence of numbers ends when the sum of the current number and
INCREMENT would become greater than LAST.
`;

const NUM = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Digits after the decimal point as written (0 for exponent forms without a point). */
function precision(s: string): number {
  const m = /\.(\d*)/.exec(s.replace(/[eE].*$/, ''));
  return m ? m[1]!.length : 0;
}

export const seq = defineTool({
  name: 'seq',
  summary: 'print a sequence of numbers',
  help: HELP,
  async run(t) {
    // Negative numbers are operands, not options.
    const args = t.args.map((a) => (/^-\d/.test(a) || /^-\.\d/.test(a) ? `\0${a}` : a));
    const p = parseOpts(args, { short: 'f:s:w', long: { format: ['f', 'required'], separator: ['s', 'required'], 'equal-width': ['w'] } });
    if (!p.ok) return usageError(t, p.message);
    let sep = '\n';
    let fmt: string | null = null;
    let wide = false;
    for (const [k, v] of p.opts) {
      if (k === 's') sep = v!;
      else if (k === 'f') fmt = v!;
      else if (k === 'w') wide = true;
    }
    const ops = p.operands.map((a) => a.replace(/^\0/, ''));
    if (ops.length === 0) return usageError(t, 'missing operand');
    if (ops.length > 3) return usageError(t, `extra operand '${ops[3]}'`);
    for (const o of ops) if (!NUM.test(o)) return usageError(t, `invalid floating point argument: '${o}'`);
    const [first, step, last] = ops.length === 1 ? ['1', '1', ops[0]!] : ops.length === 2 ? [ops[0]!, '1', ops[1]!] : [ops[0]!, ops[1]!, ops[2]!];
    const a = Number(first);
    const inc = Number(step);
    const z = Number(last);
    if (inc === 0) return usageError(t, `invalid Zero increment value: '${step}'`);
    const prec = Math.max(precision(first), precision(step));
    const show = (v: number): string => (fmt !== null ? formatPrintf(fmt, [String(v)]).out : v.toFixed(prec));
    const width = wide && fmt === null ? Math.max(show(a).length, show(z).length) : 0;
    const pad = (v: string) => (v.startsWith('-') ? '-' + v.slice(1).padStart(width - 1, '0') : v.padStart(width, '0'));
    let chunk: string[] = [];
    let started = false;
    const flush = async () => {
      if (chunk.length) await t.out((started ? sep : '') + chunk.join(sep));
      started ||= chunk.length > 0;
      chunk = [];
    };
    for (let k = 0; ; k++) {
      const v = a + k * inc;
      if (inc > 0 ? v > z + 1e-12 * Math.abs(inc) : v < z - 1e-12 * Math.abs(inc)) break;
      const text = show(Number(v.toFixed(Math.min(prec + 6, 20))));
      chunk.push(width ? pad(text) : text);
      if (chunk.length === 4096) {
        await flush();
        await breathe(t);
        if (t.signal.aborted) return 130;
      }
    }
    await flush();
    if (started) await t.out('\n');
    return 0;
  },
});
