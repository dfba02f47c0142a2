// Recursive descent for grep -r: directories in readdir order (as fts gives them), symlinks met
// on the way skipped unless -R, devices skipped, --include/--exclude on the base name.
import type { Errno } from '../../host';
import { matchPattern } from '../../shell/glob';
import type { ToolRun } from '../tool';

export interface WalkOptions {
  followAll: boolean;
  include: readonly string[];
  exclude: readonly string[];
}

type Visit = (path: string, err: Errno | null) => Promise<void>;

function base(path: string): string {
  const parts = path.replace(/\/+$/, '').split('/');
  return parts[parts.length - 1] ?? path;
}

function wanted(path: string, o: WalkOptions): boolean {
  const b = base(path);
  if (o.exclude.some((g) => matchPattern(g, b))) return false;
  return o.include.length === 0 || o.include.some((g) => matchPattern(g, b));
}

export async function walk(t: ToolRun, root: string, o: WalkOptions, visit: Visit): Promise<void> {
  const st = t.sys.stat(root);
  if (!st.ok) return visit(root, st.errno);
  if (st.value.type !== 'dir') return visit(root, null);
  await descend(t, root, o, visit);
}

async function descend(t: ToolRun, dir: string, o: WalkOptions, visit: Visit): Promise<void> {
  const list = t.sys.readdir(dir);
  if (!list.ok) return visit(dir, list.errno);
  for (const e of list.value) {
    if (t.signal.aborted) return;
    const path = dir.endsWith('/') ? dir + e.name : `${dir}/${e.name}`;
    let type = e.type;
    if (type === 'lnk') {
      if (!o.followAll) continue;
      const st = t.sys.stat(path);
      if (!st.ok) {
        await visit(path, st.errno);
        continue;
      }
      type = st.value.type;
    }
    if (type === 'dir') await descend(t, path, o, visit);
    else if (type === 'reg' && wanted(path, o)) await visit(path, null);
  }
}
