// utimensat(2) (fs/utimes.c): set a file's access and modification times; ctime becomes now.
// Setting both to "now" needs ownership or write permission (touch on a file one may write);
// explicit times need ownership (EPERM otherwise), as in inode_owner_or_capable().
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import { fail, OK_VOID, type SysResult } from '../sim/result';
import { lookup, MAY_WRITE, permission } from '../vfs/namei';

/** A time as wall-clock ns since the epoch, or UTIME_NOW / UTIME_OMIT. */
export type UtimeSpec = number | 'now' | 'omit';

export function sysUtimensat(k: Kernel, task: Process, path: string, atime: UtimeSpec, mtime: UtimeSpec, follow = true): SysResult<void> {
  const r = lookup(k, task, path, follow);
  if (!r.ok) return r;
  const inode = r.value;
  if (atime === 'omit' && mtime === 'omit') return OK_VOID;
  if (inode.proc) return fail('EPERM');
  const owner = task.uid === 0 || task.uid === inode.uid;
  const onlyNow = (atime === 'now' || atime === 'omit') && (mtime === 'now' || mtime === 'omit');
  if (!owner) {
    if (!onlyNow) return fail('EPERM');
    if (!permission(task, inode, MAY_WRITE)) return fail('EACCES');
  }
  const now = k.clock.now();
  const toInode = (t: number | 'now') => (t === 'now' ? now : t - k.clock.epochNs);
  if (atime !== 'omit') inode.atime = toInode(atime);
  if (mtime !== 'omit') inode.mtime = toInode(mtime);
  inode.ctime = now;
  return OK_VOID;
}
