// mount(8) and findmnt(8) from util-linux 2.38.1, reading the mount table as libmount does.
// `mount` lists `SOURCE on TARGET type FSTYPE (OPTIONS)`; the kernel model has no mount(2), so a
// new mount fails as a real one that the kernel refused (exit 32), already-mounted ones as such. findmnt
// draws the tree of mounts by mount point, columns as wide as their widest cell (not a tty).
import { defineTool, type ToolRun } from '../tool';
import { readWhole } from '../common';
import { getopt } from '../getopt';
import { readMounts, type MountEntry } from './mounts';

const COLUMNS: Record<string, (m: MountEntry) => string> = {
  TARGET: (m) => m.target,
  SOURCE: (m) => m.source,
  FSTYPE: (m) => m.fstype,
  OPTIONS: (m) => m.options,
  'VFS-OPTIONS': (m) => m.options.split(',').filter((o) => /^(rw|ro|nosuid|nodev|noexec|relatime|noatime|sync)$/.test(o)).join(','),
};

async function mountFail(t: ToolRun, target: string, msg: string): Promise<number> {
  await t.err(`mount: ${target}: ${msg}.\n`);
  return 32;
}

export const mount = defineTool({
  name: 'mount',
  summary: 'mount a filesystem',
  help: `
Usage:
 mount [-lhV]
 mount -a [options]
 mount [options] [--source] <source> | [--target] <directory>
 mount [options] <source> <directory>

Mount a filesystem.

Options:
 -l, --show-labels       show also filesystem labels
 -t, --types <list>      limit the set of filesystem types

 -h, --help              display this help
 -V, --version           display version

For more details see mount(8).
`,
  async run(t) {
    const p = getopt(t.args, {
      short: 'lt:o:V',
      long: [
        { name: 'show-labels', arg: 'none', key: 'l' },
        { name: 'types', arg: 'required', key: 't' },
        { name: 'options', arg: 'required', key: 'o' },
        { name: 'version', arg: 'none', key: 'V' },
      ],
    });
    if (!p.ok) {
      await t.err(`mount: ${p.message}\nTry 'mount --help' for more information.\n`);
      return 1;
    }
    if (p.opts.some((o) => o.key === 'V')) {
      await t.out('mount from util-linux 2.38.1 (libmount 2.38.1: selinux, smack, btrfs, verity, namespaces, assert, debug)\n');
      return 0;
    }
    const types = p.opts.filter((o) => o.key === 't').map((o) => o.value ?? '').pop();
    const options = p.opts.filter((o) => o.key === 'o').map((o) => o.value ?? '').join(',');
    const mounts = await readMounts(t);
    if (!p.operands.length) {
      const wanted = types?.split(',');
      const lines = mounts.filter((m) => !wanted || (wanted[0]!.startsWith('no') ? !wanted.some((w) => w.slice(2) === m.fstype) : wanted.includes(m.fstype)));
      await t.out(lines.map((m) => `${m.source} on ${m.target} type ${m.fstype} (${m.options})\n`).join(''));
      return 0;
    }
    let [source, target] = p.operands;
    if (target === undefined) {
      // One operand: the other half comes from /etc/fstab.
      const fstab = await readWhole(t, '/etc/fstab');
      const entry = (fstab.ok ? fstab.value : '').split('\n').map((l) => l.trim().split(/\s+/)).find((f) => f[0] === source || f[1] === source);
      if (!entry) return mountFail(t, source!, "can't find in /etc/fstab");
      [source, target] = [entry[0]!, entry[1]!];
    }
    const status = await readWhole(t, '/proc/self/status');
    const uid = status.ok ? /^Uid:\s+(\d+)/m.exec(status.value)?.[1] : undefined;
    if (uid !== '0') return mountFail(t, target, 'must be superuser to use mount');
    const busy = mounts.find((m) => m.target === target || m.source === source);
    if (busy) return mountFail(t, target, `${busy.source} already mounted on ${busy.target}`);
    if (!t.sys.stat(target).ok) return mountFail(t, target, 'mount point does not exist');
    const src = t.sys.stat(source!);
    if (!src.ok) return mountFail(t, target, `special device ${source} does not exist`);
    // -o loop on an image: mount sets up the first free loop device and mounts that.
    const loop = options.split(',').includes('loop') && src.value.type === 'reg';
    const device = loop ? '/dev/loop0' : source;
    await t.err(`mount: ${target}: wrong fs type, bad option, bad superblock on ${device}, missing codepage or helper program, or other error.\n       dmesg(1) may have more information after failed mount system call.\n`);
    return 32;
  },
});

