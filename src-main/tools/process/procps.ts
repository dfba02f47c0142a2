// What procps' library reads for ps, top, pgrep and pstree: /proc/<pid>/{stat,status,cmdline}, the
// user database and the host-wide accounting files — all read by the tool's own process, so that
// the tools see exactly what /proc shows.
import type { ToolRun } from '../tool';
import { readWhole } from '../common';

/** USER_HZ: the unit of /proc/<pid>/stat times. */
export const HZ = 100;

export interface Task {
  pid: number;
  comm: string;
  /** R, S, D, T, Z */
  state: string;
  ppid: number;
  pgrp: number;
  session: number;
  ttyNr: number;
  tpgid: number;
  flags: number;
  /** utime + stime, in ticks */
  ticks: number;
  priority: number;
  nice: number;
  nlwp: number;
  startTicks: number;
  euid: number;
  vmSizeKb: number;
  vmRssKb: number;
  vmLckKb: number;
  /** /proc/<pid>/cmdline split at NULs; empty for zombies and kernel threads */
  argv: string[];
}

function parseStat(text: string): Omit<Task, 'euid' | 'vmSizeKb' | 'vmRssKb' | 'vmLckKb' | 'argv'> | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const f = text.slice(close + 2).trim().split(' ');
  const n = (i: number) => Number(f[i] ?? 0);
  return {
    pid: Number(text.slice(0, open)),
    comm: text.slice(open + 1, close),
    state: f[0] ?? '?',
    ppid: n(1),
    pgrp: n(2),
    session: n(3),
    ttyNr: n(4),
    tpgid: n(5),
    flags: n(6),
    ticks: n(11) + n(12),
    priority: n(15),
    nice: n(16),
    nlwp: n(17),
    startTicks: n(19),
  };
}

function statusField(status: string, name: string): string | undefined {
  const m = new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(status);
  return m?.[1];
}

/** One process as procps sees it, or null if it is gone (or unreadable). */
export async function readTask(t: ToolRun, pid: number): Promise<Task | null> {
  const stat = await readWhole(t, `/proc/${pid}/stat`);
  if (!stat.ok) return null;
  const base = parseStat(stat.value);
  if (!base) return null;
  const status = await readWhole(t, `/proc/${pid}/status`);
  const cmdline = await readWhole(t, `/proc/${pid}/cmdline`);
  const st = status.ok ? status.value : '';
  const kb = (name: string) => Number((statusField(st, name) ?? '0').replace(/\s*kB$/, '')) || 0;
  const uids = (statusField(st, 'Uid') ?? '0\t0').split(/\s+/);
  const raw = cmdline.ok ? cmdline.value : '';
  const argv = raw === '' ? [] : raw.replace(/\0$/, '').split('\0');
  return { ...base, euid: Number(uids[1] ?? uids[0] ?? 0), vmSizeKb: kb('VmSize'), vmRssKb: kb('VmRSS'), vmLckKb: kb('VmLck'), argv };
}

/** The pids /proc lists, in its (ascending) order. */
export function listPids(t: ToolRun): number[] {
  const r = t.sys.readdir('/proc');
  if (!r.ok) return [];
  return r.value.filter((e) => /^\d+$/.test(e.name)).map((e) => Number(e.name));
}

export async function readTasks(t: ToolRun): Promise<Task[]> {
  const out: Task[] = [];
  for (const pid of listPids(t)) {
    const task = await readTask(t, pid);
    if (task) out.push(task);
  }
  return out;
}

/** escape_command(): the command line, or `[comm]` when it is empty, with ` <defunct>` for zombies. */
export function commandLine(task: Task): string {
  // escape_str(): unprintable characters show as `?`.
  const text = [...task.argv.join(' ')].map((c) => (c < ' ' || c === '\x7f' ? '?' : c)).join('');
  if (text !== '') return text;
  return `[${task.comm}]${task.state === 'Z' ? ' <defunct>' : ''}`;
}

/** dev_to_tty(): pts/N for the Unix98 pty majors, ? without a terminal. */
export function ttyName(ttyNr: number): string {
  if (ttyNr === 0) return '?';
  const major = (ttyNr >> 8) & 0xfff;
  const minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
  if (major >= 136 && major <= 143) return `pts/${(major - 136) * 256 + minor}`;
  if (major === 4) return `tty${minor}`;
  return '?';
}

export interface Users {
  name(uid: number): string | undefined;
  uid(name: string): number | undefined;
}

/** getpwuid()/getpwnam() over /etc/passwd. */
export async function readUsers(t: ToolRun): Promise<Users> {
  const r = await readWhole(t, '/etc/passwd');
  const byUid = new Map<number, string>();
  const byName = new Map<string, number>();
  for (const line of r.ok ? r.value.split('\n') : []) {
    const [name, , uid] = line.split(':');
    if (!name || uid === undefined || !/^\d+$/.test(uid)) continue;
    if (!byUid.has(Number(uid))) byUid.set(Number(uid), name);
    byName.set(name, Number(uid));
  }
  return { name: (uid) => byUid.get(uid), uid: (name) => byName.get(name) };
}

export interface SysInfo {
  /** seconds since boot, from /proc/uptime */
  uptime: number;
  /** boot time in seconds since the epoch, from /proc/stat */
  btime: number;
  memTotalKb: number;
  /** time(2): the host's wall clock in seconds */
  now: number;
}

export async function readSysInfo(t: ToolRun): Promise<SysInfo> {
  const up = await readWhole(t, '/proc/uptime');
  const stat = await readWhole(t, '/proc/stat');
  const mem = await readWhole(t, '/proc/meminfo');
  const btime = stat.ok ? Number(/^btime (\d+)$/m.exec(stat.value)?.[1] ?? 0) : 0;
  const total = mem.ok ? Number(/^MemTotal:\s+(\d+)/m.exec(mem.value)?.[1] ?? 0) : 0;
  return { uptime: up.ok ? Number(up.value.split(' ')[0]) : 0, btime, memTotalKb: total || 1, now: Math.floor(t.host.wallNs() / 1e9) };
}

/** Seconds the process has run: uptime minus its start, as procps' TIME_ELAPSED. */
export function elapsed(task: Task, sys: SysInfo): number {
  return Math.max(0, Math.floor(sys.uptime - task.startTicks / HZ));
}

/** Parses `1,2 3` lists as procps' selection options take them. */
export function splitList(spec: string): string[] {
  return spec.split(/[\s,]+/).filter((s) => s !== '');
}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', print: ' -~', graph: '!-~',
};

/** regcomp(REG_EXTENDED) as a RegExp: POSIX bracket classes translated; null if it does not compile. */
export function ereRegExp(pattern: string, ignoreCase: boolean): RegExp | null {
  const source = pattern.replace(/\[:(\w+):\]/g, (m, name: string) => CLASSES[name] ?? m);
  try {
    return new RegExp(source, ignoreCase ? 'i' : '');
  } catch {
    return null;
  }
}
