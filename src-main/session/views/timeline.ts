// Timeline entries: each kernel event in one line of plain words, with the pid and path it is
// about so the window can filter by them.
import type { HostEvent } from '../../host';
import type { TimelineEntry } from '../../protocol/views';

const pages = (first: number, last: number) => (last - first === 1 ? `page ${first}` : `pages ${first}-${last - 1}`);

/** One line per event kind; the switch is exhaustive so a new kind cannot go unshown. */
export function describe(e: HostEvent): string {
  switch (e.kind) {
    case 'host.boot': return `host ${e.hostname} booted (${e.release}, policy ${e.policy})`;
    case 'policy.switch': return `policy ${e.from} → ${e.to}`;
    case 'sysctl.set': return `sysctl ${e.name} = ${e.value}`;
    case 'process.spawn': return `pid ${e.pid} started by ${e.ppid}: ${e.argv.join(' ')}`;
    case 'process.fork': return `pid ${e.pid} forked ${e.child}`;
    case 'process.exec': return `pid ${e.pid} exec ${e.argv.join(' ')}`;
    case 'process.block': return `pid ${e.pid} sleeps in ${e.syscall}() at ${e.wchan}`;
    case 'process.wake': return `pid ${e.pid} ${e.syscall}() ${e.killed ? 'ended: the process died' : e.errno ? `returned ${e.errno}` : 'completed'}`;
    case 'process.stop': return `pid ${e.pid} stopped (${e.sig})`;
    case 'process.cont': return `pid ${e.pid} continued`;
    case 'process.exit': return `pid ${e.pid} exits${e.sig ? ` (${e.sig}${e.core ? ', core' : ''})` : ` with status ${e.code ?? 0}`}`;
    case 'process.zombie': return `pid ${e.pid} is a zombie (status ${e.status})`;
    case 'process.reparent': return `pid ${e.pid} reparented ${e.from} → ${e.to}`;
    case 'process.reap': return `pid ${e.pid} reaped by ${e.by}`;
    case 'signal': return `${e.sig} from ${e.from} to pid ${e.pid}: ${e.action}`;
    case 'fd.open': return `pid ${e.pid} opened ${e.path} as fd ${e.fd}`;
    case 'fd.dup': return `pid ${e.pid} dup fd ${e.fd} → ${e.newfd}`;
    case 'fd.close': return `pid ${e.pid} closed fd ${e.fd} (${e.path})`;
    case 'fd.receive': return `pid ${e.pid} received ${e.path} as fd ${e.fd} from ${e.from}`;
    case 'file.release': return `open file ${e.file} released (${e.path})`;
    case 'file.write': return `pid ${e.pid} wrote ${e.length} bytes to ${e.path}`;
    case 'inode.create': return `created ${e.path}`;
    case 'inode.unlink': return `unlinked ${e.path}`;
    case 'inode.rename': return `renamed ${e.from} → ${e.to}`;
    case 'inode.evict': return `${e.path} freed (${e.blocks} blocks)`;
    case 'inode.chmod': return `chmod ${e.mode.toString(8)} ${e.path}`;
    case 'layout.change': return `${e.op} of ${e.path} by pid ${e.pid} done (size ${e.sizeBefore} → ${e.sizeAfter})`;
    case 'layout.refused': return `${e.op} of ${e.path} by pid ${e.pid} refused: ${e.errno} — ${e.reason}`;
    case 'layout.seal': return `block map of ${e.path} ${e.sealed ? 'sealed' : 'unsealed'} (${e.by === 'map-direct' ? 'MAP_DIRECT mapping' : 'fallocate'}, pid ${e.pid})`;
    case 'lease.set': return `pid ${e.pid} took ${e.type}${e.exclusive ? ' EXCLUSIVE' : ''} lease ${e.lease} on ${e.path} (fd ${e.fd})`;
    case 'lease.modify': return `lease ${e.lease} now ${e.type} ${e.level}`;
    case 'lease.zombie': return `lease ${e.lease} on ${e.path} is a zombie: its fds are closed, pins keep it`;
    case 'lease.break': return `lease ${e.lease} on ${e.path} breaking for pid ${e.breaker}`;
    case 'lease.release': return `lease ${e.lease} on ${e.path} released (${e.reason})`;
    case 'mm.map': return `pid ${e.pid} mapped ${e.path || 'anonymous memory'}`;
    case 'mm.unmap': return `pid ${e.pid} unmapped ${e.path || 'anonymous memory'}`;
    case 'mm.exit': return `pid ${e.pid} address space torn down (${e.vmas} mappings)`;
    case 'rdma.context': return `pid ${e.pid} opened RDMA context ${e.ctx} as fd ${e.fd}`;
    case 'rdma.pd': return `context ${e.ctx} allocated PD ${e.pd}`;
    case 'rdma.mr': return `pid ${e.pid} registered MR ${e.mr}${e.odp ? ' (ODP)' : ''}, ${e.length} bytes`;
    case 'rdma.mr.refused': return `pid ${e.pid} MR over ${e.path} refused: ${e.errno}`;
    case 'rdma.dereg': return `MR ${e.mr} deregistered${e.reason === 'context-release' ? ' (context released)' : ''}`;
    case 'rdma.context.release': return `RDMA context ${e.ctx} released (${e.mrs} MRs)`;
    case 'rdma.odp.invalidate': return `MR ${e.mr} invalidated over ${e.path} ${pages(e.first, e.last)}`;
    case 'rdma.odp.fault': return `MR ${e.mr} faulted on ${e.path} ${pages(e.first, e.last)}: ${e.resolved ? 'pages mapped again' : 'no pages there, access failed'}`;
    case 'pin.take': return `pid ${e.pid} pinned ${e.path} ${pages(e.first, e.last)} (MR ${e.mr})`;
    case 'pin.release': return `unpinned ${e.path} ${pages(e.first, e.last)} (MR ${e.mr})`;
    case 'data.divergence': return `${e.path} ${pages(e.first, e.last)} changed under MR ${e.mr}: data divergence`;
    case 'socket.send': return `pid ${e.pid} sent ${e.files.length} file(s) over fd ${e.fd}`;
    case 'socket.recv': return `pid ${e.pid} received ${e.fds.length} fd(s) on fd ${e.fd}`;
  }
}

export function timelineEntry(id: number, e: HostEvent, action: number | null): TimelineEntry {
  const pid = 'pid' in e && typeof e.pid === 'number' ? e.pid : null;
  const path = 'path' in e && typeof e.path === 'string' && e.path ? e.path : e.kind === 'inode.rename' ? e.to : null;
  return { id, seq: e.seq, t: e.t, kind: e.kind, pid, path, text: describe(e).slice(0, 4096), action };
}