/** libsmartcols' tree prefixes (UTF-8 locale): `├─`, `└─`, and `│ ` under an unfinished branch. */
function treeRows(mounts: readonly MountEntry[]): Array<{ m: MountEntry; prefix: string }> {
  const parentOf = (m: MountEntry) => {
    let best: MountEntry | undefined;
    for (const o of mounts) {
      if (o === m || o.target === m.target) continue;
      const inside = o.target === '/' ? m.target.startsWith('/') : m.target.startsWith(o.target + '/');
      if (inside && (!best || o.target.length > best.target.length)) best = o;
    }
    return best;
  };
  const children = new Map<MountEntry | undefined, MountEntry[]>();
  for (const m of mounts) {
    const p = parentOf(m);
    children.set(p, [...(children.get(p) ?? []), m]);
  }
  const out: Array<{ m: MountEntry; prefix: string }> = [];
  const visit = (m: MountEntry, indent: string, branch: string) => {
    out.push({ m, prefix: indent + branch });
    const kids = children.get(m) ?? [];
    const nextIndent = branch === '' ? '' : indent + (branch === '├─' ? '│ ' : '  ');
    kids.forEach((k, i) => visit(k, nextIndent, i === kids.length - 1 ? '└─' : '├─'));
  };
  for (const root of children.get(undefined) ?? []) visit(root, '', '');
  return out;
}

export const findmnt = defineTool({
  name: 'findmnt',
  summary: 'find a filesystem',
  help: `
Usage:
 findmnt [options]
 findmnt [options] <device> | <mountpoint>
 findmnt [options] <device> <mountpoint>
 findmnt [options] [--source <device>] [--target <path> | --mountpoint <dir>]

Find a (mounted) filesystem.

Options:
 -l, --list             use list format output
 -n, --noheadings       don't print column headings
 -o, --output <list>    the output columns to be shown
 -S, --source <string>  the device to mount (by name, maj:min,
                          LABEL=, UUID=, PARTUUID=, PARTLABEL=)
 -T, --target <path>    the path to the filesystem to use
 -t, --types <list>     limit the set of filesystems by FS types

 -h, --help             display this help
 -V, --version          display version

Available output columns:
      SOURCE  source device
      FSTYPE  filesystem type
     OPTIONS  all mount options
      TARGET  mountpoint

For more details see findmnt(8).
`,
  async run(t) {
    const p = getopt(t.args, {
      short: 'lno:S:T:t:',
      long: [
        { name: 'list', arg: 'none', key: 'l' },
        { name: 'noheadings', arg: 'none', key: 'n' },
        { name: 'output', arg: 'required', key: 'o' },
        { name: 'source', arg: 'required', key: 'S' },
        { name: 'target', arg: 'required', key: 'T' },
        { name: 'types', arg: 'required', key: 't' },
      ],
    });
    if (!p.ok) {
      await t.err(`findmnt: ${p.message}\nTry 'findmnt --help' for more information.\n`);
      return 1;
    }
    let cols = ['TARGET', 'SOURCE', 'FSTYPE', 'OPTIONS'];
    let tree = true;
    let headings = true;
    let mounts = await readMounts(t);
    for (const { key, value = '' } of p.opts) {
      if (key === 'l') tree = false;
      else if (key === 'n') headings = false;
      else if (key === 'o') {
        cols = value.split(',').map((c) => c.toUpperCase());
        const bad = cols.find((c) => !COLUMNS[c]);
        if (bad) {
          await t.err(`findmnt: unknown column: ${bad}\n`);
          return 1;
        }
      } else if (key === 't') {
        const types = value.split(',');
        mounts = mounts.filter((m) => types.includes(m.fstype));
      } else if (key === 'S') {
        tree = false;
        mounts = mounts.filter((m) => m.source === value);
      } else if (key === 'T') {
        // The filesystem holding the path: the mount on the same device (deepest if nested).
        tree = false;
        const st = t.sys.stat(value);
        const same = mounts.filter((m) => {
          const ms = t.sys.stat(m.target);
          return st.ok && ms.ok && ms.value.dev.major === st.value.dev.major && ms.value.dev.minor === st.value.dev.minor;
        });
        mounts = same.slice(-1);
      }
    }
    if (p.operands.length) {
      tree = false;
      const [a, b] = p.operands;
      mounts = mounts.filter((m) => (b === undefined ? m.target === a || m.source === a : m.source === a && m.target === b));
    }
    if (!mounts.length) return 1;
    const rows = (tree ? treeRows(mounts) : mounts.map((m) => ({ m, prefix: '' }))).map(({ m, prefix }) => cols.map((c) => (c === 'TARGET' ? prefix : '') + COLUMNS[c]!(m)));
    const table = headings ? [cols, ...rows] : rows;
    const widths = cols.map((_c, i) => Math.max(...table.map((r) => [...r[i]!].length)));
    await t.out(table.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i]! - [...cell].length))).join(' ')).join('\n') + '\n');
    return 0;
  },
});
