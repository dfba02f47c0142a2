// The kernel log ring buffer (kernel/printk/printk.c): records with a sequence number, a
// timestamp, a syslog facility and level. Only what a real kernel prints goes here (kernel.md §5);
// the simulator's own account of events is the event bus, never this buffer.
import type { Clock } from '../sim/clock';
import { NS_PER_US } from '../sim/clock';

/** printk levels (include/linux/kern_levels.h). */
export const KERN_EMERG = 0;
export const KERN_ALERT = 1;
export const KERN_CRIT = 2;
export const KERN_ERR = 3;
export const KERN_WARNING = 4;
export const KERN_NOTICE = 5;
export const KERN_INFO = 6;
export const KERN_DEBUG = 7;

/** syslog facilities of the records: the kernel's own, and daemons writing to /dev/kmsg. */
export const LOG_KERN = 0;
export const LOG_DAEMON = 3;

/** CONFIG_LOG_BUF_SHIFT=17 (Debian): 128 KiB. */
export const LOG_BUF_LEN = 1 << 17;

export interface KmsgRecord {
  readonly seq: number;
  /** local_clock() at printk, ns since boot. */
  readonly tsNs: number;
  readonly facility: number;
  readonly level: number;
  readonly text: string;
}

/** struct printk_log is 16 bytes, records are 8-byte aligned: what a record costs in the buffer. */
function recordSize(text: string): number {
  return (16 + text.length + 7) & ~7;
}

export class Kmsg {
  private records: KmsgRecord[] = [];
  private used = 0;
  private nextSeq = 0;
  /** SYSLOG_ACTION_CLEAR moves this: reads of the whole buffer start here. */
  private clearSeq = 0;
  private lastTs = 0;

  constructor(private readonly clock: Clock) {}

  /**
   * Appends a record. `tsNs` is given only for the boot sequence, which ran before the host's
   * clock starts counting; later records are stamped by the clock, never earlier than the last.
   */
  printk(level: number, text: string, opts: { tsNs?: number; facility?: number } = {}): void {
    const tsNs = Math.max(opts.tsNs ?? this.clock.now(), this.lastTs);
    this.lastTs = tsNs;
    const rec: KmsgRecord = { seq: this.nextSeq++, tsNs, facility: opts.facility ?? LOG_KERN, level, text };
    this.records.push(rec);
    this.used += recordSize(text);
    // The ring overwrites its oldest records; clear_seq follows the first one still there.
    while (this.used > LOG_BUF_LEN && this.records.length > 1) {
      const gone = this.records.shift()!;
      this.used -= recordSize(gone.text);
    }
    const first = this.records[0]!.seq;
    if (this.clearSeq < first) this.clearSeq = first;
  }

  /** The records from clear_seq on (what SYSLOG_ACTION_READ_ALL returns). */
  sinceClear(): readonly KmsgRecord[] {
    const first = this.records[0]?.seq ?? this.nextSeq;
    return this.records.slice(Math.max(0, this.clearSeq - first));
  }

  /** SYSLOG_ACTION_CLEAR. */
  clear(): void {
    this.clearSeq = this.nextSeq;
  }

  all(): readonly KmsgRecord[] {
    return this.records;
  }
}

/** `<PRI>[%5lu.%06lu] text\n`: how syslog(2) and /proc/kmsg hand out a record (print_prefix/print_time). */
export function syslogLine(rec: KmsgRecord): string {
  const us = Math.floor(rec.tsNs / NS_PER_US);
  const sec = Math.floor(us / 1_000_000);
  const frac = String(us % 1_000_000).padStart(6, '0');
  return `<${(rec.facility << 3) | rec.level}>[${String(sec).padStart(5)}.${frac}] ${rec.text}\n`;
}
