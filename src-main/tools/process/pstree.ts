// pstree (psmisc 23.6): the process tree from /proc, drawn as dump_tree() draws it — children sorted
// by name, identical sibling subtrees merged as N*[name], lines cut with `+` at the output width.
// Line drawing is ASCII unless -U asks for UTF-8 (the host's locale is C).
import { defineTool, type ToolRun } from '../tool';
import { readWhole } from '../common';
import { getopt, type LongOpt } from './getopt';
import { listPids, readUsers } from './procps';
import { ASCII, Printer, UTF, type Proc } from './pstree-draw';

const USAGE = `Usage: pstree [-acglpsStTuZ] [ -h | -H PID ] [ -n | -N type ]
              [ -A | -G | -U ] [ PID | USER ]
   or: pstree -V

Display a tree of processes.

  -a, --arguments     show command line arguments
  -A, --ascii         use ASCII line drawing characters
  -c, --compact-not   don't compact identical subtrees
  -g, --show-pgids    show process group ids; implies -c
  -l, --long          don't truncate long lines
  -n, --numeric-sort  sort output by PID
  -p, --show-pids     show PIDs; implies -c
  -u, --uid-changes   show uid transitions
  -U, --unicode       use UTF-8 (Unicode) line drawing characters
  -V, --version       display version information

  PID    start at this PID; default is 1 (init)
  USER   show only trees rooted at processes of this user

`;

const LONG: LongOpt[] = ['arguments:a', 'ascii:A', 'compact-not:c', 'show-pgids:g', 'long:l', 'numeric-sort:n', 'show-pids:p', 'uid-changes:u', 'unicode:U', 'version:V', 'hide-threads:T', 'show-parents:s'].map((s) => {
  const [name, key] = s.split(':') as [string, string];
  return { name, key, arg: false };
});

/** set_args(): the words after argv[0], counting NULs as the C loop does. */
function setArgs(raw: string): string[] | null {
  if (raw === '') return null;
  const buf = `${raw}\0`;
  let argc = 0;
  for (let i = 0; i < buf.length - 1; i++) {
    if (buf[i] !== '\0') continue;
    argc++;
    while (buf[i] === '\0' && i < buf.length - 1) i++;
  }
  return buf.slice(buf.indexOf('\0') + 1).split('\0').slice(0, argc);
}

async function readTree(t: ToolRun, withArgs: boolean): Promise<Map<number, Proc>> {
  const procs = new Map<number, Proc>();
  const parents = new Map<number, number>();
  for (const pid of listPids(t)) {
    const st = t.sys.stat(`/proc/${pid}`);
    const stat = await readWhole(t, `/proc/${pid}/stat`);
    if (!st.ok || !stat.ok) continue;
    const open = stat.value.indexOf('(');
    const close = stat.value.lastIndexOf(')');
    const f = stat.value.slice(close + 2).split(' ');
    const cmdline = withArgs ? await readWhole(t, `/proc/${pid}/cmdline`) : null;
    procs.set(pid, { pid, comm: stat.value.slice(open + 1, close), pgid: Number(f[2]), uid: st.value.uid, argv: cmdline?.ok ? setArgs(cmdline.value) : null, children: [] });
    parents.set(pid, Number(f[1]));
  }
  return linkTree(procs, parents);
}

function linkTree(procs: Map<number, Proc>, parents: Map<number, number>): Map<number, Proc> {
  for (const p of procs.values()) {
    const parent = procs.get(parents.get(p.pid) ?? 0);
    if (parent && parent !== p) parent.children.push(p);
  }
  return procs;
}

function sortChildren(p: Proc, byPid: boolean): void {
  p.children.sort((a, b) => (byPid ? a.pid - b.pid : a.comm < b.comm ? -1 : a.comm > b.comm ? 1 : a.uid - b.uid || a.pid - b.pid));
  for (const c of p.children) sortChildren(c, byPid);
}

export const pstree = defineTool({
  name: 'pstree',
  summary: 'display a tree of processes',
  async run(t) {
    const parsed = getopt(t.args, 'aAcglnpsTuUV', LONG);
    if ('error' in parsed || parsed.operands.length > 1) {
      await t.err(`${'error' in parsed ? `pstree: ${parsed.error}\n` : ''}${USAGE}`);
      return 1;
    }
    const k = new Set(parsed.opts.map((o) => o.key));
    if (k.has('V')) {
      await t.err('pstree (PSmisc) 23.6\nCopyright (C) 1993-2022 Werner Almesberger and Craig Small\n\nPSmisc comes with ABSOLUTELY NO WARRANTY.\nThis is free software, and you are welcome to redistribute it under\nthe terms of the GNU General Public License.\nFor more information about these matters, see the files named COPYING.\n');
      return 0;
    }
    const users = await readUsers(t);
    const operand = parsed.operands[0];
    let rootPid = 1;
    let owner: number | undefined;
    if (operand !== undefined) {
      if (/^\d/.test(operand)) {
        if (!/^\d+$/.test(operand)) {
          await t.err(USAGE);
          return 1;
        }
        rootPid = Number(operand);
      } else if ((owner = users.uid(operand)) === undefined) {
        await t.err(`No such user name: ${operand}\n`);
        return 1;
      }
    }
    const procs = await readTree(t, k.has('a'));
    const root = procs.get(1);
    if (root) sortChildren(root, k.has('n'));
    const env = Number(t.vars.COLUMNS);
    const printer = new Printer({
      args: k.has('a'),
      compact: !k.has('c') && !k.has('p'),
      pids: k.has('p'),
      pgids: k.has('g'),
      uidChanges: k.has('u'),
      trunc: !k.has('l'),
      width: Number.isInteger(env) && env > 0 ? env : 132,
      sym: k.has('U') ? UTF : ASCII,
      name: (uid) => users.name(uid) ?? String(uid),
    });
    if (owner === undefined) {
      const start = procs.get(rootPid);
      if (start) printer.dump(start, 0, 1, true, true, 0, 0);
    } else {
      const byUser = (p: Proc, found: { any: boolean }) => {
        if (p.uid === owner) {
          if (found.any) printer.out += '\n';
          printer.dump(p, 0, 1, true, true, owner, 0);
          found.any = true;
          return;
        }
        for (const c of p.children) byUser(c, found);
      };
      const found = { any: false };
      if (root) byUser(root, found);
      if (!found.any) {
        await t.err('No processes found.\n');
        return 1;
      }
    }
    await t.out(printer.out);
    return 0;
  },
});
