// The format specifiers of procps-ng 4.0.2 ps (src/ps/output.c format_array) that pinsim's tasks
// can fill: header, default width, justification and the pr_* function that prints the value.
import { HZ, commandLine, elapsed, ttyName, type SysInfo, type Task, type Users } from './procps';
import { MONTHS, ctime, gmtime, p2 } from './clock';

export type Just = 'right' | 'left' | 'user' | 'wchan' | 'unlimited';

export interface Ctx {
  sys: SysInfo;
  users: Users;
  /** /proc/<pid>/wchan, read only when a wchan column is shown */
  wchan(task: Task): string;
}

export interface Spec {
  header: string;
  width: number;
  just: Just;
  /** CF_PIDMAX: the width follows the digits of pid_max */
  pidmax?: boolean;
  /** `max` is how many cells the value may take (pr_args, pr_wchan and user names honour it) */
  pr(task: Task, ctx: Ctx, max: number): string;
}

const dhms = (total: number) => {
  const ss = total % 60;
  const mm = Math.floor(total / 60) % 60;
  const hh = Math.floor(total / 3600) % 24;
  const dd = Math.floor(total / 86400);
  return { dd, hh, mm, ss };
};

function etime(task: Task, ctx: Ctx): string {
  const { dd, hh, mm, ss } = dhms(elapsed(task, ctx.sys));
  return `${dd ? `${dd}-` : ''}${dd || hh ? `${p2(hh)}:` : ''}${p2(mm)}:${p2(ss)}`;
}

function cputime(task: Task): string {
  const { dd, hh, mm, ss } = dhms(Math.floor(task.ticks / HZ));
  return `${dd ? `${dd}-` : ''}${p2(hh)}:${p2(mm)}:${p2(ss)}`;
}

const started = (task: Task, ctx: Ctx) => ctx.sys.btime + Math.floor(task.startTicks / HZ);

/** pr_stime(): %H:%M today, %b%d this year, %Y before. */
function stime(task: Task, ctx: Ctx): string {
  const now = gmtime(ctx.sys.now);
  const t = gmtime(started(task, ctx));
  if (t.year !== now.year) return String(t.year);
  if (t.yday !== now.yday) return `${MONTHS[t.mon]}${p2(t.mday)}`;
  return `${p2(t.hour)}:${p2(t.min)}`;
}

/** pr_start(): HH:MM:SS within a day, else `  Mmm dd`. */
function start(task: Task, ctx: Ctx): string {
  const t = started(task, ctx);
  let s = ctime(t);
  if (s[8] === ' ') s = `${s.slice(0, 8)}0${s.slice(9)}`;
  return t + 86400 > ctx.sys.now ? s.slice(11, 19) : `  ${s.slice(4, 10)}`;
}

function bsdstart(task: Task, ctx: Ctx): string {
  const t = started(task, ctx);
  const s = ctime(t);
  return ctx.sys.now - t > 86400 ? s.slice(4, 10) : s.slice(10, 16);
}

/** do_pr_name(): the user name, cut with `+` when wider than its room, or the number. */
function userName(uid: number, ctx: Ctx, max: number): string {
  const name = ctx.users.name(uid);
  if (name === undefined) return String(uid);
  if (name.length <= max) return name;
  return max >= 1 ? `${name.slice(0, max - 1)}+` : String(uid);
}

/** pr_stat(): state, then <, N, L, s (session leader), l (threads), + (foreground group). */
function stat(t: Task): string {
  let s = t.state;
  if (t.nice < 0) s += '<';
  if (t.nice > 0) s += 'N';
  if (t.vmLckKb > 0) s += 'L';
  if (t.session === t.pid) s += 's';
  if (t.nlwp > 1) s += 'l';
  if (t.pgrp === t.tpgid) s += '+';
  return s;
}

const cut = (s: string, max: number) => (s.length > max ? s.slice(0, Math.max(0, max)) : s);
const pcpu = (t: Task, ctx: Ctx) => {
  const jiffies = elapsed(t, ctx.sys) * HZ;
  return jiffies ? Math.floor((t.ticks * 1000) / jiffies) : 0;
};

const pid: Spec = { header: 'PID', width: 5, just: 'right', pidmax: true, pr: (t) => String(t.pid) };
const user: Spec = { header: 'USER', width: 8, just: 'user', pr: (t, c, m) => userName(t.euid, c, m) };
const args = (header: string): Spec => ({ header, width: 27, just: 'unlimited', pr: (t, _c, m) => cut(commandLine(t), m) });
const comm = (header: string): Spec => ({ header, width: 15, just: 'unlimited', pr: (t, _c, m) => cut(t.comm, m) });
const num = (header: string, width: number, get: (t: Task) => number, pidmax = false): Spec => ({ header, width, just: 'right', pidmax, pr: (t) => String(get(t)) });
const cpu: Spec = { header: '%CPU', width: 4, just: 'right', pr: (t, c) => { const v = pcpu(t, c); return v > 999 ? String(Math.floor(v / 10)) : `${Math.floor(v / 10)}.${v % 10}`; } };
const mem: Spec = {
  header: '%MEM',
  width: 4,
  just: 'right',
  pr: (t, c) => {
    const v = Math.min(999, Math.floor((t.vmRssKb * 1000) / c.sys.memTotalKb));
    return `${String(Math.floor(v / 10)).padStart(2)}.${v % 10}`;
  },
};
const tty = (header: string): Spec => ({ header, width: 8, just: 'left', pr: (t) => ttyName(t.ttyNr) });
const nop = (header: string, width: number, just: Just): Spec => ({ header, width, just, pr: () => '-' });

