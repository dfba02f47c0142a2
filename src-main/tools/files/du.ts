// du(1) from coreutils 9.1: disk usage (st_blocks, each inode counted once) in 1K units, -h,
// -s totals only, -a every file, -c a grand total, -b/--apparent-size bytes; directories
// after their contents, in directory order, as fts walks them.
import { strerror, type Stat } from '../../host';
import { defineTool, type ToolRun } from '../tool';
import { quoteaf } from '../common';
import { getopt } from '../getopt';
import { humanReadable, HUMAN_H } from './human';
import { joinPath } from './filemode';

interface Du {
  t: ToolRun;
  all: boolean;
  summarize: boolean;
  human: boolean;
  apparent: boolean;
  seen: Set<string>;
  out: string[];
  ok: boolean;
}

function size(d: Du, n: number): string {
  if (d.apparent) return d.human ? humanReadable(n, HUMAN_H) : String(n);
  return d.human ? humanReadable(n, HUMAN_H, 512, 1) : humanReadable(n, 0, 512, 1024);
}

function usage(d: Du, st: Stat): number {
  const key = `${st.dev.major}:${st.dev.minor}:${st.ino}`;
  if (st.nlink > 1 && st.type !== 'dir') {
    if (d.seen.has(key)) return 0;
    d.seen.add(key);
  }
  return d.apparent ? st.size : st.blocks;
}

async function walk(d: Du, path: string, depth: number): Promise<number> {
  const st = d.t.sys.lstat(path);
  if (!st.ok) {
    await flush(d);
    await d.t.err(`du: cannot access ${quoteaf(path)}: ${strerror(st.errno)}\n`);
    d.ok = false;
    return 0;
  }
  let total = usage(d, st.value);
  if (st.value.type === 'dir') {
    const list = d.t.sys.readdir(path);
    if (!list.ok) {
      await flush(d);
      await d.t.err(`du: cannot read directory ${quoteaf(path)}: ${strerror(list.errno)}\n`);
      d.ok = false;
    } else for (const e of list.value) total += await walk(d, joinPath(path, e.name), depth + 1);
  }
  const show = depth === 0 || (!d.summarize && (st.value.type === 'dir' || d.all));
  if (show) d.out.push(`${size(d, total)}\t${path}\n`);
  return total;
}

async function flush(d: Du): Promise<void> {
  if (!d.out.length) return;
  const s = d.out.join('');
  d.out.length = 0;
  await d.t.out(s);
}

export const du = defineTool({
  name: 'du',
  summary: 'estimate file space usage',
  help: `Usage: du [OPTION]... [FILE]...
Summarize device usage of the set of FILEs, recursively for directories.

Mandatory arguments to long options are mandatory for short options too.
  -a, --all             write counts for all files, not just directories
      --apparent-size   print apparent sizes rather than device usage
  -b, --bytes           equivalent to '--apparent-size --block-size=1'
  -c, --total           produce a grand total
  -h, --human-readable  print sizes in human readable format (e.g., 1K 234M 2G)
  -s, --summarize       display only a total for each argument
      --help        display this help and exit
`,
  async run(t) {
    const p = getopt(t.args, {
      short: 'abchks',
      long: [
        { name: 'all', arg: 'none', key: 'a' },
        { name: 'apparent-size', arg: 'none' },
        { name: 'bytes', arg: 'none', key: 'b' },
        { name: 'total', arg: 'none', key: 'c' },
        { name: 'human-readable', arg: 'none', key: 'h' },
        { name: 'summarize', arg: 'none', key: 's' },
      ],
    });
    if (!p.ok) {
      await t.err(`du: ${p.message}\nTry 'du --help' for more information.\n`);
      return 1;
    }
    const has = (k: string) => p.opts.some((o) => o.key === k);
    const d: Du = { t, all: has('a'), summarize: has('s'), human: has('h'), apparent: has('b') || has('apparent-size'), seen: new Set(), out: [], ok: true };
    if (d.all && d.summarize) {
      await t.err(`du: cannot both summarize and show all entries\nTry 'du --help' for more information.\n`);
      return 1;
    }
    let grand = 0;
    for (const f of p.operands.length ? p.operands : ['.']) grand += await walk(d, f, 0);
    if (has('c')) d.out.push(`${size(d, grand)}\ttotal\n`);
    await flush(d);
    return d.ok ? 0 : 1;
  },
});
