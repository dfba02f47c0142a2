// lsof 4.95.0: list open files. Processes come from /proc in pid order; a file is listed when its
// process is selected (-p, -c, -u) or it is one of the named files (or on a named file system, or
// under +D) — both with -a. Columns are sized over everything listed, as print_file() does.
import { defineTool, type ToolRun } from '../tool';
import { readWhole, strerror } from '../common';
import { listPids, readUsers, splitList } from './procps';
import { readLocks, scanProcess, type LFile, type LProc } from './lsof-scan';

const USAGE = `lsof 4.95.0
 latest revision: https://github.com/lsof-org/lsof
 latest FAQ: https://github.com/lsof-org/lsof/blob/master/00FAQ
 latest (non-formatted) man page: https://github.com/lsof-org/lsof/blob/master/Lsof.8
 usage: [-?abhKlnNoOPRtUvVX] [+|-c c] [+|-d s] [+D D] [+|-E] [+|-e s] [+|-f[gG]]
 [-F [f]] [-g [s]] [-i [i]] [+|-L [l]] [+m [m]] [+|-M] [-o [o]] [-p s]
 [+|-r [t]] [-s [p:s]] [-S [t]] [-T [t]] [-u s] [+|-w] [-x [fl]] [--] [names]
`;

interface Spec<T> {
  value: T;
  exclude: boolean;
  found: boolean;
}

interface NameSpec {
  arg: string;
  dev: { major: number; minor: number };
  ino: number;
  rdev: { major: number; minor: number } | null;
  /** a mount point or a mounted block device: every file of that file system */
  fs: boolean;
  found: boolean;
}

interface Options {
  and: boolean;
  terse: boolean;
  cmdWidth: number;
  pids: Array<Spec<number>>;
  cmds: Array<Spec<string>>;
  users: Array<Spec<number>>;
  dirs: Array<Spec<string>>;
  /** -d: FD names and ranges */
  fds: Array<Spec<string>>;
  network: boolean;
  names: NameSpec[];
  /** a name could not be stat()ed (lsof's ErrStat) */
  errStat: boolean;
}

const specs = <T>(arg: string, conv: (s: string) => T): Array<Spec<T>> =>
  splitList(arg).map((s) => ({ value: conv(s.replace(/^\^/, '')), exclude: s.startsWith('^'), found: false }));

async function parse(t: ToolRun): Promise<Options | string> {
  const o: Options = { and: false, terse: false, cmdWidth: 9, pids: [], cmds: [], users: [], dirs: [], fds: [], network: false, names: [], errStat: false };
  const users = await readUsers(t);
  const args = [...t.args];
  const names: string[] = [];
  while (args.length) {
    const a = args.shift()!;
    if (a === '--') {
      names.push(...args.splice(0));
      break;
    }
    if (!/^[-+]./.test(a)) {
      names.push(a);
      continue;
    }
    const plus = a[0] === '+';
    for (let i = 1; i < a.length; i++) {
      const c = a[i]!;
      const rest = a.slice(i + 1);
      const arg = () => (rest !== '' ? rest : args.shift());
      if (!plus && 'abhlnNOPRVwXK'.includes(c)) {
        if (c === 'a') o.and = true;
        if (c === 'h') return 'usage';
        continue;
      }
      if (!plus && c === 't') {
        o.terse = true;
        continue;
      }
      if (!plus && c === 'i') {
        o.network = true;
        break;
      }
      if (plus && c === 'w') continue;
      const value = arg();
      if (value === undefined) return `lsof: no ${c === 'p' ? 'process ID' : c === 'u' ? 'user' : c === 'c' ? 'command' : 'argument'} specified for ${a[0]}${c}`;
      if (!plus && c === 'p') {
        const bad = splitList(value).find((p) => !/^\^?\d+$/.test(p));
        if (bad !== undefined) return `lsof: illegal process ID: ${bad}`;
        o.pids.push(...specs(value, Number));
      } else if (!plus && c === 'c') o.cmds.push(...specs(value, (s) => s));
      else if (!plus && c === 'u') {
        for (const u of splitList(value)) {
          const name = u.replace(/^\^/, '');
          const uid = /^\d+$/.test(name) ? Number(name) : users.uid(name);
          if (uid === undefined) return `lsof: can't get UID for ${name}`;
          o.users.push({ value: uid, exclude: u.startsWith('^'), found: false });
        }
      } else if (!plus && c === 'd') o.fds.push(...specs(value, (v) => v));
      else if (plus && c === 'c') o.cmdWidth = Number(value) === 0 ? 15 : Math.min(15, Number(value));
      else if (plus && c === 'D') o.dirs.push({ value: value.replace(/\/+$/, '') || '/', exclude: false, found: false });
      else return `lsof: illegal option character: ${c}`;
      break;
    }
  }
  const mounts = await readWhole(t, '/proc/mounts');
  const table = (mounts.ok ? mounts.value : '').split('\n').map((l) => l.split(' '));
  for (const n of names) {
    const path = n.length > 1 ? n.replace(/\/+$/, '') : n;
    const st = t.sys.stat(path);
    if (!st.ok) {
      await t.err(`lsof: status error on ${n}: ${strerror(st.errno)}\n`);
      o.errStat = true;
      continue;
    }
    const fs = table.some(([src, dir]) => dir === path || (st.value.type === 'blk' && src === path));
    const dev = st.value.type === 'blk' && fs ? st.value.rdev : st.value.dev;
    o.names.push({ arg: n, dev, ino: st.value.ino, rdev: st.value.type === 'chr' ? st.value.rdev : null, fs, found: false });
  }
  if (names.length && !o.names.length) return 'exit';
  return o;
}

