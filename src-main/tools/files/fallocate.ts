// fallocate(1) from util-linux 2.38.1: opens O_RDWR (O_CREAT only for plain allocation, never
// O_NONBLOCK, so a classic lease makes it wait), one fallocate(2) call, and util-linux's
// messages — paths without quotes, `fallocate failed: …` (keep-size + EOPNOTSUPP has its own).
import { abi, strerror } from '../../host';
import { defineTool, type ToolRun } from '../tool';
import { getopt, type LongOpt } from '../getopt';
import { strtosize } from './numbers';
import { sizeToHumanString } from './human';

const LONG: LongOpt[] = [
  { name: 'help', arg: 'none', key: 'h' },
  { name: 'version', arg: 'none', key: 'V' },
  { name: 'keep-size', arg: 'none', key: 'n' },
  { name: 'punch-hole', arg: 'none', key: 'p' },
  { name: 'collapse-range', arg: 'none', key: 'c' },
  { name: 'dig-holes', arg: 'none', key: 'd' },
  { name: 'insert-range', arg: 'none', key: 'i' },
  { name: 'zero-range', arg: 'none', key: 'z' },
  { name: 'offset', arg: 'required', key: 'o' },
  { name: 'length', arg: 'required', key: 'l' },
  { name: 'posix', arg: 'none', key: 'x' },
  { name: 'verbose', arg: 'none', key: 'v' },
];

/** util-linux err_exclusive_options groups, in ASCII order. */
const EXCLUSIVE = [['c', 'd', 'p', 'z'], ['c', 'n'], ['x', 'c', 'd', 'i', 'n', 'p', 'z']];

const HELP = `
Usage:
 fallocate [options] <filename>

Preallocate space to, or deallocate space from a file.

Options:
 -c, --collapse-range remove a range from the file
 -d, --dig-holes      detect zeroes and replace with holes
 -i, --insert-range   insert a hole at range, shifting existing data
 -l, --length <num>   length for range operations, in bytes
 -n, --keep-size      maintain the apparent size of the file
 -o, --offset <num>   offset for range operations, in bytes
 -p, --punch-hole     replace a range with a hole (implies -n)
 -z, --zero-range     zero and ensure allocation of a range
 -x, --posix          use posix_fallocate(3) instead of fallocate(2)
 -v, --verbose        verbose mode

 -h, --help           display this help
 -V, --version        display version

Arguments:
 <num> arguments may be followed by the suffixes for
   GiB, TiB, PiB, EiB, ZiB, and YiB (the "iB" is optional)

For more details see fallocate(1).
`;

const VERBS: Array<[number, string]> = [
  [abi.FALLOC_FL_PUNCH_HOLE, 'hole created'],
  [abi.FALLOC_FL_COLLAPSE_RANGE, 'removed'],
  [abi.FALLOC_FL_INSERT_RANGE, 'inserted'],
  [abi.FALLOC_FL_ZERO_RANGE, 'zeroed'],
];

async function die(t: ToolRun, msg: string): Promise<number> {
  await t.err(`fallocate: ${msg}\n`);
  return 1;
}