export const SPECS: Readonly<Record<string, Spec>> = {
  '%cpu': cpu,
  '%mem': mem,
  addr: nop('ADDR', 4, 'right'),
  addr_1: nop('ADDR', 1, 'left'),
  args: args('COMMAND'),
  bsdstart: { header: 'START', width: 6, just: 'right', pr: bsdstart },
  bsdtime: { header: 'TIME', width: 6, just: 'right', pr: (t) => { const u = Math.floor(t.ticks / HZ); return `${String(Math.floor(u / 60)).padStart(3)}:${p2(u % 60)}`; } },
  c: { header: 'C', width: 2, just: 'right', pr: (t, c) => { const j = elapsed(t, c.sys) * HZ; return String(j ? Math.min(99, Math.floor((t.ticks * 100) / j)) : 0).padStart(2); } },
  cmd: args('CMD'),
  comm: comm('COMMAND'),
  command: args('COMMAND'),
  cputime: { header: 'TIME', width: 8, just: 'right', pr: cputime },
  etime: { header: 'ELAPSED', width: 11, just: 'right', pr: etime },
  etimes: { header: 'ELAPSED', width: 7, just: 'right', pr: (t, c) => String(elapsed(t, c.sys)) },
  euid: num('EUID', 5, (t) => t.euid),
  euser: { ...user, header: 'EUSER' },
  f: { header: 'F', width: 1, just: 'right', pr: (t) => ((t.flags >>> 6) & 7).toString(8) },
  flags: { header: 'F', width: 1, just: 'right', pr: (t) => ((t.flags >>> 6) & 7).toString(8) },
  fname: { header: 'COMMAND', width: 8, just: 'left', pr: (t) => t.comm.slice(0, 8) },
  lstart: { header: 'STARTED', width: 24, just: 'right', pr: (t, c) => ctime(started(t, c)) },
  ni: num('NI', 3, (t) => t.nice),
  nice: num('NI', 3, (t) => t.nice),
  nlwp: num('NLWP', 4, (t) => t.nlwp),
  opri: num('PRI', 3, (t) => 60 + t.priority),
  pcpu: cpu,
  pgid: num('PGID', 5, (t) => t.pgrp, true),
  pgrp: num('PGRP', 5, (t) => t.pgrp, true),
  pid,
  pmem: mem,
  ppid: num('PPID', 5, (t) => t.ppid, true),
  pri: num('PRI', 3, (t) => 39 - t.priority),
  rss: num('RSS', 5, (t) => t.vmRssKb),
  rssize: num('RSS', 5, (t) => t.vmRssKb),
  rsz: num('RSZ', 5, (t) => t.vmRssKb),
  ruser: { ...user, header: 'RUSER' },
  s: { header: 'S', width: 1, just: 'left', pr: (t) => t.state },
  sess: num('SESS', 5, (t) => t.session, true),
  session: num('SESS', 5, (t) => t.session, true),
  sid: num('SID', 5, (t) => t.session, true),
  start: { header: 'STARTED', width: 8, just: 'right', pr: start },
  start_time: { header: 'START', width: 5, just: 'right', pr: stime },
  stat: { header: 'STAT', width: 4, just: 'left', pr: stat },
  state: { header: 'S', width: 1, just: 'left', pr: (t) => t.state },
  stime: { header: 'STIME', width: 5, just: 'right', pr: stime },
  sz: num('SZ', 5, (t) => Math.floor(t.vmSizeKb / 4)),
  time: { header: 'TIME', width: 8, just: 'right', pr: cputime },
  tname: tty('TTY'),
  tpgid: num('TPGID', 5, (t) => t.tpgid, true),
  tt: tty('TT'),
  tty: tty('TT'),
  ucmd: comm('CMD'),
  ucomm: comm('COMMAND'),
  uid: num('UID', 5, (t) => t.euid),
  uid_hack: { ...user, header: 'UID' },
  uname: user,
  user,
  vsize: num('VSZ', 6, (t) => t.vmSizeKb),
  vsz: num('VSZ', 6, (t) => t.vmSizeKb),
  wchan: { header: 'WCHAN', width: 6, just: 'wchan', pr: (t, c, m) => cut(c.wchan(t), m) },
};

/** The format macros ps's own options stand for (output.c macro_array, sortformat.c). */
export const FORMATS = {
  sysv: 'pid,tname,time,ucmd',
  bsd: 'pid,tname,stat,bsdtime,args',
  full: 'uid_hack,pid,ppid,c,stime,tname,time,cmd',
  long: 'f,s,uid,pid,ppid,c,opri,ni,addr_1,sz,wchan,tname,time,ucmd',
  fullLong: 'f,s,uid_hack,pid,ppid,c,opri,ni,addr_1,sz,wchan,stime,tname,time,cmd',
  user: 'user,pid,pcpu,pmem,vsz,rss,tname,stat,start_time,bsdtime,args',
  jobs: 'pid,pgid,sid,tname,time,ucmd',
} as const;
