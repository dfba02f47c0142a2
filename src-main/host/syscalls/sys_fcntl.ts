// fcntl(2): leases (F_SETLEASE/F_GETLEASE with the RFC's F_LAYOUT|F_EXCLUSIVE), owner and signal
// for lease breaks (F_SETOWN/F_SETSIG), descriptor and status flags.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import { fail, ok, type SysResult } from '../sim/result';
import * as F from '../abi/fcntl';
import { signalFromNumber, signalNumber } from '../abi/signals';
import { fdFile } from './common';
import { getLease, parseLeaseArg, setLease } from '../lease/leases';
import { sysDup } from './sys_open';

const SETFL_MASK = F.O_APPEND | F.O_NONBLOCK | F.FASYNC;

export function sysFcntl(k: Kernel, task: Process, fd: number, cmd: number, arg = 0): SysResult<number> {
  const f = fdFile(task, fd);
  if (!f.ok) return f;
  const file = f.value;
  switch (cmd) {
    case F.F_SETLEASE: {
      const req = parseLeaseArg(arg);
      if (!req.ok) return req;
      const r = setLease(k, task, fd, file, req.value);
      return r.ok ? ok(0) : r;
    }
    case F.F_GETLEASE:
      return ok(getLease(k, file));
    case F.F_SETOWN:
      file.owner = arg;
      return ok(0);
    case F.F_GETOWN:
      return ok(file.owner);
    case F.F_SETSIG: {
      if (arg === 0) {
        file.sig = 0;
        return ok(0);
      }
      const sig = signalFromNumber(arg);
      if (!sig) return fail('EINVAL');
      file.sig = sig;
      return ok(0);
    }
    case F.F_GETSIG:
      return ok(file.sig === 0 ? 0 : signalNumber(file.sig));
    case F.F_GETFL:
      return ok(file.flags | (file.inode.type === 'reg' ? F.O_LARGEFILE : 0));
    case F.F_SETFL:
      file.flags = (file.flags & ~SETFL_MASK) | (arg & SETFL_MASK);
      return ok(0);
    case F.F_GETFD:
      return ok(task.fds.get(fd)!.cloexec ? F.FD_CLOEXEC : 0);
    case F.F_SETFD:
      task.fds.get(fd)!.cloexec = (arg & F.FD_CLOEXEC) !== 0;
      return ok(0);
    case F.F_DUPFD:
      return sysDup(k, task, fd, arg);
    default:
      return fail('EINVAL');
  }
}
