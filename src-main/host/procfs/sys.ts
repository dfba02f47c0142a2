// /proc/sys: the sysctl table (kernel/sysctl.c, fs/locks.c). Values live in `k.sysctl` once written,
// defaults here; entries list in name order, as proc_sys's rbtree hands them to readdir.
import type { Kernel } from '../kernel';
import type { ProcNode } from './node';
import { PROC_INO_BASE, dirNode, fileNode } from './build';
import { fail, ok, OK_VOID, type SysResult } from '../sim/result';

interface Int {
  kind: 'int';
  def: string;
  min?: number;
  max?: number;
  mode?: number;
}
interface Vec {
  kind: 'vec';
  def: string;
}
interface Fixed {
  kind: 'fixed';
  text: (k: Kernel) => string;
  mode?: number;
}
type Entry = Int | Vec | Fixed;
type Table = { readonly [name: string]: Entry | Table };

const int = (def: number, o: Omit<Int, 'kind' | 'def'> = {}): Int => ({ kind: 'int', def: String(def), ...o });
const fixed = (text: (k: Kernel) => string, mode = 0o444): Fixed => ({ kind: 'fixed', text, mode });

/** A 2-CPU, 16 GiB guest running a Debian 5.3 kernel under systemd 241. */
const TABLE: Table = {
  fs: {
    'aio-max-nr': int(65536),
    'aio-nr': fixed(() => '0'),
    'dir-notify-enable': int(1),
    'file-max': int(1629075),
    'lease-break-time': int(45, { min: 0 }),
    'leases-enable': int(1, { min: 0 }),
    nr_open: int(1048576, { min: 8 }),
    overflowgid: int(65534, { min: 0, max: 65535 }),
    overflowuid: int(65534, { min: 0, max: 65535 }),
    'pipe-max-size': int(1048576, { min: 4096 }),
    protected_hardlinks: int(1, { min: 0, max: 1, mode: 0o600 }),
    protected_symlinks: int(1, { min: 0, max: 1, mode: 0o600 }),
    suid_dumpable: int(0, { min: 0, max: 2 }),
  },
  kernel: {
    dmesg_restrict: int(1, { min: 0, max: 1 }),
    hostname: fixed((k) => k.hostname),
    hung_task_timeout_secs: int(120, { min: 0 }),
    kptr_restrict: int(0, { min: 0, max: 2 }),
    ngroups_max: fixed(() => '65536'),
    osrelease: fixed((k) => k.release),
    ostype: fixed(() => 'Linux'),
    panic: int(0),
    pid_max: int(32768, { min: 301, max: 4194304 }),
    printk: { kind: 'vec', def: '4\t4\t1\t7' },
    randomize_va_space: int(2),
    sysrq: int(438),
    tainted: int(0, { min: 0 }),
    'threads-max': int(127271, { min: 20 }),
    version: fixed((k) => k.version),
  },
  vm: {
    dirty_background_ratio: int(10, { min: 0, max: 100 }),
    dirty_ratio: int(20, { min: 0, max: 100 }),
    max_map_count: int(65530, { min: 0 }),
    min_free_kbytes: int(67584, { min: 0 }),
    overcommit_memory: int(0, { min: 0, max: 2 }),
    overcommit_ratio: int(50),
    swappiness: int(60, { min: 0, max: 100 }),
  },
};

function isEntry(e: Entry | Table): e is Entry {
  return typeof e.kind === 'string';
}

/** The inode numbers fs/ and its two lease entries had before the table grew. */
const KNOWN_INO: Readonly<Record<string, number>> = { fs: 20, 'fs.lease-break-time': 21, 'fs.leases-enable': 22 };

function parseWrite(e: Int | Vec, data: string, current: string): string | null {
  const words = data.trim().split(/\s+/);
  if (!words.every((w) => /^-?\d+$/.test(w))) return null;
  if (e.kind === 'vec') {
    const vals = current.split('\t');
    words.slice(0, vals.length).forEach((w, i) => (vals[i] = String(Number(w))));
    return vals.join('\t');
  }
  // proc_dointvec_minmax: one integer in range.
  const n = Number(words[0]);
  if (words.length !== 1 || (e.min !== undefined && n < e.min) || (e.max !== undefined && n > e.max)) return null;
  return String(n);
}

function entryNode(k: Kernel, ino: number, name: string, e: Entry): ProcNode {
  if (e.kind === 'fixed') return fileNode(ino, e.mode ?? 0o444, 0, () => ok(`${e.text(k)}\n`));
  const mode = e.kind === 'int' ? (e.mode ?? 0o644) : 0o644;
  const value = () => k.sysctl.get(name) ?? e.def;
  return fileNode(
    ino,
    mode,
    0,
    () => ok(`${value()}\n`),
    (w, data): SysResult<void> => {
      if (w.uid !== 0) return fail('EACCES');
      const v = parseWrite(e, data, value());
      if (v === null) return fail('EINVAL');
      k.sysctl.set(name, v);
      k.emit('sysctl.set', { name, value: v });
      return OK_VOID;
    },
  );
}

/** /proc/sys as a tree of nodes; inode numbers are fixed by the table's order. */
export function procSysDir(k: Kernel, ino: number): ProcNode {
  let next = PROC_INO_BASE + 0x100;
  const build = (table: Table, prefix: string, dirIno: number): ProcNode => {
    const names = Object.keys(table).sort();
    const nodes = new Map<string, ProcNode>();
    for (const n of names) {
      const key = prefix ? `${prefix}.${n}` : n;
      const e = table[n]!;
      const id = KNOWN_INO[key] !== undefined ? PROC_INO_BASE + KNOWN_INO[key] : next++;
      nodes.set(n, isEntry(e) ? entryNode(k, id, key, e) : build(e, key, id));
    }
    return dirNode(dirIno, 0o555, 0, () => names, (n) => nodes.get(n) ?? null);
  };
  return build(TABLE, '', ino);
}
