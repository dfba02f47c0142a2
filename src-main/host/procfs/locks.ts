// /proc/locks in the v5.4+ format of fs/locks.c lock_get_status() (reference §1.1). Layout leases
// show `LAYOUT` in the type column (pinsim's choice, kernel.md §5: the RFC code would print a
// misleading UNLCK); a zombie lease still shows ACTIVE with its creator's pid.
import type { Kernel } from '../kernel';
import type { Lease } from '../lease/lease';

/** The type column: the break target while breaking (target_leasetype), else the lease's type. */
export function leaseTypeColumn(lease: Lease): string {
  if (lease.breaking) return lease.breaking.target;
  return lease.type;
}

function leaseLine(id: number, lease: Lease): string {
  const state = lease.breaking ? 'BREAKING  ' : 'ACTIVE    ';
  return `${id}: LEASE  ${state}${leaseTypeColumn(lease)} ${lease.pid} ${lease.inode.devHex}:${lease.inode.ino} 0 EOF\n`;
}

/** A blocked breaker: `-> ` under the lease, nested one space deeper per earlier waiter. */
function breakerLine(id: number, depth: number, type: string, pid: number): string {
  const pfx = '-> ';
  return `${id}: ${' '.repeat(depth)}${pfx}LEASE  BREAKER   ${type} ${pid} <none>:0 0 EOF\n`;
}

/** Newest lease first, as the kernel's per-cpu lists (hlist_add_head) give it. */
export function renderLocks(k: Kernel): string {
  const leases = [...k.leases.values()];
  const out: string[] = [];
  let id = 0;
  for (let i = leases.length - 1; i >= 0; i--) {
    const lease = leases[i]!;
    id++;
    out.push(leaseLine(id, lease));
    lease.breakers.forEach((b, depth) => out.push(breakerLine(id, depth, b.type, b.pid)));
  }
  return out.join('');
}

/** fdinfo `lock:` lines for the leases on one open file (show_fd_locks). */
export function fdLockLines(lease: readonly Lease[]): string {
  return lease.map((l, i) => `lock:\t${leaseLine(i + 1, l)}`).join('');
}
