// The xfs_io subcommands pinsim's host supports, with xfsprogs 6.1.0's names, usage lines and
// output: falloc/fpunch/fcollapse/finsert/fzero (fallocate(2)), truncate, pwrite with its
// two-line report, fiemap, bmap, stat, help and quit — plus pinsim's own seal and unseal.
import { abi, strerror, type Errno } from '../../host';
import type { ToolRun } from '../tool';
import { getopt } from '../getopt';
import { cvtnum } from './numbers';
import { cvtstr } from './human';

export interface IoFile {
  fd: number;
  name: string;
  readonly: boolean;
  /** Not on XFS: the XFS-only commands refuse it. */
  foreign: boolean;
}

export interface IoCommand {
  name: string;
  altname?: string;
  args?: string;
  oneline: string;
  argmin: number;
  argmax: number;
  foreignOk: boolean;
  /** Runs without an open file (help, quit). */
  library?: boolean;
  run(t: ToolRun, file: IoFile | null, argv: string[]): Promise<number>;
}

/** Not in the 5.3-era kernel's list of supported modes: fallocate(2) answers EOPNOTSUPP. */
const FALLOC_FL_UNSHARE_RANGE = 0x40;

const usage = (c: Pick<IoCommand, 'name' | 'args' | 'oneline'>) => `${c.name} ${c.args ?? ''} -- ${c.oneline}\n`;

async function perror(t: ToolRun, what: string, errno: Errno): Promise<number> {
  await t.err(`${what}: ${strerror(errno)}\n`);
  return 1;
}

/** offset_length(): both numbers or the "non-numeric" line on stdout. */
async function offLen(t: ToolRun, off: string, len: string): Promise<[number, number] | null> {
  const o = cvtnum(off);
  if (o === null || o < 0) {
    await t.out(`non-numeric offset argument -- ${off}\n`);
    return null;
  }
  const l = cvtnum(len);
  if (l === null || l < 0) {
    await t.out(`non-numeric length argument -- ${len}\n`);
    return null;
  }
  return [o, l];
}

function fallocCommand(name: string, args: string, oneline: string, argmax: number, flags: string, baseMode: number, setsExit = true): IoCommand {
  const cmd: IoCommand = {
    name, args, oneline, argmin: 2, argmax, foreignOk: true,
    async run(t, file, argv) {
      let mode = baseMode;
      const p = getopt(argv.slice(1), { short: flags, inOrder: true });
      if (!p.ok || p.operands.length !== 2) {
        await t.out(usage(cmd));
        return setsExit ? 1 : 0;
      }
      for (const o of p.opts) {
        if (o.key === 'c') mode = abi.FALLOC_FL_COLLAPSE_RANGE;
        else if (o.key === 'i') mode = abi.FALLOC_FL_INSERT_RANGE;
        else if (o.key === 'p') mode = abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE;
        else if (o.key === 'u') mode = FALLOC_FL_UNSHARE_RANGE;
        else if (o.key === 'k') mode = name === 'fzero' ? mode | abi.FALLOC_FL_KEEP_SIZE : abi.FALLOC_FL_KEEP_SIZE;
      }
      const ol = await offLen(t, p.operands[0]!, p.operands[1]!);
      if (!ol) return setsExit ? 1 : 0;
      const r = await t.settle(t.sys.fallocate(file!.fd, mode, ol[0], ol[1]));
      if (!r.ok) {
        await perror(t, 'fallocate', r.errno);
        return setsExit ? 1 : 0;
      }
      return 0;
    },
  };
  return cmd;
}

/** A write's duration on this host: a system call ~5 µs, bytes at 2 GB/s (DAX memcpy). */
function ioMicros(bytes: number, ops: number, passedNs: number): number {
  return Math.max(1, Math.round((passedNs + ops * 5000 + bytes / 2) / 1000));
}

function timestr(us: number): string {
  const sec = Math.floor(us / 1e6);
  const usec = us % 1e6;
  if (sec) return `${Math.floor(sec / 3600)}:${String(Math.floor(sec / 60) % 60).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}.${String(Math.floor(usec / 10000)).padStart(2, '0')}`;
  return `0.${String(Math.floor(usec / 100)).padStart(4, '0')} sec`;
}

