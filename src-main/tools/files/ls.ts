// ls(1) from coreutils 9.1, never in colour and always one name per line (its output is not
// known to be a terminal). Directory entries are stat'ed only when the listing needs it (-l, -t,
// -S), so `ls DIR | wc -l` is a single getdents.
import { defineTool, type ToolRun } from '../tool';
import { quoteaf, strerror } from '../common';
import { getopt } from '../getopt';
import { idNames, type IdNames } from './ids';
import { joinPath } from './filemode';
import { formatEntries, sortEntries, totalLine, type LsEntry, type LsOptions } from './ls-format';

interface Run {
  t: ToolRun;
  o: LsOptions;
  all: 'none' | 'almost' | 'all';
  needStat: boolean;
  recursive: boolean;
  /** Whether directories get a `NAME:` header (several operands, files among them, or -R). */
  headers: boolean;
  /** No header printed yet: every later header is preceded by a blank line. */
  first: boolean;
  ids: IdNames | null;
  now: number;
  out: string[];
  status: number;
}

const LONG = [
  { name: 'all', arg: 'none', key: 'a' },
  { name: 'almost-all', arg: 'none', key: 'A' },
  { name: 'directory', arg: 'none', key: 'd' },
  { name: 'human-readable', arg: 'none', key: 'h' },
  { name: 'inode', arg: 'none', key: 'i' },
  { name: 'numeric-uid-gid', arg: 'none', key: 'n' },
  { name: 'recursive', arg: 'none', key: 'R' },
  { name: 'reverse', arg: 'none', key: 'r' },
  { name: 'color', arg: 'optional' },
] as const;

async function warn(r: Run, msg: string, status: number): Promise<void> {
  await flush(r);
  await r.t.err(`ls: ${msg}\n`);
  r.status = Math.max(r.status, status);
}

async function flush(r: Run): Promise<void> {
  const s = r.out.join('');
  r.out.length = 0;
  if (s) await r.t.out(s);
}

/** An entry of a directory: stat'ed (lstat) only when needed. */
function entryOf(r: Run, dir: string, name: string, ino: number, type: LsEntry['type']): LsEntry {
  const e: LsEntry = { name, ino, type, st: null };
  if (!r.needStat) return e;
  const path = joinPath(dir, name);
  const st = r.t.sys.lstat(path);
  if (st.ok) {
    e.st = st.value;
    if (st.value.type === 'lnk' && r.o.long) {
      const l = r.t.sys.readlink(path);
      if (l.ok) e.link = l.value;
    }
  }
  return e;
}

async function listDir(r: Run, dir: string, commandLine: boolean): Promise<void> {
  const d = r.t.sys.readdir(dir);
  if (!d.ok) {
    await warn(r, `cannot open directory ${quoteaf(dir)}: ${strerror(d.errno)}`, commandLine ? 2 : 1);
    return;
  }
  if (r.headers) {
    if (!r.first) r.out.push('\n');
    r.first = false;
    r.out.push(`${dir}:\n`);
  }
  const entries: LsEntry[] = [];
  if (r.all === 'all') {
    for (const name of ['.', '..']) {
      const st = r.t.sys.stat(joinPath(dir, name));
      entries.push({ name, ino: st.ok ? st.value.ino : 0, type: 'dir', st: r.needStat && st.ok ? st.value : null });
    }
  }
  for (const e of d.value) {
    if (r.all === 'none' && e.name.startsWith('.')) continue;
    entries.push(entryOf(r, dir, e.name, e.ino, e.type));
  }
  sortEntries(entries, r.o);
  if (r.o.long) r.out.push(totalLine(entries, r.o));
  r.out.push(formatEntries(entries, r.o, r.ids, r.now));
  if (r.out.length > 64) await flush(r);
  if (!r.recursive) return;
  for (const e of entries) {
    if (e.type !== 'dir' || e.name === '.' || e.name === '..') continue;
    await listDir(r, joinPath(dir === '.' ? './' : dir, e.name), false);
  }
}

/** GNU ls's line length off a terminal: COLUMNS when it is a positive number, else 80. */
function lineLength(columns: string | undefined): number {
  const n = Number(columns);
  return columns && Number.isInteger(n) && n > 0 ? n : 80;
}

