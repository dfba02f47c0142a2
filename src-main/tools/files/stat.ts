// stat(1) from coreutils 9.1 (statx, so errors read "cannot statx"): the default format with its
// `Device: MAJ,MIN` line, -c/--printf FORMAT with printf flags, -t, -L, and -f via statfs(2).
// Birth shows `-`: the kernel model keeps no creation time.
import type { Stat, Syscalls } from '../../host';
import { defineTool, type ToolRun } from '../tool';
import { quoteaf, strerror } from '../common';
import { getopt } from '../getopt';
import { idNames, type IdNames } from './ids';
import { fileTypeName, modeString } from './filemode';
import { splitNs, statTime } from './timefmt';
import { fmtInt, fmtString, parseConv, type Conv } from './cfmt';

type StatFs = Extract<ReturnType<Syscalls['statfs']>, { ok: true }>['value'];

const FILE_FORMAT = `  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n`;
const ACCESS = `Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w\n`;
const DEFAULT = FILE_FORMAT + `Device: %Hd,%Ld\tInode: %-10i  Links: %h\n` + ACCESS;
const DEFAULT_DEV = FILE_FORMAT + `Device: %Hd,%Ld\tInode: %-10i  Links: %-5h Device type: %Hr,%Lr\n` + ACCESS;
const TERSE = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n';
const FS_DEFAULT = `  File: "%n"\n    ID: %-8i Namelen: %-7l Type: %T\nBlock size: %-10s Fundamental block size: %S\nBlocks: Total: %-10b Free: %-10f Available: %a\nInodes: Total: %-10c Free: %d\n`;
const FS_TERSE = '%n %i %l %t %s %S %b %f %a %c %d\n';

/** glibc makedev(). */
function makedev(d: { major: number; minor: number }): bigint {
  const ma = BigInt(d.major);
  const mi = BigInt(d.minor);
  return ((ma & 0xfffff000n) << 32n) | ((ma & 0xfffn) << 8n) | ((mi & 0xffffff00n) << 12n) | (mi & 0xffn);
}

/** shell-escape-always quoting of %N when a format is given. */
const quoteAlways = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const FS_NAMES: Record<number, string> = { 0xef53: 'ext2/ext3', 0x58465342: 'xfs', 0x01021994: 'tmpfs', 0x9fa0: 'proc', 0x534f434b: 'sockfs' };

interface Ctx {
  name: string;
  st: Stat;
  link: string | null;
  ids: IdNames;
  quote: (s: string) => string;
}

function fileField(c: Conv, mod: string, ch: string, x: Ctx): string {
  const { st } = x;
  const sec = (ns: number) => fmtInt(c, splitNs(ns).sec, 'd');
  switch (ch) {
    case 'n': return fmtString(c, x.name);
    case 'N': return fmtString(c, x.quote(x.name) + (x.link !== null ? ` -> ${x.quote(x.link)}` : ''));
    case 'd': return fmtInt(c, mod === 'H' ? st.dev.major : mod === 'L' ? st.dev.minor : makedev(st.dev), 'u');
    case 'D': return fmtInt(c, makedev(st.dev), 'x');
    case 'i': return fmtInt(c, st.ino, 'u');
    case 'a': return fmtInt(c, st.mode & 0o7777, 'o');
    case 'A': return fmtString(c, modeString(st));
    case 'f': return fmtInt(c, st.mode, 'x');
    case 'F': return fmtString(c, fileTypeName(st));
    case 'h': return fmtInt(c, st.nlink, 'u');
    case 'u': return fmtInt(c, st.uid, 'u');
    case 'U': return fmtString(c, x.ids.user(st.uid) ?? 'UNKNOWN');
    case 'g': return fmtInt(c, st.gid, 'u');
    case 'G': return fmtString(c, x.ids.group(st.gid) ?? 'UNKNOWN');
    case 's': return fmtInt(c, st.size, 'd');
    case 'r': return fmtInt(c, mod === 'H' ? st.rdev.major : mod === 'L' ? st.rdev.minor : makedev(st.rdev), 'u');
    case 'R': return fmtInt(c, makedev(st.rdev), 'x');
    case 't': return fmtInt(c, st.rdev.major, 'x');
    case 'T': return fmtInt(c, st.rdev.minor, 'x');
    case 'B': return fmtInt(c, 512, 'u');
    case 'b': return fmtInt(c, st.blocks, 'u');
    case 'o': return fmtInt(c, st.blksize, 'u');
    case 'w': return fmtString(c, '-');
    case 'W': return fmtInt(c, 0, 'd');
    case 'x': return fmtString(c, statTime(st.atimeNs));
    case 'X': return sec(st.atimeNs);
    case 'y': return fmtString(c, statTime(st.mtimeNs));
    case 'Y': return sec(st.mtimeNs);
    case 'z': return fmtString(c, statTime(st.ctimeNs));
    case 'Z': return sec(st.ctimeNs);
    default: return '?';
  }
}

