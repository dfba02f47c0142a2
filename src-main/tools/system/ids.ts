// Who a process is and what the user database says: credentials from /proc/self/status (what
// getuid/getgid/getgroups return), names from /etc/passwd and /etc/group (NSS files).
import type { ToolRun } from '../tool';
import { readWhole } from '../common';

export interface Creds {
  uid: number;
  euid: number;
  gid: number;
  egid: number;
  groups: number[];
}

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

export async function selfCreds(t: ToolRun): Promise<Creds> {
  const r = await readWhole(t, '/proc/self/status');
  const field = (name: string): number[] => {
    const m = r.ok ? new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(r.value) : null;
    return m ? m[1]!.trim().split(/\s+/).filter(Boolean).map(Number) : [];
  };
  const uid = field('Uid');
  const gid = field('Gid');
  return { uid: uid[0] ?? 0, euid: uid[1] ?? uid[0] ?? 0, gid: gid[0] ?? 0, egid: gid[1] ?? gid[0] ?? 0, groups: field('Groups') };
}

export async function passwd(t: ToolRun): Promise<PasswdEntry[]> {
  const r = await readWhole(t, '/etc/passwd');
  if (!r.ok) return [];
  return r.value
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(':'))
    .filter((f) => f.length >= 7)
    .map((f) => ({ name: f[0]!, uid: Number(f[2]), gid: Number(f[3]), home: f[5]! }));
}

export async function groupDb(t: ToolRun): Promise<GroupEntry[]> {
  const r = await readWhole(t, '/etc/group');
  if (!r.ok) return [];
  return r.value
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(':'))
    .filter((f) => f.length >= 4)
    .map((f) => ({ name: f[0]!, gid: Number(f[2]), members: f[3]!.split(',').filter(Boolean) }));
}
