// The panel projections read the same kernel structures as procfs: the File pins rows rebuild
// every /proc/<pid>/file_pins exactly, and leases, processes and blocked ops follow the host.
import { describe, expect, it } from 'vitest';
import { abi, NS_PER_SEC } from '../../../../src-main/host/index';
import { filePinRows } from '../../../../src-main/session/views/file-pins';
import { leaseRows } from '../../../../src-main/session/views/leases';
import { processRows } from '../../../../src-main/session/views/processes';
import { BlockedTracker } from '../../../../src-main/session/views/blocked';
import type { FilePinRow } from '../../../../src-main/protocol/views';
import { boot, pinFile, proc, read, value, errnoOf } from '../../host/helpers';

/** /proc/<pid>/file_pins as the rows of one pid say it should read. */
function asProcText(rows: FilePinRow[]): string {
  const out: string[] = [];
  let owner = '';
  let files = new Set<string>();
  for (const r of rows) {
    if (r.fd !== null && r.owner !== owner) {
      owner = r.owner;
      files = new Set();
      out.push(`${r.owner}\n`);
    }
    if (files.has(r.file)) continue;
    files.add(r.file);
    out.push(r.fd === null ? `${r.file}\n` : `\t${r.file}\n`);
  }
  return out.join('');
}

describe('File pins rows', () => {
  it('are the union of every /proc/<pid>/file_pins, one row per range with its MRs and lease', () => {
    const { host, shell } = boot();
    const a = pinFile(host, shell, '/mnt/pmem/foo', 16, { mrs: 2 });
    const b = pinFile(host, shell, '/mnt/pmem/bar', 8);
    const rows = filePinRows(host);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ pid: a.pid, fd: a.ctxFd, owner: `${a.ctxFd}: /dev/infiniband/uverbs0`, file: '/mnt/pmem/foo', first: 0, last: 16, mrCount: 2, leaseState: 'ACTIVE' });
    for (const p of host.processes()) {
      expect(asProcText(rows.filter((r) => r.pid === p.pid))).toBe(read(host, 1, `/proc/${p.pid}/file_pins`));
    }
    expect(rows[1]?.pid).toBe(b.pid);
  });

  it('show the lease turn ZOMBIE when its fd closes, and both holders of a forked context', () => {
    const { host, shell } = boot();
    const a = pinFile(host, shell);
    value(a.sys.close(a.dataFd));
    expect(filePinRows(host)[0]?.leaseState).toBe('ZOMBIE');
    const child = value(a.sys.fork());
    const pids = filePinRows(host).map((r) => r.pid);
    expect(pids).toEqual([a.pid, child]);
    expect(read(host, 1, `/proc/${child}/file_pins`)).toBe(`${a.ctxFd}: /dev/infiniband/uverbs0\n\t/mnt/pmem/foo\n`);
  });
});

describe('Lease holders rows', () => {
  it('name the kind, the owner and the pins, and show the zombie /proc/locks hides', () => {
    const { host, shell } = boot();
    const a = pinFile(host, shell, '/mnt/pmem/foo', 16, { mrs: 4 });
    expect(leaseRows(host)).toEqual([expect.objectContaining({ kind: 'LAYOUT EXCLUSIVE', file: '/mnt/pmem/foo', pid: a.pid, fd: a.dataFd, state: 'ACTIVE', pins: 4, deadline: null })]);
    value(a.sys.close(a.dataFd));
    expect(leaseRows(host)[0]?.state).toBe('ZOMBIE');
    expect(read(host, 1, '/proc/locks')).toContain('ACTIVE');
    value(host.sys(shell).kill(a.pid, 'SIGKILL'));
    host.runUntilIdle();
    expect(leaseRows(host)).toEqual([]);
  });
});

describe('Processes rows', () => {
  it('say what each console signal would do and who shares an RDMA context', () => {
    const { host, shell } = boot();
    const a = pinFile(host, shell);
    const child = value(a.sys.fork());
    const rows = new Map(processRows(host).map((r) => [r.pid, r]));
    expect(rows.get(1)?.effects.SIGKILL).toBe('ignore');
    expect(rows.get(shell)).toMatchObject({ comm: 'bash', tty: 'pts/0', effects: { SIGTERM: 'ignore', SIGKILL: 'terminate' } });
    expect(rows.get(a.pid)?.rdma).toEqual([expect.objectContaining({ fd: a.ctxFd, mrs: 1, pins: 1, pinnedPages: 16, sharedWith: [child] })]);
    expect(rows.get(a.pid)?.leases).toHaveLength(1);
    value(host.sys(1).kill(child, 'SIGSTOP'));
    expect(processRows(host).find((r) => r.pid === child)).toMatchObject({ state: 'T', wchan: 'do_signal_stop', effects: { SIGCONT: 'continue' } });
  });
});

describe('Blocked truncates', () => {
  it('record a refused truncate with what blocks it, and clear when the pins unwind', () => {
    const { host, shell, root } = boot();
    const tracker = new BlockedTracker(host);
    host.onEvent((e) => tracker.observe(e));
    const a = pinFile(host, shell);
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('ETXTBSY');
    const [row] = tracker.rows();
    expect(row).toMatchObject({ kind: 'refused', status: 'refused', op: 'truncate', path: '/mnt/pmem/foo', pid: shell, errno: 'ETXTBSY', message: 'Text file busy', pinCount: 1, retryable: true });
    expect(row?.pins[0]).toMatchObject({ pid: a.pid, first: 0, last: 16 });
    expect(row?.leases).toHaveLength(1);
    value(host.sys(1).kill(a.pid, 'SIGKILL'));
    host.runUntilIdle();
    expect(tracker.rows()[0]).toMatchObject({ status: 'clear', pinCount: 0, leases: [] });
    value(root.truncate('/mnt/pmem/foo', 0));
    expect(tracker.rows()[0]).toMatchObject({ status: 'done', retryable: false });
    expect(tracker.get(row!.id)?.offset).toBe(0);
  });

  it('record a truncate sleeping in a lease break, and how it ended', () => {
    const { host, shell, root } = boot();
    const tracker = new BlockedTracker(host);
    host.onEvent((e) => tracker.observe(e));
    const { pid, sys } = proc(host, shell, ['db']);
    const fd = value(sys.open('/mnt/pmem/bar', abi.O_RDONLY));
    value(sys.sigaction('SIGIO', () => {}));
    value(sys.fcntl(fd, abi.F_SETLEASE, abi.F_RDLCK));
    expect(errnoOf(root.truncate('/mnt/pmem/bar', 0))).toBe('pending:__break_lease');
    expect(tracker.rows()[0]).toMatchObject({ kind: 'waiting', status: 'waiting', op: 'truncate', path: '/mnt/pmem/bar', pid: shell, wchan: '__break_lease', retryable: false });
    host.advance(46 * NS_PER_SEC);
    expect(tracker.rows()[0]).toMatchObject({ status: 'done', resolvedAt: expect.any(Number) });
    expect(host.kernel.proc(pid)?.alive).toBe(true);
  });
});
