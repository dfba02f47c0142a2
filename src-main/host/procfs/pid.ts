// /proc/<pid>/: the per-process table (status, stat, cmdline, comm, file_pins, fd/, fdinfo/,
// maps, stack, wchan, cwd, mounts). Entries read the live process on every read.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { ProcNode } from './node';
import { dirNode, fileNode, linkNode, mayTrace, textNode, traced } from './build';
import { cmdlineText, fdinfoText, filePinsText, mapsText, stackText, statText, statmText, statusText, wchanText } from './task-files';
import { canRead, canWrite } from '../abi/fcntl';
import { mountsText } from './root';
import { mountinfoText } from './mountinfo';
import { fail, ok, OK_VOID } from '../sim/result';

/** Inode numbers: 4096 per pid; fd links from +1024, fdinfo files from +2048. */
function ino(pid: number, n: number): number {
  return pid * 4096 + n;
}

export function pidDir(k: Kernel, pid: number): ProcNode | null {
  const t = k.proc(pid);
  if (!t) return null;
  const uid = t.uid;
  const live = (): Process | undefined => k.proc(pid);
  const gone = () => fail('ESRCH');
  const entries: Record<string, () => ProcNode> = {
    cmdline: () => textNode(ino(pid, 2), 0o444, uid, () => cmdlineText(live() ?? t)),
    comm: () =>
      fileNode(
        ino(pid, 3),
        0o644,
        uid,
        () => ok(`${(live() ?? t).comm}\n`),
        (w, data) => {
          const p = live();
          if (!p) return gone();
          if (w.uid !== 0 && w.uid !== p.uid) return fail('EACCES');
          p.comm = data.replace(/\n$/, '').slice(0, 15);
          return OK_VOID;
        },
      ),
    cwd: () =>
      linkNode(
        ino(pid, 4),
        uid,
        (r) => (mayTrace(r, t) ? ok(t.cwd.path()) : fail('EACCES')),
        (r) => (mayTrace(r, t) ? ok(t.cwd) : fail('EACCES')),
      ),
    fd: () => fdDir(k, t),
    fdinfo: () => fdinfoDir(t),
    file_pins: () => fileNode(ino(pid, 7), 0o444, uid, (r) => traced(r, t, () => filePinsText(t))),
    maps: () => fileNode(ino(pid, 8), 0o444, uid, (r) => traced(r, t, () => mapsText(t))),
    mounts: () => textNode(ino(pid, 9), 0o444, uid, () => mountsText(k)),
    mountinfo: () => textNode(ino(pid, 16), 0o444, uid, () => mountinfoText(k)),
    stack: () => fileNode(ino(pid, 10), 0o400, uid, (r) => (r.uid === 0 ? ok(stackText(t)) : fail('EACCES'))),
    stat: () => textNode(ino(pid, 11), 0o444, uid, () => statText(k, t)),
    status: () => textNode(ino(pid, 12), 0o444, uid, () => statusText(k, t)),
    // proc_pid_wchan(): a reader without ptrace access sees 0.
    wchan: () => fileNode(ino(pid, 13), 0o444, uid, (r) => ok(mayTrace(r, t) ? wchanText(t) : '0')),
    root: () => linkNode(ino(pid, 14), uid, (r) => (mayTrace(r, t) ? ok('/') : fail('EACCES')), (r) => (mayTrace(r, t) ? ok(k.root) : fail('EACCES'))),
    statm: () => textNode(ino(pid, 15), 0o444, uid, () => statmText(live() ?? t)),
  };
  return dirNode(
    ino(pid, 1),
    0o555,
    uid,
    () => Object.keys(entries),
    (name) => entries[name]?.() ?? null,
  );
}

function fdDir(k: Kernel, t: Process): ProcNode {
  return dirNode(
    ino(t.pid, 5),
    0o500,
    t.uid,
    () => t.fds.entries().map(([fd]) => String(fd)),
    (name) => {
      const fd = Number(name);
      const open = /^\d+$/.test(name) ? t.fds.get(fd) : undefined;
      if (!open) return null;
      const link = linkNode(
        ino(t.pid, 1024 + fd),
        t.uid,
        (r) => {
          if (!mayTrace(r, t)) return fail('EACCES');
          const slot = t.fds.get(fd);
          if (!slot) return fail('ENOENT');
          return ok(slot.file.inode.device?.kind === 'tty' ? `/dev/pts/${slot.file.inode.device.minor}` : slot.file.path());
        },
        (r) => {
          if (!mayTrace(r, t)) return fail('EACCES');
          const slot = t.fds.get(fd);
          return slot ? ok(slot.file.inode) : fail('ENOENT');
        },
      );
      return { ...link, mode: fdLinkMode(open.file.flags) };
    },
  );
}

/** proc_fd_link's i_mode: r-x for a file open for reading, -wx for writing, both for O_RDWR (lsof reads it). */
function fdLinkMode(flags: number): number {
  return (canRead(flags) ? 0o500 : 0) | (canWrite(flags) ? 0o300 : 0);
}

function fdinfoDir(t: Process): ProcNode {
  return dirNode(
    ino(t.pid, 6),
    0o500,
    t.uid,
    () => t.fds.entries().map(([fd]) => String(fd)),
    (name) => {
      const fd = Number(name);
      if (!/^\d+$/.test(name) || !t.fds.get(fd)) return null;
      return fileNode(ino(t.pid, 2048 + fd), 0o400, t.uid, (r) => {
        if (!mayTrace(r, t)) return fail('EACCES');
        const text = fdinfoText(t, fd);
        return text === null ? fail('ENOENT') : ok(text);
      });
    },
  );
}