const pwrite: IoCommand = {
  name: 'pwrite', altname: 'w', argmin: 2, argmax: -1, foreignOk: true,
  args: '[-i infile [-qdDwNOW] [-s skip]] [-b bs] [-S seed] [-FBR [-Z N]] [-V N] off len',
  oneline: 'writes a number of bytes at a specified offset',
  async run(t, file, argv) {
    const p = getopt(argv.slice(1), { short: 'b:BCdDf:Fi:NqRs:OS:uV:wWZ:', inOrder: true });
    if (!p.ok || p.operands.length !== 2) {
      await t.out(usage(pwrite));
      return 1;
    }
    let bsize = 4096;
    let seed = 0xcdcdcdcd;
    let quiet = false;
    for (const o of p.opts) {
      if (o.key === 'b') {
        const b = cvtnum(o.value ?? '');
        if (b === null || b < 0) {
          await t.out(`non-numeric bsize -- ${o.value}\n`);
          return 1;
        }
        bsize = b;
      } else if (o.key === 'S') {
        const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(o.value ?? '');
        if (!m) {
          await t.out(`non-numeric seed -- ${o.value}\n`);
          return 1;
        }
        seed = /^0[xX]/.test(m[1]!) ? parseInt(m[1]!.slice(2), 16) : m[1]!.length > 1 && m[1]!.startsWith('0') ? parseInt(m[1]!, 8) : Number(m[1]);
      } else if (o.key === 'q') quiet = true;
    }
    const ol = await offLen(t, p.operands[0]!, p.operands[1]!);
    if (!ol) return 1;
    let [offset] = ol;
    const [start, count] = ol;
    const buffer = String.fromCharCode(seed & 0xff).repeat(Math.min(bsize, count));
    const began = t.host.now();
    let total = 0;
    let ops = 0;
    for (let left = count; left > 0 && !t.signal.aborted; ) {
      const n = Math.min(left, bsize);
      const w = await t.settle(t.sys.pwrite(file!.fd, n === buffer.length ? buffer : buffer.slice(0, n), offset));
      if (!w.ok) return perror(t, 'pwrite', w.errno);
      ops++;
      total += w.value;
      if (w.value < n) break;
      offset += n;
      left -= n;
    }
    if (quiet) return 0;
    const us = ioMicros(total, ops, t.host.now() - began);
    const secs = us / 1e6;
    await t.out(`wrote ${total}/${count} bytes at offset ${start}\n${cvtstr(total)}, ${ops} ops; ${timestr(us)} (${cvtstr(total / secs)}/sec and ${(ops / secs).toFixed(4)} ops/sec)\n`);
    return 0;
  },
};

const truncateCmd: IoCommand = {
  name: 'truncate', altname: 't', args: 'off', oneline: 'truncates the current file at the given offset', argmin: 1, argmax: 1, foreignOk: true,
  async run(t, file, argv) {
    const off = cvtnum(argv[1]!);
    if (off === null || off < 0) {
      await t.out(`non-numeric truncate argument -- ${argv[1]}\n`);
      return 1;
    }
    const r = await t.settle(t.sys.ftruncate(file!.fd, off));
    return r.ok ? 0 : perror(t, 'ftruncate', r.errno);
  },
};

/** Extents and holes of the file in 512-byte units, as fiemap/bmap print them. */
async function mapping(t: ToolRun, file: IoFile, trailing: 'after-extents' | 'always'): Promise<string[] | number> {
  const r = t.sys.fiemap(file.fd);
  if (!r.ok) {
    await t.err(`xfs_io: ioctl(FS_IOC_FIEMAP) ["${file.name}"]: ${strerror(r.errno)}\n`);
    return 1;
  }
  const lines: string[] = [];
  let at = 0;
  const hole = (from: number, to: number) => lines.push(`[${from / 512}..${to / 512 - 1}]: hole`);
  for (const e of r.value) {
    if (e.logical > at) hole(at, e.logical);
    lines.push(`[${e.logical / 512}..${(e.logical + e.length) / 512 - 1}]: ${e.physical / 512}..${(e.physical + e.length) / 512 - 1}`);
    at = e.logical + e.length;
  }
  const st = t.sys.fstat(file.fd);
  const size = st.ok ? Math.ceil(st.value.size / 512) * 512 : 0;
  if ((r.value.length > 0 || trailing === 'always') && at < size) hole(at, size);
  return lines;
}

const fiemap: IoCommand = {
  name: 'fiemap', args: '[-alv] [-n nx] [offset [len]]', oneline: 'print block mapping for a file', argmin: 0, argmax: -1, foreignOk: true,
  async run(t, file) {
    const lines = await mapping(t, file!, 'after-extents');
    if (typeof lines === 'number') return lines;
    await t.out(`${file!.name}:\n${lines.map((l, i) => `\t${i}: ${l}\n`).join('')}`);
    return 0;
  },
};

const bmap: IoCommand = {
  name: 'bmap', args: '[-acelpv] [-n nx]', oneline: 'print block mapping for an XFS file', argmin: 0, argmax: -1, foreignOk: false,
  async run(t, file) {
    const lines = await mapping(t, file!, 'always');
    if (typeof lines === 'number') return lines;
    if (!lines.length) {
      await t.out(`${file!.name}: no extents\n`);
      return 0;
    }
    await t.out(`${file!.name}:\n${lines.map((l, i) => `\t${i}: ${l}\n`).join('')}`);
    return 0;
  },
};

