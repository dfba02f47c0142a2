// cat(1) from coreutils 9.1: files (or stdin) to stdout, read as this process, with its line
// options: -n/-b numbering, -s squeezing, -E/-T/-v (and -A, -e, -t) making the invisible visible.
import { abi } from '../../host';
import { defineTool } from '../tool';
import { complain, strerror } from '../common';
import { getopt } from '../getopt';

const CHUNK = 64 * 1024;

interface Style {
  number: 'none' | 'all' | 'nonblank';
  squeeze: boolean;
  ends: boolean;
  tabs: boolean;
  nonprinting: boolean;
}

/** `^X` and `M-` notation of one byte (cat -v); newline and tab stay as they are. */
function visible(code: number): string {
  let prefix = '';
  let c = code;
  if (c >= 128) {
    prefix = 'M-';
    c -= 128;
  }
  if (c < 32) return `${prefix}^${String.fromCharCode(c + 64)}`;
  if (c === 127) return `${prefix}^?`;
  return prefix + String.fromCharCode(c);
}

/** Line-by-line rewriting, its state kept across chunks and files as cat keeps it. */
function styler(s: Style): (chunk: string) => string {
  let line = 1;
  let atStart = true;
  let blanks = 0;
  return (chunk) => {
    let o = '';
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (atStart) {
        if (ch === '\n') {
          blanks++;
          if (s.squeeze && blanks > 1) continue;
        } else blanks = 0;
        if (s.number === 'all' || (s.number === 'nonblank' && ch !== '\n')) o += `${String(line++).padStart(6)}\t`;
      }
      atStart = ch === '\n';
      if (ch === '\n') o += s.ends ? '$\n' : '\n';
      else if (ch === '\t') o += s.tabs ? '^I' : '\t';
      else if (s.nonprinting) {
        const code = ch.charCodeAt(0) & 0xff;
        o += code >= 32 && code < 127 ? ch : visible(code);
      } else o += ch;
    }
    return o;
  };
}

export const cat = defineTool({
  name: 'cat',
  summary: 'concatenate files and print on the standard output',
  help: `Usage: cat [OPTION]... [FILE]...
Concatenate FILE(s) to standard output.

With no FILE, or when FILE is -, read standard input.

  -A, --show-all           equivalent to -vET
  -b, --number-nonblank    number nonempty output lines, overrides -n
  -e                       equivalent to -vE
  -E, --show-ends          display $ at end of each line
  -n, --number             number all output lines
  -s, --squeeze-blank      suppress repeated empty output lines
  -t                       equivalent to -vT
  -T, --show-tabs          display TAB characters as ^I
  -u                       (ignored)
  -v, --show-nonprinting   use ^ and M- notation, except for LFD and TAB
      --help        display this help and exit
`,
  async run(t) {
    const p = getopt(t.args, {
      short: 'AbeEnstTuv',
      long: [
        { name: 'show-all', arg: 'none', key: 'A' },
        { name: 'number-nonblank', arg: 'none', key: 'b' },
        { name: 'show-ends', arg: 'none', key: 'E' },
        { name: 'number', arg: 'none', key: 'n' },
        { name: 'squeeze-blank', arg: 'none', key: 's' },
        { name: 'show-tabs', arg: 'none', key: 'T' },
        { name: 'show-nonprinting', arg: 'none', key: 'v' },
      ],
    });
    if (!p.ok) return complain(t, `${p.message}\nTry 'cat --help' for more information.`);
    const s: Style = { number: 'none', squeeze: false, ends: false, tabs: false, nonprinting: false };
    for (const { key } of p.opts) {
      if (key === 'b') s.number = 'nonblank';
      else if (key === 'n' && s.number === 'none') s.number = 'all';
      else if (key === 's') s.squeeze = true;
      if ('AeE'.includes(key)) s.ends = true;
      if ('AtT'.includes(key)) s.tabs = true;
      if ('Aetv'.includes(key)) s.nonprinting = true;
    }
    const plain = s.number === 'none' && !s.squeeze && !s.ends && !s.tabs && !s.nonprinting;
    const emit = plain ? (c: string) => c : styler(s);
    const files = p.operands.length ? p.operands : ['-'];
    let status = 0;
    for (const f of files) {
      if (f === '-') {
        for (let c = await t.stdin.read(); c !== null; c = await t.stdin.read()) await t.out(emit(c));
        continue;
      }
      const o = await t.settle(t.sys.open(f, abi.O_RDONLY));
      if (!o.ok) {
        status = await complain(t, `${f}: ${strerror(o.errno)}`);
        continue;
      }
      for (;;) {
        const r = t.sys.read(o.value, CHUNK);
        if (!r.ok) {
          status = await complain(t, `${f}: ${strerror(r.errno)}`);
          break;
        }
        if (r.value === '' || t.signal.aborted) break;
        await t.out(emit(r.value));
      }
      await t.settle(t.sys.close(o.value));
    }
    return status;
  },
});
