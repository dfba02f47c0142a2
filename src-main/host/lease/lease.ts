// Leases (fs/locks.c file_lock with FL_LEASE, plus FL_LAYOUT/FL_EXCLUSIVE from the RFC v2).
// A lease hangs off the open file that took it; its state is derived, never stored twice.
import type { OpenFile } from '../fd/file';
import type { Inode } from '../vfs/inode';
import type { LeaseType } from '../events';

export type LeaseState = 'ACTIVE' | 'BREAKING' | 'ZOMBIE';

/** A blocked breaker: shown as a `->` BREAKER line under the lease in /proc/locks. */
export interface Breaker {
  pid: number;
  /** The lease type the breaker's open/truncate conflicts as (WRITE for O_WRONLY, READ for O_RDONLY). */
  type: 'READ' | 'WRITE';
  wait: number;
}

export class Lease {
  /** Lease being broken: the type it is being reduced to and when the kernel forces it. */
  breaking: { target: 'READ' | 'UNLCK'; deadline: number } | null = null;
  readonly breakers: Breaker[] = [];
  /** File pins whose existence depends on this lease (they hold its file, as get_file() does). */
  pinRefs = 0;

  constructor(
    readonly id: number,
    public layout: boolean,
    /** fl_type: F_RDLCK or F_WRLCK (a layout lease keeps the level it was taken at). */
    public level: 'READ' | 'WRITE',
    public exclusive: boolean,
    readonly file: OpenFile,
    readonly inode: Inode,
    /** fl_pid: the creator's tgid; /proc/locks keeps showing it even after the creator exits. */
    readonly pid: number,
    readonly fd: number,
    readonly created: number,
  ) {}

  /** ZOMBIE: every fd of the lease's open file is closed, yet pins (or mappings) keep it alive. */
  get state(): LeaseState {
    if (this.breaking) return 'BREAKING';
    return this.file.refs.fd === 0 ? 'ZOMBIE' : 'ACTIVE';
  }

  /** READ/WRITE for classic leases; LAYOUT for F_LAYOUT ones. */
  get type(): LeaseType {
    return this.layout ? 'LAYOUT' : this.level;
  }
}
