// How lsof 4.95 (dialects/linux/dproc.c, dnode.c) gathers a process's files: cwd, rtd and txt from
// the /proc/<pid> links, `mem` from the maps, then every fd from fd/ and fdinfo/, with the access
// mode from the fd link's permission bits and the lock character from /proc/locks.
import type { Stat } from '../../host';
import type { ToolRun } from '../tool';
import { readWhole, strerror } from '../common';

export interface LFile {
  fd: string;
  /** r, w, u or a blank */
  access: string;
  /** R/W (whole file), r/w (part), or a blank */
  lock: string;
  type: string;
  device: string;
  sizeOff: string;
  node: string;
  name: string;
  /** identity for name selection */
  dev?: { major: number; minor: number };
  rdev?: { major: number; minor: number };
  ino?: number;
}

export interface LProc {
  pid: number;
  ppid: number;
  pgid: number;
  uid: number;
  cmd: string;
  files: LFile[];
}

/** get_locks(): (pid, device, inode) → lock character, for READ and WRITE entries only. */
export async function readLocks(t: ToolRun): Promise<Map<string, string>> {
  const locks = new Map<string, string>();
  const r = await readWhole(t, '/proc/locks');
  for (const line of r.ok ? r.value.split('\n') : []) {
    const f = line.split(/[\s:]+/).filter((x) => x !== '');
    if (f.length < 10 || f[1] === '->') continue;
    const mode = f[3]?.[0];
    if (mode !== 'R' && mode !== 'W') continue;
    const whole = f[8] === '0' && f[9] === 'EOF';
    const ch = mode === 'W' ? (whole ? 'W' : 'w') : whole ? 'R' : 'r';
    const key = `${f[4]}:${parseInt(f[5]!, 16)}:${parseInt(f[6]!, 16)}:${f[7]}`;
    // The hash lists are built by prepending: the last line for a file wins.
    locks.set(key, ch);
  }
  return locks;
}

/** print_file()'s offset: 0t<decimal>, or hex once it needs more than 8 digits. */
function offset(n: number): string {
  const dec = `0t${n}`;
  return dec.length > 10 ? `0x${n.toString(16)}` : dec;
}

const TYPES: Record<Stat['type'], string> = { reg: 'REG', dir: 'DIR', chr: 'CHR', blk: 'BLK', lnk: 'LINK', sock: 'sock' };

/** process_proc_node(): type, device, size or offset, node and name of one file. */
function node(pid: number, locks: Map<string, string>, fd: string, name: string, st: Stat | null, link: Stat | null, pos: number | null): LFile {
  const f: LFile = { fd, access: ' ', lock: ' ', type: 'unknown', device: '', sizeOff: '', node: '', name };
  if (link && link.type === 'lnk') {
    const m = link.mode & 0o600;
    f.access = m === 0o400 ? 'r' : m === 0o200 ? 'w' : 'u';
  }
  if (!st) return f;
  f.type = TYPES[st.type];
  f.dev = st.dev;
  f.ino = st.ino;
  f.node = String(st.ino);
  const dev = st.type === 'chr' || st.type === 'blk' ? st.rdev : st.dev;
  if (st.type === 'chr' || st.type === 'blk') f.rdev = st.rdev;
  f.device = `${dev.major},${dev.minor}`;
  if (st.type === 'sock') {
    // No /proc/net tables on this host: lsof cannot tell the socket's protocol.
    f.sizeOff = '0t0';
    f.name = "can't identify protocol";
    return f;
  }
  f.lock = locks.get(`${pid}:${st.dev.major}:${st.dev.minor}:${st.ino}`) ?? ' ';
  if (st.type === 'chr' || st.type === 'blk') f.sizeOff = pos === null ? '' : offset(pos);
  else f.sizeOff = String(st.size);
  return f;
}

async function fdinfo(t: ToolRun, pid: number, fd: string): Promise<number | null> {
  const r = await readWhole(t, `/proc/${pid}/fdinfo/${fd}`);
  const m = r.ok ? /^pos:\s+(\d+)/m.exec(r.value) : null;
  return m ? Number(m[1]) : null;
}

