// Generators of the per-process text files: status, stat, cmdline, comm, maps, stack, wchan,
// fdinfo and file_pins — formats of Linux 5.3 fs/proc (array.c, task_mmu.c, base.c, fd.c).
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import { SIGNALS, signalNumber, type Signal } from '../abi/signals';
import { USER_HZ, NS_PER_SEC } from '../sim/clock';
import { MAP_SHARED, O_CLOEXEC, O_LARGEFILE, PAGE_SIZE, PROT_EXEC, PROT_READ, PROT_WRITE } from '../abi/fcntl';
import { fdLockLines } from './locks';
import { processGroup, sessionId, terminalForeground } from './session';
import type { OpenFile } from '../fd/file';
import type { FilePin } from '../rdma/uverbs';

const STATE_TEXT = { R: 'R (running)', S: 'S (sleeping)', D: 'D (disk sleep)', T: 'T (stopped)', Z: 'Z (zombie)' } as const;

function sigmask(task: Process, pick: (sig: Signal) => boolean): string {
  let hi = 0;
  let lo = 0;
  for (const s of SIGNALS) {
    if (!pick(s)) continue;
    const bit = signalNumber(s) - 1;
    if (bit < 32) lo |= 1 << bit;
    else hi |= 1 << (bit - 32);
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** Pages this process registered in non-ODP MRs: mm->pinned_vm, shown as VmPin. */
function pinnedPages(k: Kernel, task: Process): number {
  let n = 0;
  for (const mr of k.mrs.values()) {
    if (mr.pid !== task.pid) continue;
    if (!mr.odp) for (const seg of mr.segments) n += seg.last - seg.first;
  }
  return n;
}

export function statusText(k: Kernel, task: Process): string {
  const ids = (n: number) => `${n}\t${n}\t${n}\t${n}`;
  const lines = [
    `Name:\t${task.comm}`,
    `Umask:\t${task.umask.toString(8).padStart(4, '0')}`,
    `State:\t${STATE_TEXT[task.state]}`,
    `Tgid:\t${task.pid}`,
    'Ngid:\t0',
    `Pid:\t${task.pid}`,
    `PPid:\t${task.ppid}`,
    'TracerPid:\t0',
    `Uid:\t${ids(task.uid)}`,
    `Gid:\t${ids(task.gid)}`,
    `FDSize:\t${task.fds.capacity}`,
    `Groups:\t${task.gid} `,
    `NStgid:\t${task.pid}`,
    `NSpid:\t${task.pid}`,
    `NSpgid:\t${processGroup(k, task)}`,
    `NSsid:\t${sessionId(k, task)}`,
  ];
  if (task.state !== 'Z') {
    const kb = (bytes: number) => `${String(Math.floor(bytes / 1024)).padStart(8)} kB`;
    const vm = task.mm.totalBytes() + 2344 * 1024;
    lines.push(`VmPeak:\t${kb(vm)}`, `VmSize:\t${kb(vm)}`, `VmLck:\t${kb(0)}`, `VmPin:\t${kb(pinnedPages(k, task) * PAGE_SIZE)}`, `VmHWM:\t${kb(1220 * 1024)}`, `VmRSS:\t${kb(1220 * 1024)}`);
  }
  lines.push(
    'Threads:\t1',
    'SigQ:\t0/63419',
    `SigPnd:\t${sigmask(task, (s) => task.pendingSignals.includes(s))}`,
    'ShdPnd:\t0000000000000000',
    'SigBlk:\t0000000000000000',
    `SigIgn:\t${sigmask(task, (s) => task.disposition(s) === 'ignore')}`,
    `SigCgt:\t${sigmask(task, (s) => typeof task.disposition(s) === 'function')}`,
    'CapInh:\t0000000000000000',
    `CapPrm:\t${task.uid === 0 ? '0000003fffffffff' : '0000000000000000'}`,
    `CapEff:\t${task.uid === 0 ? '0000003fffffffff' : '0000000000000000'}`,
    'CapBnd:\t0000003fffffffff',
    'CapAmb:\t0000000000000000',
    'NoNewPrivs:\t0',
    'Seccomp:\t0',
    'Cpus_allowed:\t3',
    'Cpus_allowed_list:\t0-1',
    'voluntary_ctxt_switches:\t0',
    'nonvoluntary_ctxt_switches:\t0',
  );
  return lines.join('\n') + '\n';
}

/**
 * task->flags: PF_RANDOMIZE for all; PF_SUPERPRIV (ps -l's F 4) for init and login shells, the
 * processes that used root's capabilities — an ordinary command shows F 0.
 */
function statFlags(k: Kernel, task: Process): number {
  const PF_RANDOMIZE = 0x400000;
  const PF_SUPERPRIV = 0x100;
  return PF_RANDOMIZE | (task.uid === 0 && (task.pid === 1 || (task.tty !== null && sessionId(k, task) === task.pid)) ? PF_SUPERPRIV : 0);
}

/** /proc/<pid>/stat: the 52 fields of fs/proc/array.c do_task_stat(). */
export function statText(k: Kernel, task: Process): string {
  const ticks = Math.floor((task.startTime * USER_HZ) / NS_PER_SEC);
  const ttyNr = task.tty === null ? 0 : (136 << 8) | task.tty;
  const vsize = task.state === 'Z' ? 0 : task.mm.totalBytes() + 2344 * 1024;
  const rss = task.state === 'Z' ? 0 : 305;
  const f = [task.pid, `(${task.comm})`, task.state, task.ppid, processGroup(k, task), sessionId(k, task), ttyNr, terminalForeground(k, task), statFlags(k, task), 0, 0, 0, 0, 0, 0, 0, 0, 20, 0, 1, 0, ticks, vsize, rss, '18446744073709551615', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  return f.join(' ') + '\n';
}

/** /proc/<pid>/statm (pages): size resident shared text lib data dt, matching stat's vsize and rss. */
export function statmText(task: Process): string {
  if (task.state === 'Z') return '0 0 0 0 0 0 0\n';
  const size = Math.floor((task.mm.totalBytes() + 2344 * 1024) / PAGE_SIZE);
  return `${size} 305 264 6 0 84 0\n`;
}

export function cmdlineText(task: Process): string {
  return task.state === 'Z' ? '' : task.argv.map((a) => `${a}\0`).join('');
}

/** Stacks of idle programs by wchan (what `cat /proc/<pid>/stack` shows while they sleep). */
const IDLE_STACKS: Record<string, string[]> = {
  do_nanosleep: ['hrtimer_nanosleep+0xd0/0x170', 'do_nanosleep+0x8e/0x170', '__x64_sys_nanosleep+0x9a/0xc0'],
  do_wait: ['do_wait+0x1cb/0x230', 'kernel_wait4+0xa6/0x140', '__do_sys_wait4+0x83/0x90'],
  ep_poll: ['ep_poll+0x26b/0x460', 'do_epoll_wait+0xb0/0xd0', '__x64_sys_epoll_wait+0x1a/0x20'],
  wait_woken: ['wait_woken+0x43/0x80', 'n_tty_read+0x418/0x8c0', 'tty_read+0x95/0x110', 'vfs_read+0x8e/0x130', 'ksys_read+0x5a/0xd0'],
  do_sigtimedwait: ['do_sigtimedwait+0x192/0x230', '__x64_sys_rt_sigtimedwait+0x6e/0xd0'],
  unix_stream_read_generic: ['unix_stream_read_generic+0x6c5/0x8e0', 'unix_stream_recvmsg+0x53/0x70', '____sys_recvmsg+0x8d/0x180', '___sys_recvmsg+0x7e/0xc0'],
};

export function stackText(task: Process): string {
  if (task.state === 'Z' || task.state === 'R') return '';
  const inner = task.wait ? [...task.wait.spec.stack] : [...(IDLE_STACKS[task.wchan] ?? []), 'do_syscall_64+0x5b/0x1d0', 'entry_SYSCALL_64_after_hwframe+0x44/0xa9'];
  if (task.state === 'T') inner.unshift('do_signal_stop+0x10c/0x240', 'get_signal+0x184/0x850');
  return inner.map((l) => `[<0>] ${l}\n`).join('');
}

export function wchanText(task: Process): string {
  return task.state === 'S' || task.state === 'D' ? task.wchan || '0' : task.state === 'T' ? 'do_signal_stop' : '0';
}

/** show_map_vma(): fields, then the path padded to column 73. */
export function mapsText(task: Process): string {
  return task.mm.vmas
    .map((v) => {
      const perms = `${v.prot & PROT_READ ? 'r' : '-'}${v.prot & PROT_WRITE ? 'w' : '-'}${v.prot & PROT_EXEC ? 'x' : '-'}${v.flags & MAP_SHARED ? 's' : 'p'}`;
      const inode = v.file?.inode;
      const dev = inode ? inode.devHex : '00:00';
      const head = `${v.start.toString(16).padStart(8, '0')}-${v.end.toString(16).padStart(8, '0')} ${perms} ${(v.pgoff * PAGE_SIZE).toString(16).padStart(8, '0')} ${dev} ${inode ? inode.ino : 0} `;
      return v.file ? `${head.padEnd(72)} ${v.file.path()}\n` : `${head}\n`;
    })
    .join('');
}

/** mnt_id of a superblock's mount, as fdinfo and mountinfo show it. */
export function mountId(sbId: number): number {
  return 20 + sbId;
}

export function fdinfoText(task: Process, fd: number): string | null {
  const slot = task.fds.get(fd);
  if (!slot) return null;
  const f = slot.file;
  const flags = f.flags | (slot.cloexec ? O_CLOEXEC : 0) | (f.inode.type === 'reg' ? O_LARGEFILE : 0);
  return `pos:\t${f.pos}\nflags:\t0${flags.toString(8)}\nmnt_id:\t${mountId(f.inode.sb.id)}\n${fdLockLines(f.leases)}`;
}

/**
 * /proc/<pid>/file_pins in the layout of the 003 cover letter: the owning fd line
 * `N: /dev/infiniband/uverbs0`, one tab-indented path per pinned file, then mm-owned pins as bare
 * paths (kernel.md §5 follows the cover letter, not patch 18's three spaces and `mm: `).
 */
export function filePinsText(task: Process): string {
  const out: string[] = [];
  for (const e of filePinEntries(task)) {
    if (e.owner) out.push(`${e.fd}: ${e.owner.path()}\n`);
    for (const fp of e.pins) out.push(e.owner ? `\t${fp.inode.path()}\n` : `${fp.inode.path()}\n`);
  }
  return out.join('');
}

/** The owners file_pins lists, in its order: the console's File pins table reads this same list. */
export function filePinEntries(task: Process): Array<{ fd: number | null; owner: OpenFile | null; pins: readonly FilePin[] }> {
  const out: Array<{ fd: number | null; owner: OpenFile | null; pins: readonly FilePin[] }> = [];
  for (const [fd, slot] of task.fds.entries()) {
    const pins = slot.file.uverbs?.filePins;
    if (pins && pins.length > 0) out.push({ fd, owner: slot.file, pins });
  }
  if (task.mmPins.length > 0) out.push({ fd: null, owner: null, pins: task.mmPins });
  return out;
}
