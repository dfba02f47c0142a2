// lslocks (util-linux 2.38.1): the locks of /proc/locks with the holder's command and the file's
// path, found among the holder's fds (or, failing that, as the mount point of the device plus
// `...`). Lines come out in reverse /proc/locks order (list_add), columns sized as libsmartcols
// sizes them for output that is not a terminal. A BREAKER line (`<none>:0`) stops it, as it does
// util-linux 2.38.1.
import { defineTool, type ToolRun } from '../tool';
import { readWhole } from '../common';
import { getopt } from './getopt';
import { listPids } from './procps';

interface Col {
  name: string;
  /** width hint: an absolute minimum when the header is narrower */
  whint: number;
  right: boolean;
  json: 'string' | 'number' | 'boolean';
  help: string;
}

const COLS: Col[] = [
  { name: 'COMMAND', whint: 15, right: false, json: 'string', help: 'command of the process holding the lock' },
  { name: 'PID', whint: 5, right: true, json: 'number', help: 'PID of the process holding the lock' },
  { name: 'TYPE', whint: 5, right: true, json: 'string', help: 'kind of lock' },
  { name: 'SIZE', whint: 4, right: true, json: 'string', help: 'size of the lock' },
  { name: 'INODE', whint: 5, right: true, json: 'number', help: 'inode number' },
  { name: 'MAJ:MIN', whint: 6, right: false, json: 'string', help: 'major:minor device number' },
  { name: 'MODE', whint: 5, right: false, json: 'string', help: 'lock access mode' },
  { name: 'M', whint: 1, right: false, json: 'boolean', help: 'mandatory state of the lock: 0 (none), 1 (set)' },
  { name: 'START', whint: 10, right: true, json: 'number', help: 'relative byte offset of the lock' },
  { name: 'END', whint: 10, right: true, json: 'number', help: 'ending offset of the lock' },
  { name: 'PATH', whint: 0, right: false, json: 'string', help: 'path of the locked file' },
  { name: 'BLOCKER', whint: 0, right: true, json: 'number', help: 'PID of the process blocking the lock' },
];
const DEFAULT = ['COMMAND', 'PID', 'TYPE', 'SIZE', 'MODE', 'M', 'START', 'END', 'PATH'];

const USAGE = `
Usage:
 lslocks [options]

List local system locks.

Options:
 -b, --bytes            print SIZE in bytes rather than in human readable format
 -J, --json             use JSON output format
 -i, --noinaccessible   ignore locks without read permissions
 -n, --noheadings       don't print headings
 -o, --output <list>    define which output columns to use
     --output-all       output all columns
 -p, --pid <pid>        display only locks held by this process
 -r, --raw              use the raw output format
 -u, --notruncate       don't truncate text in columns

 -h, --help             display this help
 -V, --version          display version

Available output columns:
${COLS.map((c) => ` ${c.name.padStart(11)}  ${c.help}`).join('\n')}

For more details see lslocks(8).
`;

interface Lock {
  id: number;
  blocked: boolean;
  type: string;
  mandatory: boolean;
  mode: string;
  pid: number;
  cmd: string;
  major: number;
  minor: number;
  inode: number;
  start: number;
  end: number;
  path: string | null;
  size: number;
}

/** size_to_human_string(SIZE_SUFFIX_1LETTER): 1024-based, one decimal, a trailing 0 dropped. */
export function humanSize(bytes: number): string {
  let exp = 0;
  while (exp < 60 && bytes >= 2 ** (exp + 10)) exp += 10;
  const letter = 'BKMGTPE'[exp / 10]!;
  let dec = exp ? Math.floor(bytes / 2 ** exp) : bytes;
  let frac = exp ? bytes % 2 ** exp : 0;
  if (frac) {
    frac = Math.floor((Math.floor((frac * 1000) / 2 ** exp) + 50) / 100) * 10;
    if (frac === 100) {
      dec++;
      frac = 0;
    }
  }
  if (!frac) return `${dec}${letter}`;
  return `${dec}.${String(frac).padStart(2, '0').replace(/0$/, '')}${letter}`;
}

