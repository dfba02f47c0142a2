// socketpair(AF_UNIX, SOCK_STREAM) with sendmsg/recvmsg and SCM_RIGHTS (net/unix, af_unix.c
// unix_attach_fds): passed files are held in flight, then installed at the receiver's lowest free
// fds. Under rfc-v2 an RDMA context's pins travel with it (seed 003 #16, #28–#33).
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { OpenFile } from '../fd/file';
import { fail, ok, type SysResult } from '../sim/result';
import { O_RDWR } from '../abi/fcntl';
import { SocketEnd } from '../fd/socket';
import { fget, fput, installFd, newFile } from '../fd/lifecycle';
import { Inode } from '../vfs/inode';
import { fdFile } from './common';

/** SCM_MAX_FD */
const SCM_MAX_FD = 253;

function socketFile(k: Kernel, task: Process): OpenFile {
  const sb = k.sockfs;
  const inode = new Inode(sb, sb.nextIno++, 'sock', 0o777, task.uid, task.gid, k.clock.now());
  inode.nlink = 0;
  const file = newFile(k, inode, O_RDWR);
  file.socket = new SocketEnd();
  file.socket.file = file;
  return file;
}

export function sysSocketpair(k: Kernel, task: Process): SysResult<[number, number]> {
  const a = task.fds.lowestFree();
  if (a < 0) return fail('EMFILE');
  const fa = socketFile(k, task);
  installFd(task, a, fa, false);
  const b = task.fds.lowestFree();
  if (b < 0) {
    task.fds.clear(a);
    fput(k, fa, 'fd');
    return fail('EMFILE');
  }
  const fb = socketFile(k, task);
  installFd(task, b, fb, false);
  fa.socket!.peer = fb.socket;
  fb.socket!.peer = fa.socket;
  k.emit('fd.open', { pid: task.pid, fd: a, file: fa.id, path: fa.path(), flags: O_RDWR });
  k.emit('fd.open', { pid: task.pid, fd: b, file: fb.id, path: fb.path(), flags: O_RDWR });
  return ok([a, b]);
}

/** Processes holding the file in an fd table, by pid. */
function holders(k: Kernel, file: OpenFile): Process[] {
  return [...k.procs.values()].filter((p) => p.alive && p.fds.fdsOf(file).length > 0).sort((x, y) => x.pid - y.pid);
}

export interface Msg {
  data: string;
  /** Descriptors to pass with SCM_RIGHTS. */
  fds?: number[];
}

export function sysSendmsg(k: Kernel, task: Process, fd: number, msg: Msg): SysResult<number> {
  const s = fdFile(task, fd);
  if (!s.ok) return s;
  const end = s.value.socket;
  if (!end) return fail('ENOTSOCK');
  if (!end.peer) return fail('EPIPE');
  const fds = msg.fds ?? [];
  if (fds.length > SCM_MAX_FD) return fail('EINVAL');
  const files: OpenFile[] = [];
  for (const n of fds) {
    const f = fdFile(task, n);
    if (!f.ok) return f;
    files.push(f.value);
  }
  const receivers = holders(k, end.peer.file!);
  for (const file of files) {
    const verdict = k.policy.passFd({ task, file, receivers, batch: files });
    if (!verdict.allow) return fail(verdict.errno);
  }
  for (const file of files) fget(file, 'msg');
  end.peer.queue.push({ data: msg.data, files, from: task.pid });
  k.emit('socket.send', { pid: task.pid, fd, files: files.map((f) => f.id) });
  return ok(msg.data.length);
}

/** Non-blocking receive: EAGAIN when nothing is queued. */
export function sysRecvmsg(k: Kernel, task: Process, fd: number): SysResult<{ data: string; fds: number[] }> {
  const s = fdFile(task, fd);
  if (!s.ok) return s;
  const end = s.value.socket;
  if (!end) return fail('ENOTSOCK');
  const msg = end.queue.shift();
  if (!msg) return end.peer ? fail('EAGAIN') : ok({ data: '', fds: [] });
  const installed: number[] = [];
  for (const file of msg.files) {
    const n = task.fds.lowestFree();
    if (n >= 0) {
      installFd(task, n, file, false);
      installed.push(n);
      k.emit('fd.receive', { pid: task.pid, fd: n, file: file.id, path: file.path(), from: msg.from });
    }
    fput(k, file, 'msg');
  }
  k.emit('socket.recv', { pid: task.pid, fd, fds: installed });
  return ok({ data: msg.data, fds: installed });
}
