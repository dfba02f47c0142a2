// id(1) and whoami(1) from coreutils: the caller's credentials (getuid & co., read from
// /proc/self/status) or a user's entry in /etc/passwd, with names from /etc/passwd and /etc/group.
import { defineTool, type ToolRun } from '../tool';
import { complain, usageError } from '../common';
import { groupDb, passwd, selfCreds, type GroupEntry, type PasswdEntry } from './ids';

const quote = (s: string) => `‘${s}’`;

interface Who {
  ruid: number;
  euid: number;
  rgid: number;
  egid: number;
  groups: number[];
}

/** getgrouplist(): the primary group first, then every group naming the user as a member. */
function groupList(user: PasswdEntry, groups: GroupEntry[]): number[] {
  const list = [user.gid];
  for (const g of groups) if (g.members.includes(user.name) && !list.includes(g.gid)) list.push(g.gid);
  return list;
}

async function runId(t: ToolRun): Promise<number> {
  const flags = { u: false, g: false, G: false, n: false, r: false };
  const users: string[] = [];
  const long: Record<string, keyof typeof flags> = { '--user': 'u', '--group': 'g', '--groups': 'G', '--name': 'n', '--real': 'r' };
  for (const a of t.args) {
    if (long[a]) flags[long[a]] = true;
    else if (a === '-a') continue;
    else if (a.startsWith('--')) return usageError(t, `unrecognized option '${a}'`);
    else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (c === 'a') continue;
        if (!(c in flags)) return usageError(t, `invalid option -- '${c}'`);
        flags[c as keyof typeof flags] = true;
      }
    } else users.push(a);
  }
  if (users.length > 1) return usageError(t, `extra operand ${quote(users[1]!)}`);
  if (Number(flags.u) + Number(flags.g) + Number(flags.G) > 1) return complain(t, 'cannot print "only" of more than one choice');
  const defaultFormat = !flags.u && !flags.g && !flags.G;
  if (defaultFormat && (flags.r || flags.n)) return complain(t, 'cannot print only names or real IDs in default format');

  const pw = await passwd(t);
  const gr = await groupDb(t);
  let who: Who;
  if (users.length) {
    const spec = users[0]!;
    const user = pw.find((p) => p.name === spec) ?? (/^\+?\d+$/.test(spec) ? pw.find((p) => p.uid === Number(spec)) : undefined);
    if (!user) return complain(t, `${quote(spec)}: no such user`);
    who = { ruid: user.uid, euid: user.uid, rgid: user.gid, egid: user.gid, groups: groupList(user, gr) };
  } else {
    const c = await selfCreds(t);
    const groups = c.groups.includes(c.egid) ? [c.egid, ...c.groups.filter((g) => g !== c.egid)] : [c.egid, ...c.groups];
    who = { ruid: c.uid, euid: c.euid, rgid: c.gid, egid: c.egid, groups };
  }
  const uname = (uid: number) => pw.find((p) => p.uid === uid)?.name;
  const gname = (gid: number) => gr.find((g) => g.gid === gid)?.name;
  let status = 0;
  const named = async (id: number, name: string | undefined, kind: 'user' | 'group'): Promise<string> => {
    if (!flags.n) return String(id);
    if (name !== undefined) return name;
    await complain(t, `cannot find name for ${kind} ID ${id}`);
    status = 1;
    return String(id);
  };
  if (flags.u) {
    const uid = flags.r ? who.ruid : who.euid;
    await t.out(`${await named(uid, uname(uid), 'user')}\n`);
  } else if (flags.g) {
    const gid = flags.r ? who.rgid : who.egid;
    await t.out(`${await named(gid, gname(gid), 'group')}\n`);
  } else if (flags.G) {
    const parts: string[] = [];
    for (const g of who.groups) parts.push(await named(g, gname(g), 'group'));
    await t.out(`${parts.join(' ')}\n`);
  } else {
    const idName = (id: number, name: string | undefined) => (name === undefined ? String(id) : `${id}(${name})`);
    let line = `uid=${idName(who.ruid, uname(who.ruid))} gid=${idName(who.rgid, gname(who.rgid))}`;
    if (who.euid !== who.ruid) line += ` euid=${idName(who.euid, uname(who.euid))}`;
    if (who.egid !== who.rgid) line += ` egid=${idName(who.egid, gname(who.egid))}`;
    if (who.groups.length) line += ` groups=${who.groups.map((g) => idName(g, gname(g))).join(',')}`;
    await t.out(`${line}\n`);
  }
  return status;
}

export const id = defineTool({
  name: 'id',
  summary: 'print real and effective user and group IDs',
  help: `Usage: id [OPTION]... [USER]
Print user and group information for the specified USER,
or (when USER omitted) for the current user.

  -a             ignore, for compatibility with other versions
  -g, --group    print only the effective group ID
  -G, --groups   print all group IDs
  -n, --name     print a name instead of a number, for -ugG
  -r, --real     print the real ID instead of the effective ID, with -ugG
  -u, --user     print only the effective user ID
      --help     display this help and exit

Without any OPTION, print some useful set of identified information.
`,
  run: runId,
});

export const whoami = defineTool({
  name: 'whoami',
  summary: 'print effective userid',
  help: `Usage: whoami [OPTION]...
Print the user name associated with the current effective user ID.
Same as id -un.

      --help     display this help and exit
`,
  async run(t) {
    const a = t.args[0];
    if (a !== undefined) {
      if (a.startsWith('--') && a !== '--') return usageError(t, `unrecognized option '${a}'`);
      if (a.startsWith('-') && a.length > 1 && a !== '--') return usageError(t, `invalid option -- '${a[1]}'`);
      const extra = a === '--' ? t.args[1] : a;
      if (extra !== undefined) return usageError(t, `extra operand ${quote(extra)}`);
    }
    const { euid } = await selfCreds(t);
    const name = (await passwd(t)).find((p) => p.uid === euid)?.name;
    if (name === undefined) return complain(t, `cannot find name for user ID ${euid}`);
    await t.out(`${name}\n`);
    return 0;
  },
});