function fsField(c: Conv, ch: string, name: string, fs: StatFs, st: Stat | null): string {
  switch (ch) {
    case 'n': return fmtString(c, name);
    case 'i': return fmtInt(c, st ? makedev(st.dev) : 0, 'x');
    case 'l': return fmtInt(c, fs.namelen, 'd');
    case 't': return fmtInt(c, fs.type, 'x');
    case 'T': return fmtString(c, FS_NAMES[fs.type] ?? `UNKNOWN (0x${fs.type.toString(16)})`);
    case 'b': return fmtInt(c, fs.blocks, 'd');
    case 'f': return fmtInt(c, fs.bfree, 'd');
    case 'a': return fmtInt(c, fs.bavail, 'd');
    case 's': return fmtInt(c, fs.bsize, 'u');
    case 'S': return fmtInt(c, fs.frsize, 'u');
    case 'c': return fmtInt(c, fs.files, 'u');
    case 'd': return fmtInt(c, fs.ffree, 'd');
    default: return '?';
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', '"': '"', a: '\x07', b: '\b', f: '\f', r: '\r', v: '\v', e: '\x1b' };

/** print_it(): `%%`, `%[flags][width][.prec][H|L]X`, and with --printf backslash escapes. */
function render(format: string, escapes: boolean, field: (c: Conv, mod: string, ch: string) => string): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '\\' && escapes && i + 1 < format.length) {
      const e = format[++i]!;
      const oct = /^[0-7]{1,3}/.exec(format.slice(i));
      if (oct) {
        out += String.fromCharCode(parseInt(oct[0], 8) & 0xff);
        i += oct[0].length - 1;
      } else out += ESCAPES[e] ?? e;
      continue;
    }
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const { conv, end } = parseConv(format, i + 1);
    let k = format[end];
    i = end;
    if (k === undefined) {
      out += '%';
      break;
    }
    if (k === '%') {
      out += '%';
      continue;
    }
    let mod = '';
    if ((k === 'H' || k === 'L') && (format[end + 1] === 'd' || format[end + 1] === 'r')) {
      mod = k;
      k = format[++i]!;
    }
    out += field(conv, mod, k);
  }
  return out;
}

