// User and group names as getpwuid/getgrgid find them: /etc/passwd and /etc/group read by the
// tool's own process, once per run.
import { readWhole } from '../common';
import type { ToolRun } from '../tool';

export interface IdNames {
  user(uid: number): string | undefined;
  group(gid: number): string | undefined;
}

function table(text: string): Map<number, string> {
  const m = new Map<number, string>();
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && f[0] && /^\d+$/.test(f[2]!) && !m.has(Number(f[2]))) m.set(Number(f[2]), f[0]);
  }
  return m;
}

export async function idNames(t: ToolRun): Promise<IdNames> {
  const p = await readWhole(t, '/etc/passwd');
  const g = await readWhole(t, '/etc/group');
  const users = table(p.ok ? p.value : '');
  const groups = table(g.ok ? g.value : '');
  return { user: (uid) => users.get(uid), group: (gid) => groups.get(gid) };
}
