// killall (psmisc 23.6): signal processes by name — the 15-character comm, or for a long name the
// basename of argv[0] — by user, or by regular expression. Messages go to stderr as psmisc's do.
import { defineTool, type ToolRun } from '../tool';
import { strerror } from '../common';
import { ereRegExp, listPids, readTask, readUsers, type Task } from './procps';
import { signalByName, signalNum } from './signals';
import { SIGNAL_NAMES } from './fuser';
import type { Signal } from '../../host';

const USAGE = `Usage: killall [OPTION]... [--] NAME...
       killall -l, --list
       killall -V, --version

  -e,--exact          require exact match for very long names
  -I,--ignore-case    case insensitive process name match
  -q,--quiet          don't print complaints
  -r,--regexp         interpret NAME as an extended regular expression
  -s,--signal SIGNAL  send this signal instead of SIGTERM
  -u,--user USER      kill only process(es) running as USER
  -v,--verbose        report if the signal was successfully sent
  -V,--version        display version information

`;

const COMM_LEN = 15;

interface Opts {
  exact: boolean;
  ignoreCase: boolean;
  quiet: boolean;
  regex: boolean;
  verbose: boolean;
  signal: Signal | 0;
  uid: number | null;
  names: string[];
}

async function parse(t: ToolRun): Promise<Opts | number> {
  const o: Opts = { exact: false, ignoreCase: false, quiet: false, regex: false, verbose: false, signal: 'SIGTERM', uid: null, names: [] };
  const args = [...t.args];
  const sig = async (spec: string) => {
    const s = signalByName(spec.replace(/^SIG/, ''));
    if (s === undefined || (!/^\d+$/.test(spec) && spec !== spec.toUpperCase())) {
      await t.err(`${spec.replace(/^SIG/, '')}: unknown signal; killall -l lists signals.\n`);
      return false;
    }
    o.signal = s;
    return true;
  };
  const user = async (name: string) => {
    const users = await readUsers(t);
    const uid = /^\d+$/.test(name) ? Number(name) : users.uid(name);
    if (uid === undefined) {
      await t.err(`Cannot find user ${name}\n`);
      return false;
    }
    o.uid = uid;
    return true;
  };
  const long: Record<string, string> = { exact: 'e', 'ignore-case': 'I', quiet: 'q', regexp: 'r', verbose: 'v', version: 'V', 'list-signals': 'l', wait: 'w' };
  while (args.length) {
    const a = args.shift()!;
    if (a === '--') {
      o.names.push(...args.splice(0));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      o.names.push(a);
      continue;
    }
    const word = a.replace(/^--?/, '');
    const [lname, lval] = word.split('=', 2) as [string, string?];
    if (lname === 'signal' || lname === 'user') {
      const v = lval ?? args.shift();
      if (v === undefined || !(lname === 'signal' ? await sig(v) : await user(v))) return 1;
      continue;
    }
    if (a.startsWith('--') || (long[lname] && word.length > 1)) {
      const k = long[lname];
      if (!k) return (await t.err(USAGE), 1);
      if (k === 'l') return (await t.out(SIGNAL_NAMES), 0);
      if (k === 'V') return (await t.err('killall (PSmisc) 23.6\n'), 0);
      applyFlag(o, k);
      continue;
    }
    if (/^-([A-Z]|\d)/.test(a) && a !== '-I' && a !== '-V') {
      if (!(await sig(a.slice(1)))) return 1;
      continue;
    }
    for (let i = 1; i < a.length; i++) {
      const c = a[i]!;
      if (c === 's' || c === 'u') {
        const v = a.slice(i + 1) || args.shift();
        if (v === undefined || !(c === 's' ? await sig(v) : await user(v))) return v === undefined ? (await t.err(USAGE), 1) : 1;
        break;
      }
      if (c === 'l') return (await t.out(SIGNAL_NAMES), 0);
      if (c === 'V') return (await t.err('killall (PSmisc) 23.6\n'), 0);
      if (!'eIqrvwig'.includes(c)) return (await t.err(USAGE), 1);
      applyFlag(o, c);
    }
  }
  if (!o.names.length && o.uid === null) return (await t.err(USAGE), 1);
  return o;
}

function applyFlag(o: Opts, k: string): void {
  if (k === 'e') o.exact = true;
  if (k === 'I') o.ignoreCase = true;
  if (k === 'q') o.quiet = true;
  if (k === 'r') o.regex = true;
  if (k === 'v') o.verbose = true;
}

/** match_process_name(): full comm, or the long argv[0] basename when comm was cut at 15. */
function matches(o: Opts, task: Task, name: string, long: string | null): boolean {
  const eq = (a: string, b: string) => (o.ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b);
  if (o.regex) return ereRegExp(name, o.ignoreCase)?.test(long ?? task.comm) ?? false;
  if (task.comm.length === COMM_LEN && name.length >= COMM_LEN) return long !== null ? eq(name, long) : eq(name.slice(0, COMM_LEN), task.comm);
  return eq(name, task.comm);
}

export const killall = defineTool({
  name: 'killall',
  summary: 'kill processes by name',
  async run(t) {
    const o = await parse(t);
    if (typeof o === 'number') return o;
    const badRe = o.regex ? o.names.find((n) => !ereRegExp(n, o.ignoreCase)) : undefined;
    if (badRe !== undefined) return (await t.err(`killall: Bad regular expression: ${badRe}\n`), 1);
    const found = new Set<number>();
    let killed = 0;
    for (const pid of listPids(t)) {
      if (pid === t.pid) continue;
      const task = await readTask(t, pid);
      if (!task || (o.uid !== null && task.euid !== o.uid)) continue;
      let long: string | null = null;
      if (task.comm.length === COMM_LEN) {
        const base = (task.argv[0] ?? '').replace(/.*\//, '');
        if (base.startsWith(task.comm)) long = base;
        else if (o.exact) continue;
      }
      const which = o.names.findIndex((n) => matches(o, task, n, long));
      if (o.names.length && which < 0) continue;
      const r = t.sys.kill(pid, o.signal);
      const label = long ?? task.comm;
      if (r.ok) {
        if (o.verbose) await t.err(`Killed ${label}(${pid}) with signal ${signalNum(o.signal)}\n`);
        if (which >= 0) found.add(which);
        killed++;
      } else if (r.errno !== 'ESRCH') await t.err(`${label}(${pid}): ${strerror(r.errno)}\n`);
    }
    if (!o.quiet) for (const [i, n] of o.names.entries()) if (!found.has(i)) await t.err(`${n}: no process found\n`);
    if (o.names.length) return found.size === o.names.length ? 0 : 1;
    return killed ? 0 : 1;
  },
});
