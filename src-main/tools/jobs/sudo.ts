// sudo(8) 1.9.13 as Debian ships it: root may run a command as any user (-u), an unprivileged
// user is refused; the command is sudo's child, with the target's credentials.
import { readWhole } from '../common';
import { hasProgram, runArgv } from '../text/run';
import { defineTool, type ToolRun } from '../tool';

const USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-AknS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-AknS] [-g group] [-h host] [-p prompt] [-U user] [-u user]
            [command [arg ...]]
usage: sudo [-AbEHknPS] [-C num] [-D directory] [-g group] [-h host] [-p
            prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s]
            [command [arg ...]]
usage: sudo -e [-AknS] [-C num] [-D directory] [-g group] [-h host] [-p
            prompt] [-R directory] [-T timeout] [-u user] file ...
`;

interface Account {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

/** getpwnam()/getpwuid() over /etc/passwd, read as this process. */
async function accounts(t: ToolRun): Promise<Account[]> {
  const r = await readWhole(t, '/etc/passwd');
  if (!r.ok) return [];
  return r.value
    .split('\n')
    .map((l) => l.split(':'))
    .filter((f) => f.length >= 7)
    .map((f) => ({ name: f[0]!, uid: Number(f[2]), gid: Number(f[3]), home: f[5]! }));
}

/** PAM's prompt; nobody but root may use sudo here, so whatever is typed, the answer is no. */
async function refuse(t: ToolRun, me: string): Promise<number> {
  await t.err(`[sudo] password for ${me}: `);
  const line = await t.stdin.read();
  if (line === null) {
    await t.err('\nsudo: a password is required\n');
    return 1;
  }
  await t.err(`${me} is not in the sudoers file.  This incident will be reported.\n`);
  return 1;
}

export const sudo = defineTool({
  name: 'sudo',
  summary: 'execute a command as another user',
  async run(t) {
    const args = [...t.args];
    let user = 'root';
    let keepEnv = false;
    while (args[0]?.startsWith('-')) {
      const a = args.shift()!;
      if (a === '--') break;
      if (a === '-u' || a === '--user') user = args.shift() ?? '';
      else if (a.startsWith('-u')) user = a.slice(2);
      else if (a === '-E' || a === '--preserve-env') keepEnv = true;
      else if (a === '-n' || a === '--non-interactive' || a === '-H' || a === '--set-home') continue;
      else if (a === '-h' || a === '--help') {
        await t.out(`sudo - execute a command as another user\n\n${USAGE}`);
        return 0;
      } else if (a === '-i' || a === '-s' || a === '--login' || a === '--shell') {
        await t.err(`sudo: ${a}: a shell through sudo is not available here; use su -\n`);
        return 1;
      } else {
        await t.err(`sudo: invalid option -- '${a.replace(/^-+/, '')[0] ?? ''}'\n${USAGE}`);
        return 1;
      }
    }
    if (args.length === 0) {
      await t.err(USAGE);
      return 1;
    }
    const all = await accounts(t);
    const me = all.find((a) => a.uid === (t.host.kernel.proc(t.pid)?.uid ?? 0));
    const target = all.find((a) => a.name === user || `#${a.uid}` === user);
    if (!me || me.uid !== 0) return refuse(t, me?.name ?? 'unknown');
    if (!target) {
      await t.err(`sudo: unknown user ${user}\nsudo: error initializing audit plugin sudoers_audit\n`);
      return 1;
    }
    if (!t.env.hasCommand(args[0]!)) {
      // /bin/true, /bin/echo…: the host has them only as the shell's builtins.
      if (hasProgram(t, args[0]!)) return runArgv(t, args, (d) => t.out(d));
      await t.err(`sudo: ${args[0]}: command not found\n`);
      return 1;
    }
    const who = { HOME: target.home, USER: target.name, LOGNAME: target.name, SUDO_USER: me.name, SUDO_UID: String(me.uid), SUDO_GID: String(me.gid), SUDO_COMMAND: args.join(' ') };
    return t.env.runCommand({
      parent: t.pid, argv: args, cwd: t.cwd, stdin: t.stdin, signal: t.signal, uid: target.uid,
      vars: keepEnv ? { ...t.vars, ...who } : { PATH: t.vars.PATH ?? '', TERM: t.vars.TERM ?? '', ...who },
      stdout: { write: (d) => t.out(d) }, stderr: { write: (d) => t.err(d) },
    });
  },
});