export const stat = defineTool({
  name: 'stat',
  summary: 'display file or file system status',
  help: `Usage: stat [OPTION]... FILE...
Display file or file system status.

Mandatory arguments to long options are mandatory for short options too.
  -L, --dereference     follow links
  -f, --file-system     display file system status instead of file status
  -c  --format=FORMAT   use the specified FORMAT instead of the default;
                          output a newline after each use of FORMAT
      --printf=FORMAT   like --format, but interpret backslash escapes,
                          and do not output a mandatory trailing newline;
                          if you want a newline, include \\n in FORMAT
  -t, --terse           print the information in terse form
      --help        display this help and exit

The valid format sequences for files (without --file-system):

  %a   permission bits in octal (note '#' and '0' printf flags)
  %A   permission bits and file type in human readable form
  %b   number of blocks allocated (see %B)
  %B   the size in bytes of each block reported by %b
  %d   device number in decimal (st_dev)
  %D   device number in hex (st_dev)
  %Hd  major device number in decimal
  %Ld  minor device number in decimal
  %f   raw mode in hex
  %F   file type
  %g   group ID of owner
  %G   group name of owner
  %h   number of hard links
  %i   inode number
  %n   file name
  %N   quoted file name with dereference if symbolic link
  %o   optimal I/O transfer size hint
  %s   total size, in bytes
  %r   device type in decimal (st_rdev)
  %R   device type in hex (st_rdev)
  %Hr  major device type in decimal, for character/block device special files
  %Lr  minor device type in decimal, for character/block device special files
  %t   major device type in hex, for character/block device special files
  %T   minor device type in hex, for character/block device special files
  %u   user ID of owner
  %U   user name of owner
  %w   time of file birth, human-readable; - if unknown
  %W   time of file birth, seconds since Epoch; 0 if unknown
  %x   time of last access, human-readable
  %X   time of last access, seconds since Epoch
  %y   time of last data modification, human-readable
  %Y   time of last data modification, seconds since Epoch
  %z   time of last status change, human-readable
  %Z   time of last status change, seconds since Epoch
`,
  async run(t) {
    const p = getopt(t.args, {
      short: 'Lfc:t',
      long: [
        { name: 'dereference', arg: 'none', key: 'L' },
        { name: 'file-system', arg: 'none', key: 'f' },
        { name: 'format', arg: 'required', key: 'c' },
        { name: 'printf', arg: 'required' },
        { name: 'terse', arg: 'none', key: 't' },
      ],
    });
    if (!p.ok) return tryHelp(t, p.message);
    let follow = false;
    let fs = false;
    let terse = false;
    let format: string | null = null;
    let printf = false;
    for (const o of p.opts) {
      if (o.key === 'L') follow = true;
      else if (o.key === 'f') fs = true;
      else if (o.key === 't') terse = true;
      else if (o.key === 'c' || o.key === 'printf') {
        format = o.value ?? '';
        printf = o.key === 'printf';
      }
    }
    if (!p.operands.length) return tryHelp(t, 'missing operand');
    if (format !== null && !printf) format += '\n';
    const ids = await idNames(t);
    let status = 0;
    let out = '';
    for (const name of p.operands) {
      if (fs) {
        const r = t.sys.statfs(name);
        if (!r.ok) {
          await t.out(out);
          out = '';
          await t.err(`stat: cannot read file system information for ${quoteaf(name)}: ${strerror(r.errno)}\n`);
          status = 1;
          continue;
        }
        const st = t.sys.stat(name);
        const f = format ?? (terse ? FS_TERSE : FS_DEFAULT);
        out += render(f, printf, (c, _m, ch) => fsField(c, ch, name, r.value, st.ok ? st.value : null));
        continue;
      }
      const r = follow ? t.sys.stat(name) : t.sys.lstat(name);
      if (!r.ok) {
        await t.out(out);
        out = '';
        await t.err(`stat: cannot statx ${quoteaf(name)}: ${strerror(r.errno)}\n`);
        status = 1;
        continue;
      }
      const st = r.value;
      const isDev = st.type === 'chr' || st.type === 'blk';
      const f = format ?? (terse ? TERSE : isDev ? DEFAULT_DEV : DEFAULT);
      const link = st.type === 'lnk' ? t.sys.readlink(name) : null;
      const ctx: Ctx = { name, st, link: link?.ok ? link.value : null, ids, quote: format === null ? (s) => s : quoteAlways };
      out += render(f, printf, (c, m, ch) => fileField(c, m, ch, ctx));
    }
    await t.out(out);
    return status;
  },
});

async function tryHelp(t: ToolRun, message: string): Promise<number> {
  await t.err(`stat: ${message}\nTry 'stat --help' for more information.\n`);
  return 1;
}
