// pgrep and pkill (procps-ng 4.0.2 src/pgrep.c): select processes by an extended regular
// expression over the process name (or, with -f, the command line) and by attributes; list them
// or signal them. Neither ever selects itself.
import { defineTool, type ToolRun } from '../tool';
import { strerror } from '../common';
import { getopt, type LongOpt } from './getopt';
import { commandLine, ereRegExp, readTasks, readUsers, splitList, ttyName, type Task } from './procps';
import { signalByName } from './signals';
import type { Signal } from '../../host';

type Mode = 'pgrep' | 'pkill';

function usage(mode: Mode): string {
  const own =
    mode === 'pgrep'
      ? ' -d, --delimiter <string>  specify output delimiter\n -l, --list-name           list PID and process name\n -a, --list-full           list PID and full command line\n -v, --inverse             negates the matching\n'
      : ' -<sig>, --signal <sig>    signal to send (either number or name)\n -e, --echo                display what is killed\n';
  return (
    `\nUsage:\n ${mode} [options] <pattern>\n\nOptions:\n${own}` +
    ' -c, --count               count of matching processes\n' +
    ' -f, --full                use full process name to match\n' +
    ' -g, --pgroup <PGID,...>   match listed process group IDs\n' +
    ' -i, --ignore-case         match case insensitively\n' +
    ' -n, --newest              select most recently started\n' +
    ' -o, --oldest              select least recently started\n' +
    ' -P, --parent <PPID,...>   match only child processes of the given parent\n' +
    ' -s, --session <SID,...>   match session IDs\n' +
    ' -t, --terminal <tty,...>  match by controlling terminal\n' +
    ' -u, --euid <ID,...>       match by effective IDs\n' +
    ' -U, --uid <ID,...>        match by real IDs\n' +
    ' -x, --exact               match exactly with the command name\n' +
    ' -r, --runstates <state>   match runstates [D,S,Z,...]\n' +
    `\n -h, --help     display this help and exit\n -V, --version  output version information and exit\n\nFor more details see ${mode}(1).\n`
  );
}

const LONG: LongOpt[] = [
  ['signal', true, 'signal'], ['count', false, 'c'], ['delimiter', true, 'd'], ['list-name', false, 'l'], ['list-full', false, 'a'],
  ['full', false, 'f'], ['pgroup', true, 'g'], ['ignore-case', false, 'i'], ['newest', false, 'n'], ['oldest', false, 'o'],
  ['parent', true, 'P'], ['session', true, 's'], ['terminal', true, 't'], ['euid', true, 'u'], ['uid', true, 'U'],
  ['inverse', false, 'v'], ['exact', false, 'x'], ['echo', false, 'e'], ['runstates', true, 'r'], ['help', false, 'h'], ['version', false, 'V'],
].map(([name, arg, key]) => ({ name: name as string, arg: arg as boolean, key: key as string }));

interface Criteria {
  test: Array<(t: Task) => boolean>;
  count: number;
}

