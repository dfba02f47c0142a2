// The mount table as df, mount and findmnt read it: /proc/self/mounts of the tool's process.
import { readWhole } from '../common';
import type { ToolRun } from '../tool';

export interface MountEntry {
  source: string;
  target: string;
  fstype: string;
  options: string;
}

/** getmntent's unescaping of `\040` (space), `\011` (tab), `\012`, `\134` (backslash). */
function unescape(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
}

export async function readMounts(t: ToolRun): Promise<MountEntry[]> {
  const r = await readWhole(t, '/proc/self/mounts');
  if (!r.ok) return [];
  const out: MountEntry[] = [];
  for (const line of r.value.split('\n')) {
    const f = line.split(' ');
    if (f.length < 4) continue;
    out.push({ source: unescape(f[0]!), target: unescape(f[1]!), fstype: f[2]!, options: f[3]! });
  }
  return out;
}