const sameDev = (a?: { major: number; minor: number } | null, b?: { major: number; minor: number } | null) => !!a && !!b && a.major === b.major && a.minor === b.minor;

/** -d: `cwd`, `mem`, `3`, `0-2`; an exclusion (^) hides the file whatever else selects it. */
function fdMatch(list: Array<Spec<string>>, f: LFile): boolean {
  return list.some((s) => {
    const r = /^(\d+)-(\d+)$/.exec(s.value);
    return r ? /^\d+$/.test(f.fd) && Number(f.fd) >= Number(r[1]) && Number(f.fd) <= Number(r[2]) : s.value === f.fd;
  });
}

function nameMatch(o: Options, f: LFile): boolean | null {
  if (!o.names.length && !o.dirs.length && !o.network && !o.fds.some((s) => !s.exclude)) return null;
  let hit = false;
  const included = o.fds.filter((s) => !s.exclude);
  if (fdMatch(included, f)) hit = true;
  for (const n of o.names) {
    const m = n.fs ? sameDev(f.dev, n.dev) && f.type !== 'unknown' : (sameDev(f.dev, n.dev) && f.ino === n.ino) || (n.rdev !== null && sameDev(f.rdev, n.rdev));
    if (m) hit = n.found = true;
  }
  for (const d of o.dirs) if (f.name === d.value || f.name.startsWith(d.value === '/' ? '/' : `${d.value}/`)) hit = d.found = true;
  return hit;
}

function procMatch(o: Options, p: LProc): boolean | null {
  const checks: boolean[] = [];
  const test = <T>(list: Array<Spec<T>>, hit: (v: T) => boolean) => {
    if (list.some((s) => s.exclude && hit(s.value))) return false;
    const incl = list.filter((s) => !s.exclude);
    if (!incl.length) return true;
    const matched = incl.filter((s) => hit(s.value));
    for (const s of matched) s.found = true;
    checks.push(matched.length > 0);
    return true;
  };
  const ok = test(o.pids, (v) => v === p.pid) && test(o.cmds, (v) => p.cmd.startsWith(v)) && test(o.users, (v) => v === p.uid);
  if (!ok) return false;
  if (!checks.length) return null;
  return o.and ? checks.every(Boolean) : checks.some(Boolean);
}

function render(procs: LProc[], userName: (uid: number) => string, cmdWidth: number): string {
  const rows = procs.flatMap((p) => p.files.map((f) => ({ p, f })));
  const fdText = (f: LFile) => `${f.fd}${f.lock === ' ' ? f.access : f.access === ' ' ? '-' : f.access}${f.lock}`;
  const w = (min: number, get: (r: (typeof rows)[number]) => string) => Math.max(min, ...rows.map((r) => get(r).length));
  const cmd = w(7, (r) => r.p.cmd.slice(0, cmdWidth));
  const pid = w(3, (r) => String(r.p.pid));
  const user = w(4, (r) => userName(r.p.uid));
  const fd = w(2, (r) => fdText(r.f));
  const type = w(4, (r) => r.f.type);
  const dev = w(6, (r) => r.f.device);
  const size = w(8, (r) => r.f.sizeOff);
  const node = w(4, (r) => r.f.node);
  const lines = [`${'COMMAND'.padEnd(cmd)} ${'PID'.padStart(pid)} ${'USER'.padStart(user)} ${'FD'.padStart(fd - 2)}   ${'TYPE'.padStart(type)} ${'DEVICE'.padStart(dev)} ${'SIZE/OFF'.padStart(size)} ${'NODE'.padStart(node)} NAME`];
  for (const { p, f } of rows) {
    const t = fdText(f);
    lines.push(`${p.cmd.slice(0, cmdWidth).padEnd(cmd)} ${String(p.pid).padStart(pid)} ${userName(p.uid).padStart(user)} ${t.slice(0, -2).padStart(fd - 2)}${t.slice(-2)} ${f.type.padStart(type)} ${f.device.padStart(dev)} ${f.sizeOff.padStart(size)} ${f.node.padStart(node)} ${f.name}`);
  }
  return lines.join('\n') + '\n';
}

export const lsof = defineTool({
  name: 'lsof',
  summary: 'list open files',
  async run(t) {
    const o = await parse(t);
    if (o === 'exit') return 1;
    if (typeof o === 'string') {
      await t.err(`${o === 'usage' ? '' : `${o}\n`}${USAGE}${o === 'usage' ? '' : "Use the ``-h'' option to get more help information.\n"}`);
      return 1;
    }
    const users = await readUsers(t);
    const locks = await readLocks(t);
    const shown: LProc[] = [];
    for (const pid of listPids(t)) {
      const st = t.sys.stat(`/proc/${pid}`);
      if (!st.ok) continue;
      const p = await scanProcess(t, pid, st.value.uid, locks);
      if (!p) continue;
      const proc = procMatch(o, p);
      if (proc === false) continue;
      p.files = p.files.filter((f) => {
        if (fdMatch(o.fds.filter((x) => x.exclude), f)) return false;
        const file = nameMatch(o, f);
        if (proc === null && file === null) return true;
        if (o.and) return (proc ?? true) && (file ?? true);
        return proc === true || file === true;
      });
      if (p.files.length) shown.push(p);
    }
    if (o.terse) {
      if (shown.length) await t.out(shown.map((p) => `${p.pid}\n`).join(''));
    } else if (shown.length) await t.out(render(shown, (uid) => users.name(uid) ?? String(uid), o.cmdWidth));
    const missed = [...o.pids, ...o.cmds, ...o.users, ...o.dirs].some((s) => !s.exclude && !s.found) || o.names.some((n) => !n.found) || (o.network && !shown.length);
    return missed || o.errStat ? 1 : 0;
  },
});
