// truncate(1) from coreutils 9.1: opens O_WRONLY|O_CREAT|O_NONBLOCK, then ftruncate, so a
// classic lease makes it fail with EAGAIN at once and a layout lease shows at ftruncate.
import { abi } from '../../host';
import { defineTool } from '../tool';
import { complain, quoteaf, strerror, usageError } from '../common';

const SUFFIX: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4, P: 1024 ** 5, E: 1024 ** 6 };

/** A coreutils size: N, NK/NKiB (1024), NKB (1000), with an optional +/-/</>/% prefix. */
export function parseSize(spec: string): { op: '' | '+' | '-' | '<' | '>' | '/' | '%'; n: number } | null {
  const m = /^([-+<>/%]?)(\d+)(?:([KMGTPE])(iB|B)?)?$/.exec(spec);
  if (!m) return null;
  const unit = m[3] ? (m[4] === 'B' ? 1000 ** ('KMGTPE'.indexOf(m[3]) + 1) : SUFFIX[m[3]]!) : 1;
  return { op: (m[1] ?? '') as '' | '+' | '-' | '<' | '>' | '/' | '%', n: Number(m[2]) * unit };
}

export const truncate = defineTool({
  name: 'truncate',
  summary: 'shrink or extend the size of a file to the specified size',
  help: `Usage: truncate OPTION... FILE...
Shrink or extend the size of each FILE to the specified size

A FILE argument that does not exist is created.

Mandatory arguments to long options are mandatory for short options too.
  -c, --no-create        do not create any files
  -s, --size=SIZE        set or adjust the file size by SIZE bytes
      --help        display this help and exit
`,
  async run(t) {
    let noCreate = false;
    let sizeSpec: string | undefined;
    const files: string[] = [];
    const args = [...t.args];
    while (args.length) {
      const a = args.shift()!;
      if (a === '-c' || a === '--no-create') noCreate = true;
      else if (a === '-s' || a === '--size') sizeSpec = args.shift();
      else if (a.startsWith('--size=')) sizeSpec = a.slice(7);
      else if (a.startsWith('-s') && a.length > 2) sizeSpec = a.slice(2);
      else if (a === '--') files.push(...args.splice(0));
      else if (a.startsWith('-') && a !== '-') return usageError(t, `invalid option -- '${a.replace(/^-+/, '')}'`);
      else files.push(a);
    }
    if (sizeSpec === undefined) return usageError(t, 'you must specify either ‘--size’ or ‘--reference’');
    const size = parseSize(sizeSpec);
    if (!size) return complain(t, `Invalid number: ‘${sizeSpec}’`);
    if (files.length === 0) return usageError(t, 'missing file operand');
    let status = 0;
    for (const f of files) {
      const flags = abi.O_WRONLY | abi.O_NONBLOCK | (noCreate ? 0 : abi.O_CREAT);
      const o = await t.settle(t.sys.open(f, flags, 0o666));
      if (!o.ok) {
        if (noCreate && o.errno === 'ENOENT') continue;
        status = await complain(t, `cannot open ${quoteaf(f)} for writing: ${strerror(o.errno)}`);
        continue;
      }
      const st = t.sys.fstat(o.value);
      const cur = st.ok ? st.value.size : 0;
      const n = size.n;
      const target =
        size.op === '+' ? cur + n
        : size.op === '-' ? Math.max(0, cur - n)
        : size.op === '<' ? Math.min(cur, n)
        : size.op === '>' ? Math.max(cur, n)
        : size.op === '/' ? (n ? Math.floor(cur / n) * n : cur)
        : size.op === '%' ? (n ? Math.ceil(cur / n) * n : cur)
        : n;
      const r = await t.settle(t.sys.ftruncate(o.value, target));
      if (!r.ok) status = await complain(t, `failed to truncate ${quoteaf(f)} at ${target} bytes: ${strerror(r.errno)}`);
      await t.settle(t.sys.close(o.value));
    }
    return status;
  },
});
