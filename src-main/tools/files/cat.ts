// cat: concatenate files (or stdin) to stdout, reading each as this process.
import { abi } from '../../host';
import { defineTool } from '../tool';
import { complain, strerror } from '../common';

const CHUNK = 64 * 1024;

export const cat = defineTool({
  name: 'cat',
  summary: 'concatenate files and print on the standard output',
  help: `Usage: cat [OPTION]... [FILE]...
Concatenate FILE(s) to standard output.

With no FILE, or when FILE is -, read standard input.

  -n, --number             number all output lines
      --help        display this help and exit
`,
  async run(t) {
    let number = false;
    const files: string[] = [];
    for (const a of t.args) {
      if (a === '-n' || a === '--number') number = true;
      else if (a.startsWith('-') && a !== '-') return complain(t, `invalid option -- '${a.replace(/^-+/, '')}'\nTry 'cat --help' for more information.`);
      else files.push(a);
    }
    if (files.length === 0) files.push('-');
    let line = 1;
    let atStart = true;
    const emit = async (s: string) => {
      if (!number) return t.out(s);
      let o = '';
      for (const ch of s) {
        if (atStart) o += `${String(line++).padStart(6)}\t`;
        o += ch;
        atStart = ch === '\n';
      }
      return t.out(o);
    };
    let status = 0;
    for (const f of files) {
      if (f === '-') {
        for (let c = await t.stdin.read(); c !== null; c = await t.stdin.read()) await emit(c);
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
        await emit(r.value);
      }
      await t.settle(t.sys.close(o.value));
    }
    return status;
  },
});