/** get_filename_sz(): the first numbered fd of the holder (fd 0 is skipped by its strtol test) on that inode. */
function holderPath(t: ToolRun, pid: number, inode: number): { path: string; size: number } | null {
  const dir = t.sys.readdir(`/proc/${pid}/fd`);
  if (!dir.ok) return null;
  for (const e of dir.value) {
    if (!/^\d+$/.test(e.name) || Number(e.name) === 0) continue;
    const st = t.sys.stat(`/proc/${pid}/fd/${e.name}`);
    if (st.ok && st.value.ino !== inode) continue;
    const link = t.sys.readlink(`/proc/${pid}/fd/${e.name}`);
    if (!link.ok) return null;
    return { path: link.value, size: st.ok ? st.value.size : 0 };
  }
  return null;
}

async function readLocks(t: ToolRun, skipInaccessible: boolean): Promise<Lock[] | string> {
  const r = await readWhole(t, '/proc/locks');
  if (!r.ok) return [];
  const info = await readWhole(t, '/proc/self/mountinfo');
  const mounts = (info.ok ? info.value : '').split('\n').map((l) => l.split(' '));
  const live = new Set(listPids(t));
  const locks: Lock[] = [];
  for (const line of r.value.split('\n')) {
    if (line === '') continue;
    const tok = line.split(' ').filter((x) => x !== '');
    const blocked = tok[1] === '->';
    if (blocked) tok.splice(1, 1);
    const dm = /^([0-9a-f]+):([0-9a-f]+):(\d+)$/.exec(tok[5] ?? '');
    if (!dm) return `failed to parse '${tok[5] ?? ''}'`;
    const pid = Number(tok[4]);
    const comm = live.has(pid) ? await readWhole(t, `/proc/${pid}/comm`) : null;
    const l: Lock = {
      id: parseInt(tok[0] ?? '0', 10),
      blocked,
      type: tok[1] ?? '',
      mandatory: tok[2]?.[0] === 'M',
      mode: tok[3] ?? '',
      pid,
      cmd: pid > 0 ? (comm?.ok ? comm.value.replace(/\n$/, '') : '(unknown)') : '(undefined)',
      major: parseInt(dm[1]!, 16),
      minor: parseInt(dm[2]!, 16),
      inode: Number(dm[3]),
      start: tok[6] === 'EOF' ? 0 : Number(tok[6] ?? 0),
      end: tok[7] === 'EOF' ? 0 : Number(tok[7] ?? 0),
      path: null,
      size: 0,
    };
    const found = holderPath(t, pid, l.inode);
    if (!found && skipInaccessible) continue;
    if (found) Object.assign(l, found);
    else {
      // get_fallback_filename(): the last mount of that device, then `...`.
      const m = [...mounts].reverse().find((f) => f[2] === `${l.major}:${l.minor}`);
      l.path = m ? `${m[4]}...` : null;
    }
    locks.unshift(l);
  }
  return locks;
}

function cell(l: Lock, col: string, bytes: boolean, padded: boolean, locks: Lock[]): string | null {
  switch (col) {
    case 'COMMAND': return l.cmd;
    case 'PID': return String(l.pid);
    case 'TYPE': return l.type;
    case 'SIZE': return l.size ? (bytes ? String(l.size) : humanSize(l.size)) : null;
    case 'INODE': return String(l.inode);
    case 'MAJ:MIN': return padded ? `${String(l.major).padStart(3)}:${String(l.minor).padEnd(3)}` : `${l.major}:${l.minor}`;
    case 'MODE': return `${l.mode}${l.blocked ? '*' : ''}`;
    case 'M': return l.mandatory ? '1' : '0';
    case 'START': return String(l.start);
    case 'END': return String(l.end);
    case 'PATH': return l.path ?? '';
    default: {
      const b = l.blocked && l.id ? locks.find((x) => x.id === l.id && !x.blocked)?.pid : undefined;
      return b ? String(b) : null;
    }
  }
}

