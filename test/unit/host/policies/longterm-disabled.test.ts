// longterm-disabled: mainline's answer then and now — FOLL_LONGTERM on fsdax is refused (seed 003
// patch 19 "mm/gup: Remove FOLL_LONGTERM DAX exclusion" is what the RFC had to undo; seed 000, Dan
// Williams: "the current status quo of taking all of the functionality away").
import { describe, expect, it } from 'vitest';
import { abi } from '../../../../src-main/host/index';
import { errnoOf, expectSane, LAYOUT_EXCLUSIVE, PAGE, pinFile, proc, RW_ACCESS, value } from '../helpers';
import { bootUnder, eventsOf, prepare, reg, track } from './util';

describe('longterm-disabled: pins (003 patch 19, 000 "taking all of the functionality away")', () => {
  it('ibv_reg_mr on an fsdax mapping fails with EOPNOTSUPP, with or without an exclusive layout lease', () => {
    const { host, shell } = bootUnder('longterm-disabled');
    for (const path of ['/mnt/pmem/foo', '/mnt/pmem1/data']) {
      const r = prepare(host, shell, path, 4);
      expect(errnoOf(reg(r, 4))).toBe('EOPNOTSUPP');
      value(r.sys.fcntl(r.fd, abi.F_SETLEASE, LAYOUT_EXCLUSIVE));
      expect(errnoOf(reg(r, 4))).toBe('EOPNOTSUPP');
    }
    expect(eventsOf(host, 'rdma.mr.refused').map((e) => (e.kind === 'rdma.mr.refused' ? e.errno : ''))).toEqual(['EOPNOTSUPP', 'EOPNOTSUPP', 'EOPNOTSUPP', 'EOPNOTSUPP']);
    expect(host.kernel.segments.size).toBe(0);
    expectSane(host);
  });

  it('a writable long-term pin of a page-cache file fails with EFAULT (mainline since 2023); a read-only one is taken', () => {
    const { host, shell, root } = bootUnder('longterm-disabled', { setup: { files: [{ path: '/root/buf', size: 16 * PAGE }] } });
    const w = prepare(host, shell, '/root/buf', 4);
    expect(errnoOf(reg(w, 4))).toBe('EFAULT');
    const r = prepare(host, shell, '/root/buf', 4, { open: abi.O_RDONLY, prot: abi.PROT_READ });
    expect(errnoOf(reg(r, 4, abi.IBV_ACCESS_REMOTE_READ))).toBe('ok');
    expect(host.kernel.segments.size).toBe(1);
    value(root.truncate('/root/buf', PAGE));
    expect(eventsOf(host, 'data.divergence')).toHaveLength(1);
    expectSane(host);
  });

  it('device DAX and ODP still work (kernel.md §4)', () => {
    const { host, shell } = bootUnder('longterm-disabled');
    const d = prepare(host, shell, '/dev/dax2.0', 4);
    expect(errnoOf(reg(d, 4))).toBe('ok');
    const o = prepare(host, shell, '/mnt/pmem/bar', 4);
    expect(errnoOf(reg(o, 4, RW_ACCESS | abi.IBV_ACCESS_ON_DEMAND))).toBe('ok');
    expect(host.kernel.segments.size).toBe(0);
  });

  it('nothing is pinned, so truncate succeeds — an exclusive layout lease has no veto in this design', () => {
    const { host, shell, root } = bootUnder('longterm-disabled');
    const a = proc(host, shell, ['db']);
    const fd = value(a.sys.open('/mnt/pmem/foo', abi.O_RDWR));
    value(a.sys.fcntl(fd, abi.F_SETLEASE, LAYOUT_EXCLUSIVE));
    expect(errnoOf(root.truncate('/mnt/pmem/foo', PAGE))).toBe('ok');
    expect(errnoOf(a.sys.ftruncate(fd, 0))).toBe('ok');
  });
});

describe('longterm-disabled after a switch (kernel.md §4, pins left without an exclusive lease)', () => {
  it('pins taken under rfc-v2 keep their blocks: a truncate over them waits instead of freeing them', () => {
    const { host, shell, root } = bootUnder('rfc-v2');
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    value(host.setPolicy('longterm-disabled'));
    const s = track(root.truncate('/mnt/pmem/foo', 0));
    expect(s).toMatchObject({ done: false, wchan: 'xfs_break_dax_layouts' });
    expectSane(host);
    value(p.sys.ibv_dereg_mr(p.ctxFd, p.mrs[0]!));
    expect(s).toMatchObject({ done: true, result: 'ok' });
  });

  it('F_UNLCK is allowed with pins (EBUSY is rfc-v2\'s answer); back under rfc-v2 the bare pins make a truncate wait', () => {
    const { host, shell, root } = bootUnder('rfc-v2');
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    expect(errnoOf(p.sys.fcntl(p.dataFd, abi.F_SETLEASE, abi.F_UNLCK))).toBe('EBUSY');
    value(host.setPolicy('longterm-disabled'));
    value(p.sys.fcntl(p.dataFd, abi.F_SETLEASE, abi.F_UNLCK));
    expect(host.kernel.leases.size).toBe(0);
    value(host.setPolicy('rfc-v2'));
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('pending:xfs_break_dax_layouts');
    expectSane(host);
    value(host.sys(shell).kill(p.pid, 'SIGKILL'));
    expect(value(root.stat('/mnt/pmem/foo')).size).toBe(0);
    expectSane(host);
  });
});
