// Session, process group and terminal foreground group of a task, as /proc/<pid>/stat fields 5, 6
// and 8 show them (ps derives STAT's `s` and `+` from these). The kernel keeps no setsid/setpgid
// state, so they follow how processes come to be on this host: login shells (spawnShell) and
// services (host.spawn) are children of init that called setsid(); an interactive bash puts each
// job in its own group and gives the terminal to the job it runs in the foreground.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';

/** A child of init (or init itself) leads its own session, as login and service managers make them. */
function leadsSession(t: Process): boolean {
  return t.ppid <= 1;
}

/**
 * The session leader above `t`. A process orphaned to init keeps the session of its terminal: its
 * leader is the first process on that terminal that init adopted or started (the login shell).
 */
function leaderOf(k: Kernel, t: Process): Process {
  let cur = t;
  for (let guard = 0; guard < 4096 && !leadsSession(cur); guard++) {
    const parent = k.proc(cur.ppid);
    if (!parent) return cur;
    cur = parent;
  }
  if (cur.tty === null) return cur;
  let lead = cur;
  for (const p of k.procs.values()) if (p.tty === cur.tty && leadsSession(p) && p.pid < lead.pid) lead = p;
  return lead;
}

export function sessionId(k: Kernel, t: Process): number {
  return leaderOf(k, t).pid;
}

/**
 * The foreground job of a session leader's terminal: its children that are running (state R — a
 * command the shell waits for runs until it exits) form one pipeline, led by the lowest pid.
 */
function foregroundJob(k: Kernel, leader: Process): number | null {
  let lowest: number | null = null;
  for (const pid of leader.children) {
    const c = k.proc(pid);
    if (c && c.state === 'R' && (lowest === null || pid < lowest)) lowest = pid;
  }
  return lowest;
}

export function processGroup(k: Kernel, t: Process): number {
  if (leadsSession(t)) return t.pid;
  const parent = k.proc(t.ppid);
  if (!parent) return t.pid;
  if (!leadsSession(parent)) return processGroup(k, parent);
  // A job of the session leader's shell: the running pipeline shares its leader's group.
  if (t.state === 'R') return foregroundJob(k, parent) ?? t.pid;
  return t.pid;
}

/** stat field 8: the terminal's foreground process group, -1 without a controlling terminal. */
export function terminalForeground(k: Kernel, t: Process): number {
  if (t.tty === null) return -1;
  const leader = leaderOf(k, t);
  return foregroundJob(k, leader) ?? leader.pid;
}
