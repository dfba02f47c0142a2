// Open file descriptions (the kernel's struct file): shared by dup, fork and SCM_RIGHTS, counted
// by who holds them, and the anchor of leases, RDMA contexts and socket ends.
import type { Signal } from '../abi/signals';
import type { Inode } from '../vfs/inode';
import type { Lease } from '../lease/lease';
import type { UverbsContext } from '../rdma/uverbs';
import type { SocketEnd } from './socket';

/** Who holds a reference: an fd slot, a mapping, a file pin (get_file in the RFC's file_pin), an
 * in-flight SCM_RIGHTS message. */
export type RefKind = 'fd' | 'vma' | 'pin' | 'msg';

export class OpenFile {
  pos = 0;
  readonly refs: Record<RefKind, number> = { fd: 0, vma: 0, pin: 0, msg: 0 };
  /** F_SETOWN target and F_SETSIG signal (0: SIGIO) — whom a lease break notifies. */
  owner = 0;
  sig: Signal | 0 = 0;
  readonly leases: Lease[] = [];
  uverbs: UverbsContext | null = null;
  socket: SocketEnd | null = null;
  /** procfs: the text generated at the first read, as seq_file does. */
  procText: string | null = null;
  /** The text made at open has not been read yet (the first read from 0 uses it). */
  procFresh = false;
  procGenerate: (() => string) | null = null;
  released = false;

  constructor(
    readonly id: number,
    readonly inode: Inode,
    public flags: number,
  ) {}

  get totalRefs(): number {
    return this.refs.fd + this.refs.vma + this.refs.pin + this.refs.msg;
  }

  /** seq_file_path(): what /proc/<pid>/fd links, file_pins and maps show. */
  path(): string {
    if (this.inode.type === 'sock') return `socket:[${this.inode.ino}]`;
    return this.inode.path();
  }
}
