// top (procps-ng 4.0.2) in batch mode: the summary area (uptime and load, task states, CPU, memory)
// and the task table, sorted by %CPU, as `top -b` writes them — summary lines keep their trailing
// blanks, table lines lose them (PUFF), and the frame ends with a newline. The host has no
// full-screen mode, so top always runs as in batch mode.
import { defineTool, type ToolRun } from '../tool';
import { readWhole } from '../common';
import { getopt, type LongOpt } from './getopt';
import { gmtime, p2 } from './clock';
import { HZ, commandLine, readTasks, readUsers, splitList, type Task } from './procps';
import { delay as sleep } from '../jobs/timer';
import { NS_PER_SEC } from '../../host';

const HELP = `
Usage:
 top [options]

Options:
 -b, --batch-mode                run in non-interactive batch mode
 -c, --cmdline-toggle            reverse last remembered 'c' state
 -d, --delay =SECS [.TENTHS]     iterative delay as SECS [.TENTHS]
 -n, --iterations =NUMBER        exit on maximum iterations NUMBER
 -p, --pid =PIDLIST              monitor only the tasks in PIDLIST
 -U, --filter-any-user =USER     show only processes owned by USER
 -u, --filter-only-euser =USER   show only processes owned by USER
 -w, --width [=COLUMNS]          change print width [,use COLUMNS]

 -h, --help                      display this help text, then exit
 -V, --version                   output version information & exit

For more details see top(1).
`;

const LONG: LongOpt[] = ['batch-mode:b', 'cmdline-toggle:c', 'delay:d:', 'iterations:n:', 'pid:p:', 'filter-any-user:U:', 'filter-only-euser:u:', 'width:w', 'help:h', 'version:V'].map((s) => {
  const [name, key, arg] = s.split(':') as [string, string, string?];
  return { name, key, arg: arg !== undefined };
});

interface Mem {
  total: number;
  free: number;
  avail: number;
  buffCache: number;
  swapTotal: number;
  swapFree: number;
}

async function readMem(t: ToolRun): Promise<Mem> {
  const r = await readWhole(t, '/proc/meminfo');
  const get = (n: string) => Number(new RegExp(`^${n.replace(/[()]/g, '\\$&')}:\\s+(\\d+)`, 'm').exec(r.ok ? r.value : '')?.[1] ?? 0);
  const free = get('MemFree');
  return { total: get('MemTotal') || 1, free, avail: get('MemAvailable') || free, buffCache: get('Buffers') + get('Cached') + get('SReclaimable'), swapTotal: get('SwapTotal'), swapFree: get('SwapFree') };
}

/** prT(): `%#.1f ` in MiB, right-aligned in 9 (the `%9.9s` of MEMORY_line*_fmt). */
const mib = (kb: number) => `${(kb / 1024).toFixed(1)} `.padStart(9);

async function summary(t: ToolRun, tasks: Task[]): Promise<string> {
  const up = await readWhole(t, '/proc/uptime');
  const load = await readWhole(t, '/proc/loadavg');
  const secs = up.ok ? Math.floor(Number(up.value.split(' ')[0])) : 0;
  const now = gmtime(Math.floor(t.host.wallNs() / 1e9));
  const days = Math.floor(secs / 86400);
  const hours = Math.floor(secs / 3600) % 24;
  const mins = Math.floor(secs / 60) % 60;
  let uptime = ` ${p2(now.hour)}:${p2(now.min)}:${p2(now.sec)} up `;
  if (days) uptime += `${days} ${days > 1 ? 'days' : 'day'}, `;
  uptime += hours ? `${String(hours).padStart(2)}:${p2(mins)}, ` : `${mins} min, `;
  // count_users(): one login per session leader on a terminal.
  const users = tasks.filter((x) => x.session === x.pid && x.ttyNr !== 0).length;
  const [l1, l5, l15] = (load.ok ? load.value : '0 0 0').split(' ').map(Number);
  uptime += `${String(users).padStart(2)} ${users > 1 ? 'users' : 'user'},  load average: ${(l1 ?? 0).toFixed(2)}, ${(l5 ?? 0).toFixed(2)}, ${(l15 ?? 0).toFixed(2)}`;
  const count = (s: string) => tasks.filter((x) => s.includes(x.state)).length;
  const n3 = (n: number) => String(n).padStart(3);
  const pct = (n: number) => n.toFixed(1).padStart(5);
  const m = await readMem(t);
  return [
    `top -${uptime}`,
    `Tasks: ${n3(tasks.length)} total, ${n3(count('R'))} running, ${n3(count('SDI'))} sleeping, ${n3(count('T'))} stopped, ${n3(count('Z'))} zombie`,
    `%Cpu(s):${pct(0)} us,${pct(0)} sy,${pct(0)} ni,${pct(100)} id,${pct(0)} wa,${pct(0)} hi,${pct(0)} si,${pct(0)} st `,
    `MiB Mem : ${mib(m.total)}total, ${mib(m.free)}free, ${mib(m.total - m.avail)}used, ${mib(m.buffCache)}buff/cache     `,
    `MiB Swap: ${mib(m.swapTotal)}total, ${mib(m.swapFree)}free, ${mib(m.swapTotal - m.swapFree)}used. ${mib(m.avail)}avail Mem `,
  ].join('\n') + '\n';
}

