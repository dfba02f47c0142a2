// df(1) from coreutils 9.1: the mount table (/proc/self/mounts) and statfs(2) of each mount,
// dummy filesystems (proc) and empty ones skipped unless -a, columns as wide as their widest
// cell, with the minimum widths and alignment of df.c's field table.
import { strerror } from '../../host';
import { defineTool, type ToolRun } from '../tool';
import { getopt } from '../getopt';
import { humanReadable, HUMAN_H, HUMAN } from './human';
import { readMounts, type MountEntry } from './mounts';

type StatFs = Extract<ReturnType<ToolRun['sys']['statfs']>, { ok: true }>['value'];

/** gnulib mountlist's ME_DUMMY types that can appear on this host. */
const DUMMY = new Set(['proc', 'sysfs', 'devpts', 'autofs', 'debugfs', 'mqueue', 'rootfs', 'none']);

interface Column {
  title: string;
  min: number;
  left: boolean;
}

function columns(human: boolean, inodes: boolean, type: boolean): Column[] {
  const c: Column[] = [{ title: 'Filesystem', min: 14, left: true }];
  if (type) c.push({ title: 'Type', min: 4, left: true });
  if (inodes) c.push({ title: 'Inodes', min: 5, left: false }, { title: 'IUsed', min: 5, left: false }, { title: 'IFree', min: 5, left: false }, { title: 'IUse%', min: 4, left: false });
  else c.push({ title: human ? 'Size' : '1K-blocks', min: 5, left: false }, { title: 'Used', min: 5, left: false }, { title: human ? 'Avail' : 'Available', min: 5, left: false }, { title: 'Use%', min: 4, left: false });
  c.push({ title: 'Mounted on', min: 0, left: true });
  return c;
}

/** Use% as df computes it: used / (used + available), rounded up; `-` when nothing is known. */
function percent(used: number, avail: number): string {
  const total = used + avail;
  if (total === 0) return '-';
  return `${Math.ceil((used * 100) / total)}%`;
}

function row(m: MountEntry, fs: StatFs, human: boolean, inodes: boolean, type: boolean): string[] {
  const cells = [m.source];
  if (type) cells.push(m.fstype);
  if (inodes) {
    const used = fs.files - fs.ffree;
    const n = (v: number) => (human ? humanReadable(v, HUMAN.autoscale | HUMAN.SI | HUMAN.base1024) : String(v));
    cells.push(n(fs.files), n(used), n(fs.ffree), fs.files === 0 ? '-' : percent(used, fs.ffree));
  } else {
    const used = fs.blocks - fs.bfree;
    const n = (v: number) => (human ? humanReadable(v, HUMAN_H, fs.frsize, 1) : humanReadable(v, 0, fs.frsize, 1024));
    cells.push(n(fs.blocks), n(used), n(fs.bavail), percent(used, fs.bavail));
  }
  cells.push(m.target);
  return cells;
}

export const df = defineTool({
  name: 'df',
  summary: 'report file system space usage',
  help: `Usage: df [OPTION]... [FILE]...
Show information about the file system on which each FILE resides,
or all file systems by default.

Mandatory arguments to long options are mandatory for short options too.
  -a, --all             include pseudo, duplicate, inaccessible file systems
  -h, --human-readable  print sizes in powers of 1024 (e.g., 1023M)
  -i, --inodes          list inode information instead of block usage
  -T, --print-type      print file system type
      --help        display this help and exit
`,
  async run(t) {
    const p = getopt(t.args, {
      short: 'ahiTkl',
      long: [
        { name: 'all', arg: 'none', key: 'a' },
        { name: 'human-readable', arg: 'none', key: 'h' },
        { name: 'inodes', arg: 'none', key: 'i' },
        { name: 'print-type', arg: 'none', key: 'T' },
        { name: 'local', arg: 'none', key: 'l' },
      ],
    });
    if (!p.ok) {
      await t.err(`df: ${p.message}\nTry 'df --help' for more information.\n`);
      return 1;
    }
    const has = (k: string) => p.opts.some((o) => o.key === k);
    const all = has('a');
    const human = has('h');
    const inodes = has('i');
    const type = has('T');
    const mounts = await readMounts(t);
    const rows: string[][] = [];
    let status = 0;
    let errors = '';
    const add = (m: MountEntry, statPath: string, listed: boolean): void => {
      const r = t.sys.statfs(statPath);
      if (!r.ok) {
        errors += `df: ${statPath}: ${strerror(r.errno)}\n`;
        status = 1;
        return;
      }
      if (!listed && !all && (DUMMY.has(m.fstype) || r.value.blocks === 0)) return;
      rows.push(row(m, r.value, human, inodes, type));
    };
    if (p.operands.length === 0) {
      for (const m of mounts) add(m, m.target, false);
    } else {
      for (const f of p.operands) {
        const st = t.sys.stat(f);
        if (!st.ok) {
          errors += `df: ${f}: ${strerror(st.errno)}\n`;
          status = 1;
          continue;
        }
        // The mount whose mount point lives on the same device as FILE (the deepest if several).
        let best: MountEntry | undefined;
        for (const m of mounts) {
          const ms = t.sys.stat(m.target);
          if (ms.ok && ms.value.dev.major === st.value.dev.major && ms.value.dev.minor === st.value.dev.minor) best = m;
        }
        if (best) add(best, f, true);
      }
    }
    if (errors) await t.err(errors);
    if (!rows.length) {
      await t.err('df: no file systems processed\n');
      return 1;
    }
    const cols = columns(human, inodes, type);
    const table = [cols.map((c) => c.title), ...rows];
    const widths = cols.map((c, i) => Math.max(c.min, ...table.map((r) => r[i]!.length)));
    const text = table
      .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cols[i]!.left ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' '))
      .join('\n');
    await t.out(text + '\n');
    return status;
  },
});
