// dd(1) from coreutils 9.1: if= of= bs= ibs= obs= count= skip= seek= conv= status=, its
// records/bytes summary on stderr, and of= opened with O_TRUNC unless seek= or conv=notrunc (so
// under an exclusive layout lease the open itself fails, as the kernel decides).
import { abi, strerror } from '../../host';
import { defineTool, type ToolRun } from '../tool';
import { quoteaf } from '../common';
import { parseCount } from './numbers';
import { HUMAN, humanReadable } from './human';

const OPTS = HUMAN.autoscale | HUMAN.roundToNearest | HUMAN.spaceBeforeUnit | HUMAN.SI | HUMAN.B;
const CONV = ['notrunc', 'nocreat', 'excl', 'fsync', 'fdatasync', 'noerror', 'sync'];
const FLAGS = ['append', 'direct', 'directory', 'dsync', 'sync', 'fullblock', 'nonblock', 'noatime', 'nocache', 'noctty', 'nofollow'];
const STATUS = ['none', 'noxfer', 'progress'];

/** printf's %g: six significant digits, trailing zeros dropped. */
export function gfmt(x: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -4 || exp >= 6) {
    const [m, e] = x.toExponential(5).split('e');
    const mant = m!.includes('.') ? m!.replace(/0+$/, '').replace(/\.$/, '') : m!;
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const s = x.toPrecision(6);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** The line after the record counts: bytes, SI and IEC sizes, seconds (%g) and rate. */
export function xferLine(bytes: number, deltaNs: number): string {
  const si = humanReadable(bytes, OPTS);
  const iec = humanReadable(bytes, OPTS | HUMAN.base1024);
  const rate = deltaNs > 0 ? humanReadable(bytes, OPTS, 1e9, deltaNs) + '/s' : 'Infinity B/s';
  const secs = `${gfmt(deltaNs / 1e9)} s`;
  const lacks = (s: string) => s.length >= 2 && s[s.length - 2] === ' ';
  if (lacks(si)) return `${bytes} byte${bytes === 1 ? '' : 's'} copied, ${secs}, ${rate}\n`;
  if (lacks(iec)) return `${bytes} bytes (${si}) copied, ${secs}, ${rate}\n`;
  return `${bytes} bytes (${si}, ${iec}) copied, ${secs}, ${rate}\n`;
}

interface Args {
  input: string | null;
  output: string | null;
  ibs: number;
  obs: number;
  count: number;
  skip: number;
  seek: number;
  conv: Set<string>;
  status: string;
}

async function bad(t: ToolRun, msg: string, tryHelp: boolean): Promise<number> {
  await t.err(`dd: ${msg}\n${tryHelp ? "Try 'dd --help' for more information.\n" : ''}`);
  return 1;
}

async function parse(t: ToolRun): Promise<Args | number> {
  const a: Args = { input: null, output: null, ibs: 512, obs: 512, count: Infinity, skip: 0, seek: 0, conv: new Set(), status: '' };
  for (const arg of t.args) {
    const eq = arg.indexOf('=');
    if (eq < 0) return bad(t, `unrecognized operand ‘${arg}’`, true);
    const name = arg.slice(0, eq);
    const val = arg.slice(eq + 1);
    if (name === 'if') a.input = val;
    else if (name === 'of') a.output = val;
    else if (name === 'conv' || name === 'iflag' || name === 'oflag' || name === 'status') {
      const allowed = name === 'conv' ? CONV : name === 'status' ? STATUS : FLAGS;
      const what = name === 'conv' ? 'invalid conversion' : name === 'status' ? 'invalid status level' : `invalid ${name === 'iflag' ? 'input' : 'output'} flag`;
      for (const sym of name === 'status' ? [val] : val.split(',')) {
        if (!allowed.includes(sym)) return bad(t, `${what}: ‘${sym}’`, true);
        if (name === 'conv') a.conv.add(sym);
        if (name === 'status') a.status = sym;
      }
    } else if (['bs', 'ibs', 'obs', 'count', 'skip', 'seek'].includes(name)) {
      let n: number | null = 1;
      for (const part of val.split('x')) {
        const v = parseCount(part, 'bcw');
        n = v === null || n === null ? null : n * v;
      }
      if (n === null || ((name === 'bs' || name === 'ibs' || name === 'obs') && n === 0)) return bad(t, `invalid number: ‘${val}’`, false);
      if (name === 'bs') a.ibs = a.obs = n;
      else if (name === 'ibs') a.ibs = n;
      else if (name === 'obs') a.obs = n;
      else if (name === 'count') a.count = n;
      else if (name === 'skip') a.skip = n;
      else a.seek = n;
    } else return bad(t, `unrecognized operand ‘${arg}’`, true);
  }
  return a;
}

export const dd = defineTool({
  name: 'dd',
  summary: 'convert and copy a file',
  help: `Usage: dd [OPERAND]...
  or:  dd OPTION
Copy a file, converting and formatting according to the operands.

  bs=BYTES        read and write up to BYTES bytes at a time (default: 512);
                  overrides ibs and obs
  conv=CONVS      convert the file as per the comma separated symbol list
  count=N         copy only N input blocks
  ibs=BYTES       read up to BYTES bytes at a time (default: 512)
  if=FILE         read from FILE instead of stdin
  obs=BYTES       write BYTES bytes at a time (default: 512)
  of=FILE         write to FILE instead of stdout
  seek=N          (or oseek=N) skip N obs-sized output blocks
  skip=N          (or iseek=N) skip N ibs-sized input blocks
  status=LEVEL    The LEVEL of information to print to stderr;
                  'none' suppresses everything but error messages,
                  'noxfer' suppresses the final transfer statistics,
                  'progress' shows periodic transfer statistics

N and BYTES may be followed by the following multiplicative suffixes:
c=1, w=2, b=512, kB=1000, K=1024, MB=1000*1000, M=1024*1024, xM=M,
GB=1000*1000*1000, G=1024*1024*1024, and so on for T, P, E, Z, Y, R, Q.
Binary prefixes can be used, too: KiB=K, MiB=M, and so on.

Each CONV symbol may be:

  excl      fail if the output file already exists
  nocreat   do not create the output file
  notrunc   do not truncate the output file
  fdatasync  physically write output file data before finishing
  fsync     likewise, but also write metadata
`,
  async run(t) {
    const a = await parse(t);
    if (typeof a === 'number') return a;
    const inName = a.input ?? 'standard input';
    const outName = a.output ?? 'standard output';
    let inFd = -1;
    if (a.input !== null) {
      const o = await t.settle(t.sys.open(a.input, abi.O_RDONLY));
      if (!o.ok) return bad(t, `failed to open ${quoteaf(a.input)}: ${strerror(o.errno)}`, false);
      inFd = o.value;
    }
    let outFd = -1;
    if (a.output !== null) {
      const flags = (a.conv.has('nocreat') ? 0 : abi.O_CREAT) | (a.conv.has('excl') ? abi.O_EXCL : 0) | (a.seek || a.conv.has('notrunc') ? 0 : abi.O_TRUNC);
      const o = await t.settle(t.sys.open(a.output, abi.O_WRONLY | flags, 0o666));
      if (!o.ok) return bad(t, `failed to open ${quoteaf(a.output)}: ${strerror(o.errno)}`, false);
      outFd = o.value;
      if (a.seek && !a.conv.has('notrunc')) {
        const size = a.seek * a.obs;
        const st = t.sys.fstat(outFd);
        const tr = await t.settle(t.sys.ftruncate(outFd, size));
        if (!tr.ok && st.ok && st.value.type === 'reg') await t.err(`dd: failed to truncate to ${size} bytes in output file ${quoteaf(a.output)}: ${strerror(tr.errno)}\n`);
      }
    }
    const start = t.host.now();
    let stdinBuf = '';
    let stdinEof = false;
    const readBlock = async (n: number): Promise<string | { errno: Parameters<typeof strerror>[0] }> => {
      if (inFd >= 0) {
        const r = t.sys.read(inFd, n);
        return r.ok ? r.value : { errno: r.errno };
      }
      if (stdinBuf === '' && !stdinEof) {
        const c = await t.stdin.read();
        if (c === null) stdinEof = true;
        else stdinBuf = c;
      }
      const out = stdinBuf.slice(0, n);
      stdinBuf = stdinBuf.slice(n);
      return out;
    };
    if (a.skip) {
      if (inFd >= 0) t.sys.lseek(inFd, a.skip * a.ibs, 0);
      else for (let i = 0; i < a.skip; i++) await readBlock(a.ibs);
    }
    let outPos = a.seek * a.obs;
    const stats = { rFull: 0, rPartial: 0, wFull: 0, wPartial: 0, bytes: 0, ops: 0 };
    let status = 0;
    let pending = '';
    const write = async (data: string): Promise<boolean> => {
      stats.ops++;
      if (outFd < 0) await t.out(data);
      else {
        const w = await t.settle(t.sys.pwrite(outFd, data, outPos));
        if (!w.ok) {
          await t.err(`dd: error writing ${quoteaf(outName)}: ${strerror(w.errno)}\n`);
          return false;
        }
      }
      outPos += data.length;
      stats.bytes += data.length;
      if (data.length === a.obs) stats.wFull++;
      else stats.wPartial++;
      return true;
    };
    copy: for (let n = 0; n < a.count && !t.signal.aborted; n++) {
      const r = await readBlock(a.ibs);
      stats.ops++;
      if (typeof r !== 'string') {
        await t.err(`dd: error reading ${quoteaf(inName)}: ${strerror(r.errno)}\n`);
        status = 1;
        break;
      }
      if (r === '') break;
      if (r.length === a.ibs) stats.rFull++;
      else stats.rPartial++;
      pending += r;
      while (pending.length >= a.obs) {
        const ok = await write(pending.slice(0, a.obs));
        pending = pending.slice(a.obs);
        if (!ok) {
          status = 1;
          pending = '';
          break copy;
        }
      }
    }
    if (pending && !(await write(pending))) status = 1;
    if (outFd >= 0) await t.settle(t.sys.close(outFd));
    if (inFd >= 0) await t.settle(t.sys.close(inFd));
    if (a.status !== 'none') {
      let text = `${stats.rFull}+${stats.rPartial} records in\n${stats.wFull}+${stats.wPartial} records out\n`;
      // The copy's duration on this host: what passed on the virtual clock plus what the copy
      // itself costs (a system call ~1 µs, bytes at 2 GB/s), so the rate reads like real dd's.
      const delta = t.host.now() - start + 10_000 + stats.ops * 1_000 + Math.round(stats.bytes / 2);
      if (a.status !== 'noxfer') text += xferLine(stats.bytes, delta);
      await t.err(text);
    }
    return status;
  },
});
