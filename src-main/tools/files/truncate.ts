// truncate(1) from coreutils 9.1: opens O_WRONLY|O_CREAT|O_NONBLOCK, then ftruncate, so a
// classic lease makes it fail with EAGAIN at once and a layout lease shows at ftruncate.
import { abi, strerror } from '../../host';
import { defineTool, type ToolRun } from '../tool';
import { quoteaf } from '../common';
import { getopt } from '../getopt';

type RelMode = '' | '+' | '<' | '>' | '/' | '%';

const OFF_T_MAX = 2n ** 63n - 1n;

/**
 * xdectoimax(…, "EgGkKmMPtTYZ0", "Invalid number"): digits with an optional sign and a dd-style
 * suffix (K = 1024, KB = 1000, KiB = 1024, lowercase g/t/m as on BSD). A string or an overflow.
 */
export function parseSize(text: string): { n: number } | { error: string } {
  const m = /^([-+]?)(\d+)([kKmMgGtTPEZY](?:iB|B)?)?$/.exec(text);
  if (!m) return { error: `Invalid number: ‘${text}’` };
  let n = BigInt(m[2]!);
  if (m[3]) {
    const power = 'KMGTPEZY'.indexOf(m[3][0]!.toUpperCase()) + 1;
    n *= (m[3].endsWith('B') && !m[3].endsWith('iB') ? 1000n : 1024n) ** BigInt(power);
  }
  if (n > OFF_T_MAX + (m[1] === '-' ? 1n : 0n)) return { error: `Invalid number: ‘${text}’: ${strerror('EOVERFLOW')}` };
  return { n: (m[1] === '-' ? -1 : 1) * Number(n) };
}

function target(mode: RelMode, cur: number, n: number): number {
  switch (mode) {
    case '+': return Math.max(0, cur + n);
    case '<': return Math.min(cur, n);
    case '>': return Math.max(cur, n);
    case '/': return Math.floor(cur / n) * n;
    case '%': return Math.ceil(cur / n) * n;
    default: return n;
  }
}

async function usage(t: ToolRun, message: string): Promise<number> {
  await t.err(`truncate: ${message}\nTry 'truncate --help' for more information.\n`);
  return 1;
}

export const truncate = defineTool({
  name: 'truncate',
  summary: 'shrink or extend the size of a file to the specified size',
  help: `Usage: truncate OPTION... FILE...
Shrink or extend the size of each FILE to the specified size

A FILE argument that does not exist is created.

If a FILE is larger than the specified size, the extra data is lost.
If a FILE is shorter, it is extended and the sparse extended part (hole)
reads as zero bytes.

Mandatory arguments to long options are mandatory for short options too.
  -c, --no-create        do not create any files
  -o, --io-blocks        treat SIZE as number of IO blocks instead of bytes
  -r, --reference=RFILE  base size on RFILE
  -s, --size=SIZE        set or adjust the file size by SIZE bytes
      --help        display this help and exit

The SIZE argument is an integer and optional unit (example: 10K is 10*1024).
Units are K,M,G,T,P,E,Z,Y (powers of 1024) or KB,MB,... (powers of 1000).
Binary prefixes can be used, too: KiB=K, MiB=M, and so on.

SIZE may also be prefixed by one of the following modifying characters:
'+' extend by, '-' reduce by, '<' at most, '>' at least,
'/' round down to multiple of, '%' round up to multiple of.
`,
  async run(t) {
    const p = getopt(t.args, {
      short: 'cor:s:',
      long: [
        { name: 'no-create', arg: 'none', key: 'c' },
        { name: 'io-blocks', arg: 'none', key: 'o' },
        { name: 'reference', arg: 'required', key: 'r' },
        { name: 'size', arg: 'required', key: 's' },
      ],
    });
    if (!p.ok) return usage(t, p.message);
    let noCreate = false;
    let blocks = false;
    let ref: string | null = null;
    let size: number | null = null;
    let mode: RelMode = '';
    for (const { key, value = '' } of p.opts) {
      if (key === 'c') noCreate = true;
      else if (key === 'o') blocks = true;
      else if (key === 'r') ref = value;
      else if (key === 's') {
        let spec = value.trimStart();
        mode = '';
        if (spec !== '' && '<>/%'.includes(spec[0]!)) {
          mode = spec[0] as RelMode;
          spec = spec.slice(1).trimStart();
        }
        if (spec[0] === '+' || spec[0] === '-') {
          if (mode) return usage(t, 'multiple relative modifiers specified');
          mode = '+';
        }
        const parsed = parseSize(spec);
        if ('error' in parsed) {
          await t.err(`truncate: ${parsed.error}\n`);
          return 1;
        }
        size = parsed.n;
        if ((mode === '/' || mode === '%') && size === 0) {
          await t.err('truncate: division by zero\n');
          return 1;
        }
      }
    }
    if (ref === null && size === null) return usage(t, 'you must specify either ‘--size’ or ‘--reference’');
    if (ref !== null && size !== null && !mode) return usage(t, 'you must specify a relative ‘--size’ with ‘--reference’');
    if (blocks && size === null) return usage(t, '‘--io-blocks’ was specified but ‘--size’ was not');
    if (!p.operands.length) return usage(t, 'missing file operand');
    let refSize: number | null = null;
    if (ref !== null) {
      const st = t.sys.stat(ref);
      if (!st.ok) {
        await t.err(`truncate: cannot stat ${quoteaf(ref)}: ${strerror(st.errno)}\n`);
        return 1;
      }
      refSize = st.value.size;
    }
    let status = 0;
    for (const f of p.operands) {
      const flags = abi.O_WRONLY | abi.O_NONBLOCK | (noCreate ? 0 : abi.O_CREAT);
      const o = await t.settle(t.sys.open(f, flags, 0o666));
      if (!o.ok) {
        if (noCreate && o.errno === 'ENOENT') continue;
        await t.err(`truncate: cannot open ${quoteaf(f)} for writing: ${strerror(o.errno)}\n`);
        status = 1;
        continue;
      }
      const st = t.sys.fstat(o.value);
      const n = size === null ? 0 : blocks ? size * (st.ok ? st.value.blksize : 4096) : size;
      const cur = refSize ?? (st.ok ? st.value.size : 0);
      const length = size === null ? cur : target(mode, cur, n);
      const r = await t.settle(t.sys.ftruncate(o.value, length));
      if (!r.ok) {
        await t.err(`truncate: failed to truncate ${quoteaf(f)} at ${length} bytes: ${strerror(r.errno)}\n`);
        status = 1;
      }
      await t.settle(t.sys.close(o.value));
    }
    return status;
  },
});
