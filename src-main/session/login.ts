// A login on the host: a bash process on a new /dev/pts/N and the shell options that belong to it.
import type { InterpreterOptions } from '../shell/interpreter';
import type { BootedHost } from './boot';
import { kernelFs } from './kernel-fs';
import { shellHost } from './processes';

export interface Login {
  readonly pid: number;
  readonly tty: number;
  /** Options for the shell interpreter running as this login's bash. */
  readonly shell: InterpreterOptions;
  /** Output host programs write to the terminal (rdma-app's log lines). */
  onTtyOutput(listener: (data: string) => void): () => void;
  /** The terminal closed: the shell process exits (SIGHUP in Linux terms). */
  logout(): void;
}

export function login(booted: BootedHost, uid = 0): Login {
  const { host, clock, commands } = booted;
  const { pid, tty } = host.spawnShell({ uid });
  const user = host.processes().find((p) => p.pid === pid)?.user ?? 'root';
  const home = uid === 0 ? '/root' : `/home/${user}`;
  return {
    pid,
    tty,
    shell: {
      fs: kernelFs(host, pid, clock, { placeFds: false }),
      host: shellHost(host, clock, pid),
      commands: (name) => commands.resolve(name),
      commandNames: () => commands.names(),
      cwd: home,
      env: { HOME: home, USER: user, LOGNAME: user, HOSTNAME: host.hostname, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', TERM: 'xterm-256color', SHELL: '/bin/bash' },
      homeOf: (name) => (name === 'root' ? '/root' : `/home/${name}`),
    },
    onTtyOutput(listener) {
      const sub = host.onTtyOutput(tty, listener);
      return () => sub.dispose();
    },
    logout() {
      if (host.kernel.proc(pid)?.alive) host.sys(pid).exit(0);
    },
  };
}
