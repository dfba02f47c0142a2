// Lease holders panel rows: every lease /proc/locks lists, with the state /proc/locks hides (a
// zombie lease still reads ACTIVE there) and the pins that keep it alive.
import type { Host } from '../../host';
import type { Kernel } from '../../host/kernel';
import type { Lease } from '../../host/lease/lease';
import type { LeaseRow } from '../../protocol/views';

function kindOf(lease: Lease): LeaseRow['kind'] {
  if (lease.layout) return lease.exclusive ? 'LAYOUT EXCLUSIVE' : 'LAYOUT';
  return lease.level;
}

export function leaseRow(k: Kernel, lease: Lease): LeaseRow {
  return {
    id: lease.id,
    file: lease.inode.path(),
    dev: lease.inode.devHex,
    ino: lease.inode.ino,
    kind: kindOf(lease),
    pid: lease.pid,
    fd: lease.fd,
    ownerAlive: k.proc(lease.pid)?.alive === true,
    state: lease.state,
    deadline: lease.breaking?.deadline ?? null,
    pins: lease.pinRefs,
    breakers: lease.breakers.map((b) => b.pid).slice(0, 64),
  };
}

/** Every row from scratch: the reference the incremental projection must always equal. */
export function leaseRows(host: Host): LeaseRow[] {
  const k = host.kernel;
  return [...k.leases.values()].map((lease) => leaseRow(k, lease));
}
