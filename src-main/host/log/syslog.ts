// syslog(2) / klogctl(3) on the kernel log (do_syslog in kernel/printk/printk.c): what dmesg uses
// to read and clear the ring buffer, with the kernel.dmesg_restrict check.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import { fail, ok, type SysResult } from '../sim/result';
import { LOG_BUF_LEN, syslogLine } from './kmsg';

export const SYSLOG_ACTION_CLOSE = 0;
export const SYSLOG_ACTION_OPEN = 1;
export const SYSLOG_ACTION_READ_ALL = 3;
export const SYSLOG_ACTION_READ_CLEAR = 4;
export const SYSLOG_ACTION_CLEAR = 5;
export const SYSLOG_ACTION_CONSOLE_OFF = 6;
export const SYSLOG_ACTION_CONSOLE_ON = 7;
export const SYSLOG_ACTION_CONSOLE_LEVEL = 8;
export const SYSLOG_ACTION_SIZE_UNREAD = 9;
export const SYSLOG_ACTION_SIZE_BUFFER = 10;

export interface SyslogResult {
  /** The syscall's return value: bytes copied, or the size asked for. */
  readonly n: number;
  /** What was copied into the caller's buffer. */
  readonly data: string;
}

/** syslog_action_restricted(): with dmesg_restrict every action needs CAP_SYSLOG (root here). */
function restricted(k: Kernel, type: number): boolean {
  if (k.sysctlNumber('kernel.dmesg_restrict') !== 0) return true;
  return type !== SYSLOG_ACTION_READ_ALL && type !== SYSLOG_ACTION_SIZE_BUFFER;
}

/** syslog_print_all(): the newest records since the last clear that fit in `len` bytes. */
function printAll(k: Kernel, len: number, clear: boolean): string {
  const lines = k.kmsg.sinceClear().map(syslogLine);
  let size = 0;
  let from = lines.length;
  while (from > 0 && size + lines[from - 1]!.length <= len) size += lines[--from]!.length;
  if (clear) k.kmsg.clear();
  return lines.slice(from).join('');
}

export function sysSyslog(k: Kernel, task: Process, type: number, len: number): SysResult<SyslogResult> {
  if (type === SYSLOG_ACTION_CLOSE || type === SYSLOG_ACTION_OPEN) return ok({ n: 0, data: '' });
  if (restricted(k, type) && task.uid !== 0) return fail('EPERM');
  switch (type) {
    case SYSLOG_ACTION_READ_ALL:
    case SYSLOG_ACTION_READ_CLEAR: {
      if (len < 0) return fail('EINVAL');
      const data = printAll(k, len, type === SYSLOG_ACTION_READ_CLEAR);
      return ok({ n: data.length, data });
    }
    case SYSLOG_ACTION_CLEAR:
      k.kmsg.clear();
      return ok({ n: 0, data: '' });
    case SYSLOG_ACTION_CONSOLE_OFF:
    case SYSLOG_ACTION_CONSOLE_ON:
      // There is no console to print to: only the permission check is real.
      return ok({ n: 0, data: '' });
    case SYSLOG_ACTION_CONSOLE_LEVEL:
      return len < 1 || len > 8 ? fail('EINVAL') : ok({ n: 0, data: '' });
    case SYSLOG_ACTION_SIZE_UNREAD:
      // Nothing reads /proc/kmsg here, so every record is still unread.
      return ok({ n: k.kmsg.all().reduce((n, r) => n + syslogLine(r).length, 0), data: '' });
    case SYSLOG_ACTION_SIZE_BUFFER:
      return ok({ n: LOG_BUF_LEN, data: '' });
    default:
      return fail('EINVAL');
  }
}