const TYPES: Record<string, string> = { reg: 'regular file', dir: 'directory', chr: 'char device', blk: 'block device', lnk: 'symbolic link', sock: 'socket' };

const statCmd: IoCommand = {
  name: 'stat', args: '[-v|-r]', oneline: 'statistics on the currently open file', argmin: 0, argmax: 1, foreignOk: true,
  async run(t, file) {
    const st = t.sys.fstat(file!.fd);
    if (!st.ok) return perror(t, 'fstat', st.errno);
    const s = st.value;
    let out = `fd.path = "${file!.name}"\nfd.flags = non-sync,non-direct,${file!.readonly ? 'read-only' : 'read-write'}\n`;
    out += `stat.ino = ${s.ino}\nstat.type = ${TYPES[s.type]}\nstat.size = ${s.size}\nstat.blocks = ${s.blocks}\n`;
    if (!file!.foreign) {
      const ext = t.sys.fiemap(file!.fd);
      out += `fsxattr.xflags = 0x0 [-----------------]\nfsxattr.projid = 0\nfsxattr.extsize = 0\nfsxattr.cowextsize = 0\n`;
      out += `fsxattr.nextents = ${ext.ok ? ext.value.length : 0}\nfsxattr.naextents = 0\n`;
      out += `dioattr.mem = 0x200\ndioattr.miniosz = 512\ndioattr.maxiosz = 2147483136\n`;
    }
    await t.out(out);
    return 0;
  },
};

const help: IoCommand = {
  name: 'help', altname: '?', args: '[command]', oneline: 'help for one or all commands', argmin: 0, argmax: 1, foreignOk: true, library: true,
  async run(t, _file, argv) {
    const line = (c: IoCommand, as?: string) => `${as ?? c.name} ${as || !c.altname ? '' : `(or ${c.altname}) `}${c.args ? `${c.args} ` : ''}-- ${c.oneline}\n`;
    if (argv.length === 1) {
      await t.out(COMMANDS.map((c) => line(c)).join('') + "\nUse 'help commandname' for extended help.\n");
      return 0;
    }
    const c = COMMANDS.find((x) => x.name === argv[1] || x.altname === argv[1]);
    await t.out(c ? line(c, argv[1]) : `command ${argv[1]} not found\n`);
    return 0;
  },
};

/**
 * pinsim's own: the block-map seal of seed 004 (Dan Williams' FALLOC_FL_SEAL_BLOCK_MAP and
 * FALLOC_FL_UNSEAL_BLOCK_MAP, never merged), which the `immutable` design requires for pins.
 */
function sealCommand(name: 'seal' | 'unseal', mode: number, oneline: string): IoCommand {
  return {
    name, oneline, argmin: 0, argmax: 0, foreignOk: true,
    async run(t, file) {
      const st = t.sys.fstat(file!.fd);
      const len = st.ok && st.value.size > 0 ? st.value.size : 1;
      const r = await t.settle(t.sys.fallocate(file!.fd, mode, 0, len));
      return r.ok ? 0 : perror(t, 'fallocate', r.errno);
    },
  };
}

const quit: IoCommand = { name: 'quit', altname: 'q', oneline: 'exit the program', argmin: -1, argmax: -1, foreignOk: true, library: true, run: async () => 0 };

/** Sorted by name, as add_command() keeps the table. */
export const COMMANDS: readonly IoCommand[] = [
  bmap,
  fallocCommand('fcollapse', 'off len', 'de-allocates space and eliminates the hole by shifting extents', 2, '', abi.FALLOC_FL_COLLAPSE_RANGE),
  fiemap,
  fallocCommand('finsert', 'off len', 'creates new space for writing within file by shifting extents', 2, '', abi.FALLOC_FL_INSERT_RANGE),
  fallocCommand('fpunch', 'off len', 'de-allocates space associated with part of a file via fallocate', 2, '', abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE),
  fallocCommand('fzero', '[-k] off len', 'zeroes space and eliminates holes by preallocating', 3, 'k', abi.FALLOC_FL_ZERO_RANGE, false),
  fallocCommand('falloc', '[-c] [-k] [-p] [-u] off len', 'allocates space associated with part of a file via fallocate', -1, 'cikpu', 0),
  help,
  pwrite,
  quit,
  sealCommand('seal', abi.FALLOC_FL_SEAL_BLOCK_MAP, "seals the file's block map (pinsim's own: FALLOC_FL_SEAL_BLOCK_MAP)"),
  statCmd,
  truncateCmd,
  sealCommand('unseal', abi.FALLOC_FL_UNSEAL_BLOCK_MAP, "unseals the file's block map (pinsim's own: FALLOC_FL_UNSEAL_BLOCK_MAP)"),
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