async function run(t: ToolRun, mode: Mode): Promise<number> {
  const args = [...t.args];
  let signal: Signal | 0 | null = 'SIGTERM';
  if (mode === 'pkill') {
    // signal_option(): the first -NAME or -NUMBER word that names a signal.
    const at = args.findIndex((a) => a.startsWith('-') && signalByName(a.slice(1)) !== undefined);
    if (at >= 0) signal = signalByName(args.splice(at, 1)[0]!.slice(1))!;
  }
  const parsed = getopt(args, mode === 'pgrep' ? 'lad:vwcfinoxP:g:s:u:U:t:r:hV' : 'eq:cfinoxP:g:s:u:U:t:r:hV', LONG.filter((l) => (mode === 'pgrep' ? l.key !== 'e' && l.key !== 'signal' : !'dlav'.includes(l.key))));
  const bad = async (msg: string) => {
    await t.err(`${mode}: ${msg}\n${usage(mode)}`);
    return 2;
  };
  if ('error' in parsed) return bad(parsed.error);
  const users = await readUsers(t);
  const c: Criteria = { test: [], count: 0 };
  let delim = '\n';
  const flags = new Set<string>();
  for (const o of parsed.opts) {
    const list = splitList(o.arg ?? '');
    const nums = () => {
      const bad1 = list.find((n) => !/^\d+$/.test(n));
      return bad1 === undefined ? list.map(Number) : `not a number: ${bad1}`;
    };
    switch (o.key) {
      case 'h':
        await t.out(usage(mode));
        return 0;
      case 'V':
        await t.out(`${mode} from procps-ng 4.0.2\n`);
        return 0;
      case 'signal':
        // signal_name_to_number() or atoi(); an unknown name makes every kill(2) fail with EINVAL.
        signal = signalByName(o.arg!) ?? null;
        break;
      case 'd':
        delim = o.arg!;
        break;
      case 'u':
      case 'U': {
        const ids: number[] = [];
        for (const u of list) {
          const id = /^\d+$/.test(u) ? Number(u) : users.uid(u);
          if (id === undefined) return bad(`invalid user name: ${u}`);
          ids.push(id);
        }
        c.test.push((task) => ids.includes(task.euid));
        c.count++;
        break;
      }
      case 'P':
      case 'g':
      case 's': {
        const ns = nums();
        if (typeof ns === 'string') return bad(ns);
        const field = (task: Task) => (o.key === 'P' ? task.ppid : o.key === 'g' ? task.pgrp : task.session);
        c.test.push((task) => ns.includes(field(task)));
        c.count++;
        break;
      }
      case 't':
        c.test.push((task) => list.includes(ttyName(task.ttyNr)));
        c.count++;
        break;
      case 'r':
        c.test.push((task) => o.arg!.includes(task.state));
        c.count++;
        break;
      default:
        if ('nov'.includes(o.key) && (flags.has('n') || flags.has('o') || flags.has('v'))) {
          await t.err(usage(mode));
          return 2;
        }
        if (o.key === 'n' || o.key === 'o') c.count++;
        flags.add(o.key);
    }
  }
  if (parsed.operands.length > 1) return bad2(t, mode, 'only one pattern can be provided');
  const pattern = parsed.operands[0];
  if (pattern === undefined && c.count === 0) return bad2(t, mode, 'no matching criteria specified');
  const re = pattern === undefined ? null : ereRegExp(flags.has('x') ? `^(${pattern})$` : pattern, flags.has('i'));
  if (pattern !== undefined && !re) {
    await t.err(`${mode}: regex error: Invalid regular expression\n`);
    return 2;
  }
  let picked: Task[] = [];
  for (const task of await readTasks(t)) {
    if (task.pid === t.pid) continue;
    let match = c.test.every((f) => f(task));
    if (match && re) match = re.test(flags.has('f') ? commandLine(task) : task.comm);
    if (match !== flags.has('v')) picked.push(task);
  }
  const key = (x: Task) => x.startTicks * 1e7 + x.pid;
  if (flags.has('n') && picked.length) picked = [picked.reduce((a, b) => (key(b) > key(a) ? b : a))];
  if (flags.has('o') && picked.length) picked = [picked.reduce((a, b) => (key(b) < key(a) ? b : a))];
  if (!picked.length && !flags.has('f') && pattern !== undefined && pattern.length > 15)
    await t.err(`${mode}: pattern that searches for process name longer than 15 characters will result in zero matches\nTry \`${mode} -f' option to match against the complete command line.\n`);
  const label = (x: Task) => (flags.has('a') ? commandLine(x) : x.comm);
  if (mode === 'pgrep') {
    if (flags.has('c')) await t.out(`${picked.length}\n`);
    else if (picked.length) {
      const items = picked.map((x) => (flags.has('l') || flags.has('a') ? `${x.pid} ${label(x)}` : String(x.pid)));
      await t.out(items.join(delim) + '\n');
    }
    return picked.length ? 0 : 1;
  }
  let killed = 0;
  for (const x of picked) {
    const r = signal === null ? ({ ok: false, errno: 'EINVAL' } as const) : t.sys.kill(x.pid, signal);
    if (r.ok) {
      killed++;
      if (flags.has('e')) await t.out(`${x.comm} killed (pid ${x.pid})\n`);
    } else if (r.errno !== 'ESRCH') await t.err(`pkill: killing pid ${x.pid} failed: ${strerror(r.errno)}\n`);
  }
  if (flags.has('c')) await t.out(`${picked.length}\n`);
  return killed ? 0 : 1;
}

async function bad2(t: ToolRun, mode: Mode, msg: string): Promise<number> {
  await t.err(`${mode}: ${msg}\nTry \`${mode} --help' for more information.\n`);
  return 2;
}

export const pgrep = defineTool({ name: 'pgrep', summary: 'look up processes based on name and other attributes', run: (t) => run(t, 'pgrep') });
export const pkill = defineTool({ name: 'pkill', summary: 'signal processes based on name and other attributes', run: (t) => run(t, 'pkill') });