function table(cols: Col[], rows: Array<Array<string | null>>, headings: boolean, raw: boolean): string {
  const lines: string[] = [];
  if (raw) {
    const esc = (s: string) => s.replace(/[\s\\]/g, (c) => `\\x${c.charCodeAt(0).toString(16)}`);
    if (headings) lines.push(cols.map((c) => c.name).join(' '));
    for (const r of rows) lines.push(r.map((v) => esc(v ?? '')).join(' '));
    return lines.map((l) => `${l}\n`).join('');
  }
  const widths = cols.map((c, i) => {
    const data = Math.max(0, ...rows.map((r) => (r[i] ?? '').length));
    const min = c.name.length;
    if (data < min) return min;
    return c.whint >= 1 && data < c.whint && min < c.whint ? c.whint : data;
  });
  const fmt = (vals: Array<string | null>) =>
    vals.map((v, i) => (cols[i]!.right ? (v ?? '').padStart(widths[i]!) : i === vals.length - 1 ? (v ?? '') : (v ?? '').padEnd(widths[i]!))).join(' ').replace(/\s+$/, '');
  if (headings) lines.push(fmt(cols.map((c) => c.name)));
  for (const r of rows) lines.push(fmt(r));
  return lines.map((l) => `${l}\n`).join('');
}

function json(cols: Col[], rows: Array<Array<string | null>>): string {
  const value = (c: Col, v: string | null) => (v === null || v === '' ? (c.json === 'string' && v === '' ? '""' : 'null') : c.json === 'number' ? v : c.json === 'boolean' ? (v === '1' ? 'true' : 'false') : JSON.stringify(v));
  const objs = rows.map((r) => `      {\n${cols.map((c, i) => `         "${c.name.toLowerCase()}": ${value(c, r[i] ?? null)}`).join(',\n')}\n      }`);
  return `{\n   "locks": [\n${objs.join(',\n')}${objs.length ? '\n' : ''}   ]\n}\n`;
}

export const lslocks = defineTool({
  name: 'lslocks',
  summary: 'list local system locks',
  async run(t) {
    const parsed = getopt(t.args, 'biJp:o:nruhV', [
      ...['bytes:b', 'json:J', 'help:h', 'notruncate:u', 'version:V', 'noheadings:n', 'raw:r', 'noinaccessible:i', 'output-all:all'].map((s) => ({ name: s.split(':')[0]!, key: s.split(':')[1]!, arg: false })),
      { name: 'pid', key: 'p', arg: true },
      { name: 'output', key: 'o', arg: true },
    ]);
    const fail = async (msg: string) => (await t.err(`lslocks: ${msg}\n`), 1);
    if ('error' in parsed) return (await t.err(`lslocks: ${parsed.error}\nTry 'lslocks --help' for more information.\n`), 1);
    let names = [...DEFAULT];
    let pid = 0;
    const f = new Set<string>();
    for (const o of parsed.opts) {
      if (o.key === 'h') return (await t.out(USAGE), 0);
      if (o.key === 'V') return (await t.out('lslocks from util-linux 2.38.1\n'), 0);
      if (o.key === 'all') names = COLS.map((c) => c.name);
      else if (o.key === 'p') {
        if (!/^-?\d+$/.test(o.arg!)) return fail(`invalid PID argument: '${o.arg}'`);
        pid = Number(o.arg);
      } else if (o.key === 'o') {
        const list = o.arg!.startsWith('+') ? o.arg!.slice(1) : o.arg!;
        const picked = list.split(',').map((n) => COLS.find((c) => c.name.toLowerCase() === n.toLowerCase())?.name ?? n);
        const unknown = picked.find((n) => !COLS.some((c) => c.name === n));
        if (unknown !== undefined) return fail(`unknown column: ${unknown}`);
        names = o.arg!.startsWith('+') ? [...names, ...picked] : picked;
      } else f.add(o.key);
    }
    if (f.has('J') && f.has('r')) return fail('mutually exclusive arguments: --json --raw');
    const locks = await readLocks(t, f.has('i'));
    if (typeof locks === 'string') return fail(locks);
    if (!locks.length) return 0;
    const cols = names.map((n) => COLS.find((c) => c.name === n)!);
    const shown = locks.filter((l) => !pid || l.pid === pid);
    const rows = shown.map((l) => cols.map((c) => cell(l, c.name, f.has('b'), !f.has('J') && !f.has('r'), locks)));
    // libsmartcols prints nothing for a table without lines (JSON: an empty array).
    if (!rows.length && !f.has('J')) return 0;
    await t.out(f.has('J') ? json(cols, rows) : table(cols, rows, !f.has('n'), f.has('r')));
    return 0;
  },
});
