// The shell's filesystem as one host process sees it: every call is that process's syscall, so
// permissions, leases and sleeping calls are the kernel's, and opened files are its own fds.
import { abi, type Host, type Stat, type SysResult } from '../host';
import { FsError, type FileType, type OpenMode, type ShellFile, type ShellFs, type ShellStat } from '../shell/fs';
import type { ClockDriver } from './clock';

const TYPES: Record<string, FileType> = {
  reg: 'file',
  dir: 'dir',
  lnk: 'symlink',
  chr: 'char',
  blk: 'block',
  fifo: 'fifo',
  sock: 'socket',
};

const FLAGS: Record<OpenMode, number> = {
  r: abi.O_RDONLY,
  w: abi.O_WRONLY | abi.O_CREAT | abi.O_TRUNC,
  a: abi.O_WRONLY | abi.O_APPEND | abi.O_CREAT,
  rw: abi.O_RDWR | abi.O_CREAT,
};

const READ_CHUNK = 64 * 1024;

function value<T>(r: SysResult<T>, path = ''): T {
  if (!r.ok) throw new FsError(r.errno, path);
  return r.value;
}

function toShellStat(s: Stat): ShellStat {
  return { type: TYPES[s.type] ?? 'file', mode: s.mode & 0o7777, size: s.size, uid: s.uid, gid: s.gid, mtimeMs: s.mtimeNs / 1e6 };
}

export interface KernelFsOptions {
  /**
   * Whether a redirection may dup2 its file onto the target fd. A command's own process may; the
   * shell itself may not, since its fds 0–2 are its terminal (bash saves and restores them).
   */
  placeFds: boolean;
}

export function kernelFs(host: Host, pid: number, clock: ClockDriver, opts: KernelFsOptions): ShellFs {
  const sys = () => host.sys(pid);
  const alive = () => host.kernel.proc(pid)?.alive === true;
  return {
    stat: (path) => toShellStat(value(sys().stat(path), path)),
    lstat: (path) => toShellStat(value(sys().lstat(path), path)),
    readdir: (path) => value(sys().readdir(path), path).map((e) => e.name),
    async open(path, mode): Promise<ShellFile> {
      let fd = value(await clock.settle(sys().open(path, FLAGS[mode], 0o666)), path);
      let closed = false;
      const file: ShellFile = {
        read: () => {
          const r = value(sys().read(fd, READ_CHUNK), path);
          return r.length === 0 ? null : r;
        },
        write: async (data) => {
          value(await clock.settle(sys().write(fd, data)), path);
        },
        close: async () => {
          if (closed || !alive()) return;
          closed = true;
          value(await clock.settle(sys().close(fd)), path);
        },
      };
      if (opts.placeFds) {
        file.placeAt = (target) => {
          if (target === fd) return;
          value(sys().dup2(fd, target));
          value(sys().close(fd) as SysResult<void>);
          fd = target;
        };
      }
      return file;
    },
  };
}