export const ls = defineTool({
  name: 'ls',
  summary: 'list directory contents',
  help: `Usage: ls [OPTION]... [FILE]...
List information about the FILEs (the current directory by default).
Sort entries alphabetically if none of -cftuvSUX nor --sort is specified.

Mandatory arguments to long options are mandatory for short options too.
  -a, --all                  do not ignore entries starting with .
  -A, --almost-all           do not list implied . and ..
      --color[=WHEN]         color the output WHEN (never: this terminal shows none)
  -d, --directory            list directories themselves, not their contents
  -h, --human-readable       with -l and -s, print sizes like 1K 234M 2G etc.
  -i, --inode                print the index number of each file
  -l                         use a long listing format
  -n, --numeric-uid-gid      like -l, but list numeric user and group IDs
  -r, --reverse              reverse order while sorting
  -R, --recursive            list subdirectories recursively
  -C                         list entries by columns (the default on a terminal)
  -S                         sort by file size, largest first
  -t                         sort by time, newest first
  -U                         do not sort; list entries in directory order
  -1                         list one file per line
      --help        display this help and exit

Exit status:
 0  if OK,
 1  if minor problems (e.g., cannot access subdirectory),
 2  if serious trouble (e.g., cannot access command-line argument).
`,
  async run(t) {
    const p = getopt(t.args, { short: 'aAdhilnrRStUC1', long: LONG });
    if (!p.ok) {
      await t.err(`ls: ${p.message}\nTry 'ls --help' for more information.\n`);
      return 2;
    }
    const o: LsOptions = { long: false, human: false, inode: false, numeric: false, sort: 'name', reverse: false };
    let all: Run['all'] = 'none';
    let dirsAsFiles = false;
    let recursive = false;
    let format: 'long' | 'one' | 'columns' | undefined;
    for (const { key } of p.opts) {
      if (key === 'a') all = 'all';
      else if (key === 'A') all = 'almost';
      else if (key === 'd') dirsAsFiles = true;
      else if (key === 'h') o.human = true;
      else if (key === 'i') o.inode = true;
      else if (key === 'l') format = 'long';
      else if (key === 'n') {
        format = 'long';
        o.numeric = true;
      }
      // GNU: -1 has no effect after -l; -C wins over both.
      else if (key === '1') format = format === 'long' ? format : 'one';
      else if (key === 'C') format = 'columns';
      else if (key === 'r') o.reverse = true;
      else if (key === 'R') recursive = true;
      else if (key === 'S') o.sort = 'size';
      else if (key === 't') o.sort = 'time';
      else if (key === 'U') o.sort = 'none';
    }
    o.long = format === 'long';
    // Columns by default only when stdout is the terminal (isatty), as wide as the terminal.
    if (format === 'columns' || (format === undefined && t.tty)) o.columns = t.tty?.columns ?? lineLength(t.vars.COLUMNS);
    const r: Run = {
      t, o, all, recursive, headers: false, first: true,
      needStat: o.long || o.sort === 'time' || o.sort === 'size',
      ids: o.long && !o.numeric ? await idNames(t) : null,
      now: t.host.wallNs(),
      out: [],
      status: 0,
    };
    const args = p.operands.length ? p.operands : ['.'];
    const files: LsEntry[] = [];
    const dirs: string[] = [];
    for (const a of args) {
      // Without -l or -d a command-line symlink to a directory is followed (GNU's default); a
      // trailing slash always resolves the link, as the kernel's path walk does for lstat.
      const follow = (!o.long && !dirsAsFiles) || a.endsWith('/') ? t.sys.stat(a) : null;
      const st = follow?.ok && (follow.value.type === 'dir' || a.endsWith('/')) ? follow : t.sys.lstat(a);
      if (!st.ok) {
        await warn(r, `cannot access ${quoteaf(a)}: ${strerror(st.errno)}`, 2);
        continue;
      }
      if (st.value.type === 'dir' && !dirsAsFiles) {
        dirs.push(a);
        continue;
      }
      const e: LsEntry = { name: a, ino: st.value.ino, type: st.value.type, st: st.value };
      if (st.value.type === 'lnk' && o.long) {
        const l = t.sys.readlink(a);
        if (l.ok) e.link = l.value;
      }
      files.push(e);
    }
    sortEntries(files, o);
    if (files.length) r.out.push(formatEntries(files, o, r.ids, r.now));
    const dirEntries = dirs.map((name): LsEntry => {
      const st = o.sort === 'time' || o.sort === 'size' ? t.sys.stat(name) : null;
      return { name, ino: 0, type: 'dir', st: st?.ok ? st.value : null };
    });
    sortEntries(dirEntries, o);
    if (files.length && dirEntries.length) r.out.push('\n');
    r.headers = recursive || args.length > 1 || files.length > 0;
    for (const d of dirEntries) await listDir(r, d.name, true);
    await flush(r);
    return r.status;
  },
});