/** cwd, rtd, txt: readlink then stat; a failure shows as `unknown` with the error (or, for a missing exe, nothing). */
function special(t: ToolRun, pid: number, locks: Map<string, string>, fd: string, entry: string): LFile | null {
  const path = `/proc/${pid}/${entry}`;
  const target = t.sys.readlink(path);
  if (!target.ok) {
    // The host does not model executable images: without /proc/<pid>/exe there is no txt line.
    if (entry === 'exe' && target.errno === 'ENOENT') return null;
    return node(pid, locks, fd, `${path} (readlink: ${strerror(target.errno)})`, null, null, null);
  }
  const st = t.sys.stat(path);
  return node(pid, locks, fd, st.ok ? target.value : `${target.value} (stat: ${strerror(st.errno)})`, st.ok ? st.value : null, null, null);
}

/** process_proc_map(): one `mem` (or `DEL`) entry per mapped file, the executable excepted. */
async function mappings(t: ToolRun, pid: number, locks: Map<string, string>, txt: LFile | null): Promise<LFile[]> {
  const r = await readWhole(t, `/proc/${pid}/maps`);
  if (!r.ok) return [];
  const seen = new Set<string>(txt?.ino !== undefined ? [`${txt.dev?.major}:${txt.dev?.minor}:${txt.ino}`] : []);
  const out: LFile[] = [];
  for (const line of r.value.split('\n')) {
    const m = /^\S+\s+\S+\s+\S+\s+([0-9a-f]+):([0-9a-f]+)\s+(\d+)\s+(.+)$/.exec(line);
    if (!m) continue;
    const [maj, min, ino] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), Number(m[3])];
    const key = `${maj}:${min}:${ino}`;
    if ((maj === 0 && min === 0 && ino === 0) || seen.has(key)) continue;
    seen.add(key);
    const deleted = m[4]!.endsWith(' (deleted)');
    const path = deleted ? m[4]!.slice(0, -10) : m[4]!;
    const st = deleted ? null : t.sys.stat(path);
    if (st?.ok && st.value.dev.major === maj && st.value.dev.minor === min && st.value.ino === ino) out.push(node(pid, locks, 'mem', path, st.value, null, null));
    else {
      const f = node(pid, locks, deleted ? 'DEL' : 'mem', path, null, null, null);
      Object.assign(f, { type: 'REG', device: `${maj},${min}`, node: String(ino), dev: { major: maj, minor: min }, ino });
      out.push(f);
    }
  }
  return out;
}

export async function scanProcess(t: ToolRun, pid: number, uid: number, locks: Map<string, string>): Promise<LProc | null> {
  const stat = await readWhole(t, `/proc/${pid}/stat`);
  if (!stat.ok) return null;
  const open = stat.value.indexOf('(');
  const close = stat.value.lastIndexOf(')');
  const f = stat.value.slice(close + 2).split(' ');
  const p: LProc = { pid, ppid: Number(f[1]), pgid: Number(f[2]), uid, cmd: stat.value.slice(open + 1, close), files: [] };
  const txt = special(t, pid, locks, 'txt', 'exe');
  for (const x of [special(t, pid, locks, 'cwd', 'cwd'), special(t, pid, locks, 'rtd', 'root'), txt]) if (x) p.files.push(x);
  p.files.push(...(await mappings(t, pid, locks, txt)));
  const dir = t.sys.readdir(`/proc/${pid}/fd`);
  if (!dir.ok) {
    p.files.push({ ...node(pid, locks, 'NOFD', `/proc/${pid}/fd (opendir: ${strerror(dir.errno)})`, null, null, null), type: '' });
    return p;
  }
  for (const e of dir.value) {
    const path = `/proc/${pid}/fd/${e.name}`;
    const target = t.sys.readlink(path);
    if (!target.ok) continue;
    const st = t.sys.stat(path);
    const link = t.sys.lstat(path);
    const pos = await fdinfo(t, pid, e.name);
    p.files.push(node(pid, locks, e.name, target.value, st.ok ? st.value : null, link.ok ? link.value : null, pos));
  }
  return p;
}
