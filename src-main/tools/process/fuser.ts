// fuser (psmisc 23.6): which processes use the named files or (with -m) file systems. As the real
// tool does, the pids go to stdout and everything else — names, access letters, the -v table —
// to stderr, so `pids=$(fuser f)` works.
import { defineTool, type ToolRun } from '../tool';
import { readWhole, strerror } from '../common';
import { listPids, readUsers } from './procps';
import { signalByName } from './signals';
import type { Signal, Stat } from '../../host';

const NAME_FIELD = 20;
/** Rows start two columns past the header in psmisc 23.6 as captured (reference §5.2). */
const ROW_FIELD = NAME_FIELD + 2;
const ACCESS = { file: 1, root: 2, cwd: 4, exe: 8, mmap: 16, filewr: 32 } as const;

export const SIGNAL_NAMES =
  'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\nCHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n';

const USAGE = `Usage: fuser [-fIMuvw] [-a|-s] [-4|-6] [-c|-m|-n SPACE]
             [-k [-i] [-SIGNAL]] NAME...
       fuser -l
       fuser -V
Show which processes use the named files, sockets, or filesystems.

  -a,--all              display unused files too
  -i,--interactive      ask before killing (ignored without -k)
  -I,--inode            use always inodes to compare files
  -k,--kill             kill processes accessing the named file
  -l,--list-signals     list available signal names
  -m,--mount            show all processes using the named filesystems or
                        block device
  -M,--ismountpoint     fulfill request only if NAME is a mount point
  -n,--namespace SPACE  search in this name space (file, udp, or tcp)
  -s,--silent           silent operation
  -SIGNAL               send this signal instead of SIGKILL
  -u,--user             display user IDs
  -v,--verbose          verbose output
  -w,--writeonly        kill only processes with write access
  -V,--version          display version information
  udp/tcp names: [local_port][,[rmt_host][,[rmt_port]]]

`;

interface Match {
  pid: number;
  uid: number;
  access: number;
  /** a kernel mount, shown as `kernel` with the mount point as its command */
  mount?: string;
  command: string;
}

interface Name {
  arg: string;
  dev: { major: number; minor: number };
  ino: number;
  /** -m: every file of the device */
  whole: boolean;
  matches: Match[];
}

const LONG: Record<string, string> = { all: 'a', interactive: 'i', inode: 'I', kill: 'k', 'list-signals': 'l', mount: 'm', ismountpoint: 'M', silent: 's', user: 'u', verbose: 'v', writeonly: 'w', version: 'V' };

const sameDev = (a: Stat['dev'], b: Stat['dev']) => a.major === b.major && a.minor === b.minor;

async function scan(t: ToolRun, names: Name[]): Promise<void> {
  const add = async (n: Name, pid: number, uid: number, access: number) => {
    const found = n.matches.find((m) => m.pid === pid && m.mount === undefined);
    if (found) return void (found.access |= access);
    const stat = await readWhole(t, `/proc/${pid}/stat`);
    const command = stat.ok ? stat.value.slice(stat.value.indexOf('(') + 1, stat.value.lastIndexOf(')')).slice(0, 15) : '???';
    n.matches.push({ pid, uid, access, command });
  };
  const hits = (n: Name, st: Stat) => (n.whole ? sameDev(st.dev, n.dev) : sameDev(st.dev, n.dev) && st.ino === n.ino);
  for (const pid of listPids(t)) {
    if (pid === t.pid) continue;
    const own = t.sys.stat(`/proc/${pid}`);
    if (!own.ok) continue;
    const uid = own.value.uid;
    for (const [entry, bit] of [['exe', ACCESS.exe], ['root', ACCESS.root], ['cwd', ACCESS.cwd]] as const) {
      const st = t.sys.stat(`/proc/${pid}/${entry}`);
      if (st.ok) for (const n of names) if (hits(n, st.value)) await add(n, pid, uid, bit);
    }
    const fds = t.sys.readdir(`/proc/${pid}/fd`);
    for (const e of fds.ok ? fds.value : []) {
      const st = t.sys.stat(`/proc/${pid}/fd/${e.name}`);
      if (!st.ok) continue;
      for (const n of names) {
        if (!hits(n, st.value)) continue;
        const info = await readWhole(t, `/proc/${pid}/fdinfo/${e.name}`);
        const flags = info.ok ? parseInt(/^flags:\s+(\d+)/m.exec(info.value)?.[1] ?? '0', 8) : 0;
        await add(n, pid, uid, ACCESS.file | (flags & 3 ? ACCESS.filewr : 0));
      }
    }
    const maps = await readWhole(t, `/proc/${pid}/maps`);
    for (const line of maps.ok ? maps.value.split('\n') : []) {
      const m = /^\S+\s+\S+\s+\S+\s+([0-9a-f]+):([0-9a-f]+)\s+(\d+)/.exec(line);
      if (!m) continue;
      const st = { dev: { major: parseInt(m[1]!, 16), minor: parseInt(m[2]!, 16) }, ino: Number(m[3]) } as Stat;
      for (const n of names) if (hits(n, st)) await add(n, pid, uid, ACCESS.mmap);
    }
  }
  // scan_mounts(): the kernel holds a mounted file system (or a mount point) as a special entry.
  const mounts = await readWhole(t, '/proc/mounts');
  for (const line of mounts.ok ? mounts.value.split('\n') : []) {
    const dir = line.split(' ')[1];
    const st = dir ? t.sys.stat(dir) : null;
    if (!dir || !st?.ok) continue;
    for (const n of names)
      if ((n.whole && sameDev(st.value.dev, n.dev)) || (!n.whole && sameDev(st.value.dev, n.dev) && st.value.ino === n.ino))
        if (!n.matches.some((m) => m.mount !== undefined)) n.matches.unshift({ pid: 0, uid: 0, access: 0, mount: dir, command: dir });
  }
}

