// procfs is a table of nodes whose content is generated from live kernel state on each read.
import type { SysResult } from '../sim/result';
import type { Process } from '../task/process';
import type { Inode } from '../vfs/inode';

export interface ProcNode {
  readonly kind: 'file' | 'dir' | 'link';
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  /** Stable inode number, so that `ls -i` and /proc/locks agree between reads. */
  readonly ino: number;
  /** generate(): the file's text for this reader (permission-checked). */
  read?(reader: Process): SysResult<string>;
  write?(writer: Process, data: string): SysResult<void>;
  /** Directory: entry names in order. */
  list?(reader: Process): string[];
  lookup?(name: string): ProcNode | null;
  /** Symlink text (readlink). */
  link?(reader: Process): SysResult<string>;
  /** Magic links (fd/N, cwd) resolve to the inode itself, even when unlinked. */
  follow?(reader: Process): SysResult<Inode>;
}
