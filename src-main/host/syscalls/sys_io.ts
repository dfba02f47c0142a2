// read/pread/write/pwrite/lseek (fs/read_write.c). A write over reflinked blocks is a
// copy-on-write layout change (seed 001: "Truncate is a red herring") and takes the layout path.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { OpenFile } from '../fd/file';
import { fail, ok, type Blocking, type SysResult } from '../sim/result';
import { canRead, canWrite, O_APPEND } from '../abi/fcntl';
import { fdFile } from './common';
import { readBytes, writeBytes, rangeShared, unshare, pageFloor, pageCeil } from '../vfs/fileops';
import { layoutAttempt, mayExtend } from '../vfs/layout';

function readAt(k: Kernel, task: Process, file: OpenFile, off: number, count: number): SysResult<string> {
  if (!canRead(file.flags)) return fail('EBADF');
  if (!(count >= 0) || off < 0) return fail('EINVAL');
  const inode = file.inode;
  if (inode.type === 'dir') return fail('EISDIR');
  if (file.procGenerate) {
    // seq_file: generated at the first read from offset 0, then served from that snapshot.
    if (file.procText === null || (off === 0 && !file.procFresh)) file.procText = file.procGenerate();
    file.procFresh = false;
    return ok(file.procText.slice(off, off + count));
  }
  if (file.socket) return fail('EINVAL');
  switch (inode.device?.kind) {
    case 'null':
      return ok('');
    case 'zero':
      return ok('\0'.repeat(count));
    case 'tty':
      return fail('EAGAIN');
    case undefined:
      break;
    default:
      return fail('EINVAL');
  }
  inode.atime = k.clock.now();
  return ok(readBytes(inode, off, count));
}

export function sysRead(k: Kernel, task: Process, fd: number, count: number): SysResult<string> {
  const f = fdFile(task, fd);
  if (!f.ok) return f;
  const r = readAt(k, task, f.value, f.value.pos, count);
  if (r.ok) f.value.pos += r.value.length;
  return r;
}

export function sysPread(k: Kernel, task: Process, fd: number, count: number, offset: number): SysResult<string> {
  const f = fdFile(task, fd);
  if (!f.ok) return f;
  return readAt(k, task, f.value, offset, count);
}

function writeAt(k: Kernel, task: Process, file: OpenFile, off: number, data: string, advance: boolean): Blocking<number> {
  if (!canWrite(file.flags)) return fail('EBADF');
  if (off < 0) return fail('EINVAL');
  const inode = file.inode;
  if (inode.proc) {
    const w = inode.proc.write?.(task, data) ?? fail('EINVAL');
    return w.ok ? ok(data.length) : w;
  }
  switch (inode.device?.kind) {
    case 'null':
    case 'zero':
      return ok(data.length);
    case 'tty': {
      for (const l of k.ttyListeners.get(inode.device.minor) ?? []) l(data);
      return ok(data.length);
    }
    case undefined:
      break;
    default:
      return fail('EINVAL');
  }
  if (inode.type !== 'reg') return fail('EINVAL');
  const first = pageFloor(off);
  const last = pageCeil(off + data.length);
  const done = (): number => {
    if (advance) file.pos = off + data.length;
    inode.mtime = inode.ctime = k.clock.now();
    k.emit('file.write', { pid: task.pid, path: inode.path(), offset: off, length: data.length, size: inode.size });
    return data.length;
  };
  if (off + data.length > inode.size) {
    const may = mayExtend(k, task, inode, off, data.length);
    if (!may.ok) return may;
  }
  if (!rangeShared(inode, first, last)) {
    const w = writeBytes(inode, off, data);
    return w.ok ? ok(done()) : w;
  }
  const token = k.nextId('breaker');
  return k.waits.run(task, 'write', () => {
    const r = layoutAttempt(k, task, inode, {
      op: 'cow',
      first,
      last,
      offset: off,
      length: data.length,
      breakClassic: false,
      apply: () => {
        const u = unshare(inode, first, last);
        return u.ok ? writeBytes(inode, off, data) : u;
      },
    }, token);
    if ('block' in r) return r;
    return { done: r.done.ok ? ok(done()) : r.done };
  });
}

export function sysWrite(k: Kernel, task: Process, fd: number, data: string): Blocking<number> {
  const f = fdFile(task, fd);
  if (!f.ok) return f;
  const file = f.value;
  const off = file.flags & O_APPEND && file.inode.type === 'reg' ? file.inode.size : file.pos;
  return writeAt(k, task, file, off, data, true);
}

export function sysPwrite(k: Kernel, task: Process, fd: number, data: string, offset: number): Blocking<number> {
  const f = fdFile(task, fd);
  if (!f.ok) return f;
  return writeAt(k, task, f.value, offset, data, false);
}

export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;

export function sysLseek(_k: Kernel, task: Process, fd: number, offset: number, whence: number): SysResult<number> {
  const f = fdFile(task, fd);
  if (!f.ok) return f;
  const file = f.value;
  if (file.socket || file.inode.device?.kind === 'tty') return fail('ESPIPE');
  const base = whence === SEEK_SET ? 0 : whence === SEEK_CUR ? file.pos : whence === SEEK_END ? file.inode.size : NaN;
  if (Number.isNaN(base)) return fail('EINVAL');
  const pos = base + offset;
  if (pos < 0) return fail('EINVAL');
  file.pos = pos;
  return ok(pos);
}