function accessText(m: Match, verbose: boolean): string {
  const a = m.access;
  if (verbose)
    return `${a & ACCESS.file ? (a & ACCESS.filewr ? 'F' : 'f') : '.'}${a & ACCESS.root ? 'r' : '.'}${a & ACCESS.cwd ? 'c' : '.'}${a & ACCESS.exe ? 'e' : '.'}${a & ACCESS.mmap && !(a & ACCESS.exe) ? 'm' : '.'}`;
  return `${a & ACCESS.root ? 'r' : ''}${a & ACCESS.cwd ? 'c' : ''}${a & ACCESS.exe ? 'e' : a & ACCESS.mmap ? 'm' : ''}`;
}

export const fuser = defineTool({
  name: 'fuser',
  summary: 'identify processes using files or sockets',
  async run(t) {
    const flags = new Set<string>();
    let signal: Signal | 0 = 'SIGKILL';
    const args: string[] = [];
    const bad = async (msg: string | null) => (await t.err(`${msg === null ? '' : `${msg}\n`}${USAGE}`), 1);
    for (const a of t.args) {
      if (!a.startsWith('-') || a === '-') {
        args.push(a);
        continue;
      }
      if (a.startsWith('--')) {
        const key = LONG[a.slice(2)];
        if (!key) {
          await t.err(`fuser: Invalid option ${a}\n`);
          return bad(null);
        }
        flags.add(key);
        continue;
      }
      for (let i = 1; i < a.length; i++) {
        const c = a[i]!;
        if ('aiIklmMsuvwcf'.includes(c)) flags.add(c === 'c' ? 'm' : c);
        else if (c === 'V') {
          await t.err('fuser (PSmisc) 23.6\nCopyright (C) 1993-2022 Werner Almesberger and Craig Small\n\nPSmisc comes with ABSOLUTELY NO WARRANTY.\nThis is free software, and you are welcome to redistribute it under\nthe terms of the GNU General Public License.\nFor more information about these matters, see the files named COPYING.\n');
          return 0;
        } else if (c === 'h') return bad(null);
        else if (/[A-Z0-9]/.test(c)) {
          const name = a.slice(1).replace(/^SIG/, '');
          const s = /^\d+$/.test(name) ? signalByName(name) : /^[A-Z]+$/.test(name) ? signalByName(name) : undefined;
          if (s === undefined) {
            await t.err(`${name}: unknown signal; ${t.argv[0]} -l lists signals.\n`);
            return 1;
          }
          signal = s;
          break;
        } else {
          await t.err(`${t.argv[0]}: Invalid option ${c}\n`);
          return bad(null);
        }
      }
    }
    if (flags.has('l')) return (await t.out(SIGNAL_NAMES), 0);
    if (!args.length) return bad('No process specification given');
    const names: Name[] = [];
    for (const arg of args) {
      const st = t.sys.stat(arg);
      if (!st.ok) {
        await t.err(st.errno === 'ENOENT' ? `Specified filename ${arg} does not exist.\n` : `Cannot stat ${arg}: ${strerror(st.errno)}\n`);
        continue;
      }
      const whole = flags.has('m');
      names.push({ arg, dev: whole && st.value.type === 'blk' ? st.value.rdev : st.value.dev, ino: st.value.ino, whole, matches: [] });
    }
    await scan(t, names);
    return report(t, names, flags, signal);
  },
});

async function report(t: ToolRun, names: Name[], flags: Set<string>, signal: Signal | 0): Promise<number> {
  const verbose = flags.has('v') && !flags.has('s');
  const users = await readUsers(t);
  let head = false;
  let matched = false;
  let killed = false;
  for (const n of names) {
    const shown = n.matches.filter((m) => verbose || m.mount === undefined);
    if (!flags.has('s') && (shown.length || flags.has('a'))) {
      if (verbose && !head) {
        await t.err(`${' '.repeat(NAME_FIELD)} USER        PID ACCESS COMMAND\n`);
        head = true;
      }
      let len = n.arg.length + 1;
      await t.err(`${n.arg}:`);
      for (const [i, m] of shown.entries()) {
        let pad = '';
        if (len > ROW_FIELD && verbose) {
          pad = '\n';
          len = 0;
        }
        if (verbose || i === 0) pad += ' '.repeat(Math.max(0, ROW_FIELD - len));
        const user = users.name(m.uid) ?? '(unknown)';
        await t.err(verbose ? `${pad} ${user.padEnd(8)} ` : pad);
        await t.out(m.mount !== undefined ? 'kernel' : ` ${String(m.pid).padStart(5)}`);
        if (verbose) await t.err(m.mount !== undefined ? ` mount ${m.command}\n` : ` ${accessText(m, true)} ${m.command}\n`);
        else await t.err(`${accessText(m, false)}${flags.has('u') ? `(${user})` : ''}`);
        len = 0;
      }
      if (!verbose || (!shown.length && flags.has('a'))) await t.err('\n');
    }
    // have_match: anything printed (specials only with -v); silent mode counts real processes.
    if (flags.has('s') ? n.matches.some((m) => m.mount === undefined) : shown.length > 0) matched = true;
    if (flags.has('k'))
      for (const m of n.matches) {
        if (m.mount !== undefined || m.pid === t.pid || (flags.has('w') && !(m.access & ACCESS.filewr))) continue;
        const r = t.sys.kill(m.pid, signal);
        if (r.ok) killed = true;
        else await t.err(`Could not kill process ${m.pid}: ${strerror(r.errno)}\n`);
      }
  }
  return (flags.has('k') ? killed : matched) ? 0 : 1;
}