export const fallocate = defineTool({
  name: 'fallocate',
  summary: 'preallocate or deallocate space to a file',
  async run(t) {
    const p = getopt(t.args, { short: 'hvVncpdizxl:o:', long: LONG });
    if (!p.ok) return die(t, `${p.message}\nTry 'fallocate --help' for more information.`);
    let mode = 0;
    let length = -2;
    let offset = 0;
    let verbose = false;
    let dig = false;
    let posix = false;
    const seen = EXCLUSIVE.map(() => '');
    for (const { key, value = '' } of p.opts) {
      // err_exclusive_options(): a group counts only while its letters (ASCII-sorted, except
      // the last group) do not pass the option's own letter.
      for (let g = 0; g < EXCLUSIVE.length && EXCLUSIVE[g]![0]! <= key; g++) {
        const group = EXCLUSIVE[g]!;
        for (let i = 0; i < group.length && group[i]! <= key; i++) {
          if (group[i] !== key) continue;
          if (seen[g] === '') seen[g] = key;
          else if (seen[g] !== key) {
            const names = group.map((c) => ` --${LONG.find((l) => l.key === c)!.name}`).join('');
            return die(t, `mutually exclusive arguments:${names}`);
          }
          break;
        }
      }
      switch (key) {
        case 'h':
          await t.out(HELP);
          return 0;
        case 'V':
          await t.out('fallocate from util-linux 2.38.1\n');
          return 0;
        case 'c': mode |= abi.FALLOC_FL_COLLAPSE_RANGE; break;
        case 'd': dig = true; break;
        case 'i': mode |= abi.FALLOC_FL_INSERT_RANGE; break;
        case 'l': length = strtosize(value) ?? -1; break;
        case 'n': mode |= abi.FALLOC_FL_KEEP_SIZE; break;
        case 'o': offset = strtosize(value) ?? -1; break;
        case 'p': mode |= abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE; break;
        case 'z': mode |= abi.FALLOC_FL_ZERO_RANGE; break;
        case 'x': posix = true; break;
        case 'v': verbose = true; break;
      }
    }
    if (p.operands.length === 0) return die(t, 'no filename specified');
    if (p.operands.length > 1) return die(t, 'unexpected number of arguments');
    const file = p.operands[0]!;
    if (dig) {
      if (length === -2) length = 0;
      if (length < 0) return die(t, 'invalid length value specified');
    } else {
      if (length === -2) return die(t, 'no length argument specified');
      if (length <= 0) return die(t, 'invalid length value specified');
    }
    if (offset < 0) return die(t, 'invalid offset value specified');
    const o = await t.settle(t.sys.open(file, abi.O_RDWR | (!dig && !mode ? abi.O_CREAT : 0), 0o666));
    if (!o.ok) return die(t, `cannot open ${file}: ${strerror(o.errno)}`);
    const fd = o.value;
    let status = 0;
    if (dig) status = await digHoles(t, fd, file, offset, length, verbose);
    else {
      // posix_fallocate(3) is fallocate(fd, 0, …) where the filesystem supports it.
      const r = await t.settle(t.sys.fallocate(fd, posix ? 0 : mode, offset, length));
      if (!r.ok) {
        status = 1;
        if (mode & abi.FALLOC_FL_KEEP_SIZE && r.errno === 'EOPNOTSUPP') await t.err('fallocate: fallocate failed: keep size mode is unsupported\n');
        else await t.err(`fallocate: fallocate failed: ${strerror(r.errno)}\n`);
      } else if (verbose) {
        const verb = VERBS.find(([bit]) => mode & bit)?.[1] ?? 'allocated';
        await t.out(`${file}: ${sizeToHumanString(length)} (${length} bytes) ${verb}.\n`);
      }
    }
    await t.settle(t.sys.close(fd));
    return status;
  },
});

/** --dig-holes: punch every all-zero block of the range (a filesystem-block-sized scan). */
async function digHoles(t: ToolRun, fd: number, file: string, offset: number, length: number, verbose: boolean): Promise<number> {
  const st = t.sys.fstat(fd);
  const bs = st.ok ? st.value.blksize : 4096;
  const end = length ? offset + length : st.ok ? st.value.size : 0;
  let holeStart = 0;
  let holeSize = 0;
  let total = 0;
  const punch = async (off: number, len: number) => {
    const r = await t.settle(t.sys.fallocate(fd, abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE, off, len));
    if (r.ok) return true;
    await t.err(`fallocate: fallocate failed: ${r.errno === 'EOPNOTSUPP' ? 'keep size mode is unsupported' : strerror(r.errno)}\n`);
    return false;
  };
  for (let off = offset; off < end; off += bs) {
    const r = t.sys.pread(fd, Math.min(bs, end - off), off);
    if (!r.ok || r.value === '') break;
    if (/^\0*$/.test(r.value)) {
      if (!holeSize) holeStart = off;
      holeSize += r.value.length;
    } else if (holeSize) {
      if (!(await punch(holeStart, holeSize))) return 1;
      total += holeSize;
      holeSize = 0;
    }
  }
  if (holeSize) {
    if (!(await punch(holeStart, holeSize + bs))) return 1;
    total += holeSize;
  }
  if (verbose) await t.out(`${file}: ${sizeToHumanString(total)} (${total} bytes) converted to sparse holes.\n`);
  return 0;
}
