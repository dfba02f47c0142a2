// A process's file descriptor table: slots pointing at shared open file descriptions.
import type { OpenFile } from './file';

export const NR_OPEN = 1024;

export interface FdSlot {
  file: OpenFile;
  cloexec: boolean;
}

export class FdTable {
  private slots: Array<FdSlot | undefined> = [];

  get(fd: number): FdSlot | undefined {
    return Number.isInteger(fd) && fd >= 0 ? this.slots[fd] : undefined;
  }

  /** Lowest free descriptor >= min, as POSIX requires; -1 when the table is full. */
  lowestFree(min = 0): number {
    for (let fd = min; fd < NR_OPEN; fd++) if (!this.slots[fd]) return fd;
    return -1;
  }

  set(fd: number, slot: FdSlot): void {
    this.slots[fd] = slot;
  }

  clear(fd: number): FdSlot | undefined {
    const s = this.slots[fd];
    this.slots[fd] = undefined;
    while (this.slots.length > 0 && this.slots[this.slots.length - 1] === undefined) this.slots.pop();
    return s;
  }

  /** Open descriptors in ascending order. */
  entries(): Array<[number, FdSlot]> {
    const out: Array<[number, FdSlot]> = [];
    this.slots.forEach((s, fd) => {
      if (s) out.push([fd, s]);
    });
    return out;
  }

  /** Descriptors referring to `file`, ascending. */
  fdsOf(file: OpenFile): number[] {
    const out: number[] = [];
    this.slots.forEach((s, fd) => {
      if (s?.file === file) out.push(fd);
    });
    return out;
  }

  get count(): number {
    return this.slots.reduce((n, s) => n + (s ? 1 : 0), 0);
  }

  /** FDSize in /proc/<pid>/status: the table grows in steps of 64. */
  get capacity(): number {
    return Math.max(64, Math.ceil(this.slots.length / 64) * 64);
  }
}
