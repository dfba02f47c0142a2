// Who holds each open file by fd, kept up to date one process at a time: the Processes panel's
// "shared with" column and the rows an RDMA context's or a lease's change reaches.
import type { OpenFile } from '../../host/fd/file';
import type { Process } from '../../host/task/process';
import { MultiIndex } from './multi-index';

const NOBODY: readonly number[] = [];

export class FdIndex {
  private readonly files = new Map<number, OpenFile>();
  private readonly holders = new MultiIndex<number, number>();
  private readonly byPid = new Map<number, readonly OpenFile[]>();

  /** Re-reads one process's fd table (none when it is gone or dead); adds the files whose holders changed to `changed`. */
  update(pid: number, task: Process | undefined, changed: Set<number>): void {
    const before = this.byPid.get(pid) ?? NOBODY_FILES;
    const had = new Set(before);
    const holds = new Set<OpenFile>();
    if (task?.alive) for (const [, slot] of task.fds.entries()) holds.add(slot.file);
    for (const f of before) {
      if (holds.has(f) || !this.holders.remove(f.id, pid)) continue;
      if (!this.holders.has(f.id)) this.files.delete(f.id);
      changed.add(f.id);
    }
    const now = [...holds];
    for (const f of now) {
      if (had.has(f)) continue;
      this.files.set(f.id, f);
      this.holders.add(f.id, pid);
      changed.add(f.id);
    }
    if (now.length > 0) this.byPid.set(pid, now);
    else this.byPid.delete(pid);
  }

  file(id: number): OpenFile | undefined {
    return this.files.get(id);
  }

  holdersOfId(id: number): Iterable<number> {
    return this.holders.get(id);
  }

  /** Live holders of `file`, ascending, as the Processes rows list them. */
  holdersOf = (file: OpenFile): readonly number[] => {
    if (!this.holders.has(file.id)) return NOBODY;
    return [...this.holders.get(file.id)].sort((a, b) => a - b);
  };
}

const NOBODY_FILES: readonly OpenFile[] = [];
