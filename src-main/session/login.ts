// A login on the host: a bash process on a new /dev/pts/N and the shell options that belong to it;
// `su` starts another user's bash under it on the same terminal.
import { signalNumber } from '../host';
import type { InterpreterOptions } from '../shell/interpreter';
import type { SwitchedUser, SwitchUserRequest } from '../shell/types';
import type { BootedHost } from './boot';
import { kernelFs } from './kernel-fs';
import { forkChild, shellHost } from './processes';

export interface Login {
  readonly pid: number;
  readonly tty: number;
  /** Options for the shell interpreter running as this login's bash. */
  readonly shell: InterpreterOptions;
  /** Output host programs write to the terminal (rdma-app's log lines). */
  onTtyOutput(listener: (data: string) => void): () => void;
  /** The shell process died (`kill -9` from another terminal): the terminal closes with `128+sig`. */
  onShellExit(listener: (status: number) => void): () => void;
  /** The terminal closed: the shell process exits (SIGHUP in Linux terms). */
  logout(): void;
}

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** login.defs ENV_PATH: what `su -` gives an unprivileged user. */
const USER_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games';

type ShellOptions = SwitchedUser['options'];

/** The options of a bash running as `pid` (uid, home and environment as given). */
export function shellOptions(booted: BootedHost, pid: number, cwd: string, env: Record<string, string>): ShellOptions {
  const { host, clock, commands } = booted;
  return {
    fs: kernelFs(host, pid, clock, { placeFds: false }),
    host: { ...shellHost(host, clock, pid), switchUser: (req) => switchUser(booted, pid, req) },
    commands: (name) => commands.resolve(name),
    commandNames: () => commands.names(),
    cwd,
    env,
    homeOf: (name) => host.kernel.users.find((u) => u.name === name)?.home,
  };
}

// A drill logs its trainee in (root unless the scenario says otherwise).
export function login(booted: BootedHost, uid = booted.scenario?.trainee ?? 0): Login {
  const { host } = booted;
  const { pid, tty } = host.spawnShell({ uid });
  const user = host.kernel.user(uid) ?? host.kernel.users[0]!;
  const env = { HOME: user.home, USER: user.name, LOGNAME: user.name, HOSTNAME: host.hostname, PATH, TERM: 'xterm-256color', SHELL: '/bin/bash' };
  return {
    pid,
    tty,
    shell: shellOptions(booted, pid, user.home, env),
    onTtyOutput(listener) {
      const sub = host.onTtyOutput(tty, listener);
      return () => sub.dispose();
    },
    onShellExit(listener) {
      const sub = host.onEvent((e) => {
        if (e.kind === 'process.exit' && e.pid === pid) listener(e.sig ? 128 + signalNumber(e.sig) : (e.code ?? 0));
      });
      return () => sub.dispose();
    },
    logout() {
      if (host.kernel.proc(pid)?.alive) host.sys(pid).exit(0);
    },
  };
}

/**
 * `su [-] USER` from the bash `shellPid`: an `su` process (root, setuid) forks the user's bash,
 * which then runs as that user; closing it exits both, as when that bash exits.
 */
export async function switchUser(booted: BootedHost, shellPid: number, req: SwitchUserRequest): Promise<SwitchedUser | { error: string }> {
  const { host, clock } = booted;
  const user = host.kernel.users.find((u) => u.name === req.user);
  if (!user) return { error: `user ${req.user} does not exist or the user entry does not contain all the required fields` };
  // Only root switches without the target's password, which nobody here knows.
  if ((host.kernel.proc(shellPid)?.uid ?? 0) !== 0 && !(await req.authenticate())) return { error: 'Authentication failure' };
  const su = forkChild(host, clock, shellPid);
  su.exec(['su', ...(req.login ? ['-'] : []), user.name], req.cwd);
  const forked = host.sys(su.pid).fork();
  if (!forked.ok) {
    await su.finish(1);
    return { error: `cannot fork user shell: ${forked.errno}` };
  }
  const pid = forked.value;
  const task = host.kernel.proc(pid);
  if (task) {
    // su's setuid()/setgid() before it execs the shell: the model has no setuid(2).
    task.uid = user.uid;
    task.gid = user.gid;
  }
  const cwd = req.login ? user.home : req.cwd;
  const sys = host.sys(pid);
  sys.chdir(cwd);
  sys.execve('bash', ['bash']);
  const shlvl = String(Number(req.env.SHLVL ?? '1') + 1);
  const who = { HOME: user.home, SHELL: '/bin/bash', USER: user.name, LOGNAME: user.name };
  const env: Record<string, string> = req.login
    ? { ...who, PATH: user.uid === 0 ? PATH : USER_PATH, TERM: req.env.TERM ?? 'xterm-256color', HOSTNAME: host.hostname }
    : { ...req.env, ...who, SHLVL: shlvl };
  return {
    options: { ...shellOptions(booted, pid, cwd, env), login: req.login },
    close(status) {
      if (host.kernel.proc(pid)?.alive) sys.exit(status);
      host.sys(su.pid).wait4(pid, { nohang: true });
      void su.finish(status);
    },
  };
}
