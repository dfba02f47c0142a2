// Life of an open file description: creation, fd install/close, reference counting, and __fput()
// when the last reference goes — which removes its leases and releases an RDMA context's MRs.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { Inode } from '../vfs/inode';
import { OpenFile, type RefKind } from './file';
import { maybeEvict } from '../vfs/namespace';
import { removeFileLeases } from '../lease/leases';
import { releaseContext } from '../rdma/verbs';
import { assert } from '../sim/assert';

export function inodeKey(inode: Inode): string {
  return `inode:${inode.sb.id}:${inode.ino}`;
}

export function newFile(k: Kernel, inode: Inode, flags: number): OpenFile {
  const f = new OpenFile(k.nextId('file'), inode, flags);
  inode.openFiles.add(f);
  return f;
}

export function fget(file: OpenFile, kind: RefKind): void {
  assert(!file.released, `fget on released file ${file.id}`);
  file.refs[kind]++;
}

/** Drops one reference; the last fd makes the file's leases zombies, the last reference frees it. */
export function fput(k: Kernel, file: OpenFile, kind: RefKind): void {
  assert(file.refs[kind] > 0, `fput(${kind}) underflow on file ${file.id}`);
  file.refs[kind]--;
  if (file.totalRefs === 0) {
    releaseFile(k, file);
    return;
  }
  if (kind === 'fd' && file.refs.fd === 0) {
    // Seed 003 #6: "zombie layout leases" — the fds are gone but pins keep the struct file alive.
    for (const lease of file.leases) k.emit('lease.zombie', { lease: lease.id, path: file.path() });
  }
}

/** Installs `file` at `fd` (the caller has chosen a free slot and owns one new reference). */
export function installFd(task: Process, fd: number, file: OpenFile, cloexec: boolean): void {
  assert(!task.fds.get(fd), `fd ${fd} of pid ${task.pid} in use`);
  task.fds.set(fd, { file, cloexec });
  fget(file, 'fd');
}

/** filp_close(): removes the fd and drops its reference (the caller has checked it exists). */
export function closeFd(k: Kernel, task: Process, fd: number): void {
  const slot = task.fds.clear(fd);
  assert(slot, `close of empty fd ${fd}`);
  k.emit('fd.close', { pid: task.pid, fd, file: slot.file.id, path: slot.file.path() });
  fput(k, slot.file, 'fd');
}

/** __fput(): leases go first (locks_remove_file), then the file's own release, then the inode. */
function releaseFile(k: Kernel, file: OpenFile): void {
  file.released = true;
  k.emit('file.release', { file: file.id, path: file.path() });
  removeFileLeases(k, file, 'close');
  if (file.uverbs) releaseContext(k, file.uverbs);
  if (file.socket) releaseSocket(k, file);
  file.inode.openFiles.delete(file);
  maybeEvict(k, file.inode);
  k.waits.wake(inodeKey(file.inode));
}

function releaseSocket(k: Kernel, file: OpenFile): void {
  const end = file.socket!;
  if (end.peer) end.peer.peer = null;
  end.peer = null;
  // Messages never received drop the files they carry (unix_release → skb purge).
  for (const msg of end.queue.splice(0)) for (const f of msg.files) fput(k, f, 'msg');
}