/** make_str(): a value wider than its column keeps width-1 characters and a `+`. */
const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}+` : s);

async function table(t: ToolRun, tasks: Task[], cmdline: boolean, cols: number, memTotal: number): Promise<string> {
  const users = await readUsers(t);
  const pidMax = await readWhole(t, '/proc/sys/kernel/pid_max');
  const pw = Math.max(5, pidMax.ok ? pidMax.value.trim().length : 5);
  const fixed = [['PID', pw], ['USER', -8], ['PR', 3], ['NI', 3], ['VIRT', 7], ['RES', 6], ['SHR', 6], ['S', 1], ['%CPU', 5], ['%MEM', 5], ['TIME+', 9]] as const;
  const fixedLen = fixed.reduce((n, [, w]) => n + Math.abs(w) + 1, 0);
  const varcol = 'COMMAND'.length + cols - (fixedLen + 'COMMAND'.length + 1);
  const cell = (v: string, w: number) => (w < 0 ? fit(v, -w).padEnd(-w) : fit(v, w).padStart(w));
  const row = (values: string[]) => [...values.slice(0, fixed.length).map((v, i) => cell(v, fixed[i]![1])), fit(values[fixed.length] ?? '', varcol)].join(' ').trimEnd();
  const lines = [row([...fixed.map(([h]) => h), 'COMMAND'])];
  for (const x of tasks) {
    const statm = await readWhole(t, `/proc/${x.pid}/statm`);
    const [size = 0, res = 0, shr = 0] = (statm.ok ? statm.value : '').split(' ').map((n) => Number(n) * 4);
    const cs = Math.floor((x.ticks * 100) / HZ);
    const time = `${Math.floor(cs / 6000)}:${p2(Math.floor(cs / 100) % 60)}.${p2(cs % 100)}`;
    const pr = x.priority < -99 || x.priority > 999 ? 'rt' : String(x.priority);
    lines.push(row([String(x.pid), users.name(x.euid) ?? String(x.euid), pr, String(x.nice), String(size), String(res), String(shr), x.state, '0.0', ((res * 100) / memTotal).toFixed(1), time, cmdline ? commandLine(x) : x.comm]));
  }
  return lines.join('\n');
}

export const top = defineTool({
  name: 'top',
  summary: 'display Linux processes',
  async run(t) {
    // -w takes an optional width, in the next word too (top's GETOPTFIX).
    const args = [...t.args];
    let width: number | null = null;
    for (let i = 0; i < args.length; i++) {
      const m = /^(?:-w|--width)(?:=?(\d+))?$/.exec(args[i]!);
      if (!m) continue;
      const next = m[1] ?? (/^\d+$/.test(args[i + 1] ?? '') ? args.splice(i + 1, 1)[0] : undefined);
      width = next === undefined ? (Number(t.vars.COLUMNS) > 0 ? Number(t.vars.COLUMNS) : 512) : Number(next);
      args.splice(i--, 1);
    }
    const parsed = getopt(args, 'bcd:n:p:U:u:hV', LONG);
    if ('error' in parsed) {
      await t.err(`top: ${parsed.error}\n`);
      return 0;
    }
    let iterations = Infinity;
    let delay = 3;
    let cmdline = false;
    let pids: number[] | null = null;
    let user: string | null = null;
    const fatal = async (msg: string) => (await t.err(`top: ${msg}\n`), 1);
    for (const o of parsed.opts) {
      const arg = o.arg ?? '';
      if (o.key === 'h') return (await t.out(`${HELP.slice(0, -1)}\n`), 0);
      if (o.key === 'V') return (await t.out('top from procps-ng 4.0.2\n'), 0);
      if (o.key === 'c') cmdline = !cmdline;
      if (o.key === 'n') {
        if (!/^\d+(\.\d*)?$/.test(arg) || Number(arg) < 1) return fatal(`bad iterations argument '${arg}'`);
        iterations = Math.floor(Number(arg));
      }
      if (o.key === 'd') {
        if (!/^\d*(\.\d*)?$/.test(arg) || arg === '') return fatal(`bad delay interval '${arg}'`);
        delay = Number(arg);
      }
      if (o.key === 'p') {
        const bad = splitList(arg).find((p) => !/^\d+$/.test(p));
        if (bad !== undefined) return fatal(`bad pid '${bad}'`);
        pids = [...(pids ?? []), ...splitList(arg).map((p) => (Number(p) === 0 ? t.pid : Number(p)))];
      }
      if (o.key === 'u' || o.key === 'U') user = arg;
    }
    if (parsed.operands.length) return fatal(`unknown option '${parsed.operands[0]}'`);
    if (width !== null && (width < 3 || width > 512)) return fatal(`bad width arg '${width}'`);
    const cols = width ?? 80;
    const users = await readUsers(t);
    const uid = user === null ? null : /^\d+$/.test(user) ? Number(user) : users.uid(user);
    if (uid === undefined) return fatal('Invalid user');
    const mem = await readMem(t);
    for (let frame = 0; frame < iterations && !t.signal.aborted; frame++) {
      if (frame > 0 && !(await sleep(t, delay * NS_PER_SEC, t.signal))) break;
      const all = await readTasks(t);
      const shown = all.filter((x) => (pids === null || pids.includes(x.pid)) && (uid === null || x.euid === uid));
      shown.sort((a, b) => b.ticks - a.ticks);
      await t.out((frame > 0 ? '\n\n' : '') + (await summary(t, all)) + '\n' + (await table(t, shown, cmdline, cols, mem.total)));
    }
    await t.out('\n');
    return 0;
  },
});
