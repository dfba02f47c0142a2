// legacy-hang: pins need no lease; layout changes over pinned DAX pages wait, interruptibly
// (seed 003 #2, Ira Weiny: "by 'fail' I mean hang"; seed 001, Dave Chinner: "dax_layout_busy_page
// can block forever when userspace pins the file for RDMA").
import { describe, expect, it } from 'vitest';
import { abi } from '../../../../src-main/host/index';
import { errnoOf, expectSane, PAGE, pinFile, proc, read, value } from '../helpers';
import { bootUnder, eventsOf, track } from './util';

const PUNCH = abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE;

describe('legacy-hang: pins (seed 003 #2)', () => {
  it('pins an fsdax file without any lease; the pin names no lease', () => {
    const { host, shell } = bootUnder('legacy-hang');
    const p = pinFile(host, shell, '/mnt/pmem/foo', 8, { lease: null });
    expect(host.kernel.segments.size).toBe(1);
    const take = eventsOf(host, 'pin.take')[0]!;
    expect(take).toMatchObject({ path: '/mnt/pmem/foo', first: 0, last: 8 });
    expect('lease' in take).toBe(false);
    expect(read(host, shell, `/proc/${p.pid}/file_pins`)).toBe(`${p.ctxFd}: /dev/infiniband/uverbs0\n\t/mnt/pmem/foo\n`);
    expectSane(host);
  });
});

describe('legacy-hang: layout changes over pins hang (seed 003 #2, seed 001)', () => {
  it('truncate sleeps in xfs_break_dax_layouts (state S, its stack), and completes once the MR goes', () => {
    const { host, shell, root } = bootUnder('legacy-hang');
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4, { lease: null });
    const t = proc(host, shell, ['truncate']);
    const s = track(t.sys.truncate('/mnt/pmem/foo', 0));
    expect(s).toMatchObject({ done: false, wchan: 'xfs_break_dax_layouts' });
    expect(read(host, shell, `/proc/${t.pid}/wchan`)).toBe('xfs_break_dax_layouts');
    expect(read(host, shell, `/proc/${t.pid}/status`)).toContain('State:\tS (sleeping)');
    const stack = read(host, shell, `/proc/${t.pid}/stack`).split('\n');
    expect(stack.slice(0, 3)).toEqual(['[<0>] xfs_break_dax_layouts+0x9a/0x120 [xfs]', '[<0>] xfs_break_layouts+0x53/0xa0 [xfs]', '[<0>] xfs_vn_setattr+0x8a/0x120 [xfs]']);
    expect(eventsOf(host, 'process.block').at(-1)).toMatchObject({ pid: t.pid, syscall: 'truncate', wchan: 'xfs_break_dax_layouts' });
    expectSane(host);
    host.advance(3600e9);
    expect(s.done).toBe(false);
    value(p.sys.ibv_dereg_mr(p.ctxFd, p.mrs[0]!));
    expect(s).toMatchObject({ done: true, result: 'ok' });
    expect(value(root.stat('/mnt/pmem/foo')).size).toBe(0);
    expectSane(host);
  });

  it('an ext4 DAX file waits in ext4_break_layouts; a punch outside the pinned pages goes through', () => {
    const { host, shell } = bootUnder('legacy-hang');
    pinFile(host, shell, '/mnt/pmem1/data', 4, { lease: null });
    const t = proc(host, shell, ['fallocate']);
    const fd = value(t.sys.open('/mnt/pmem1/data', abi.O_RDWR));
    expect(errnoOf(t.sys.fallocate(fd, PUNCH, 100 * PAGE, PAGE))).toBe('ok');
    expect(errnoOf(t.sys.fallocate(fd, PUNCH, 2 * PAGE, PAGE))).toBe('pending:ext4_break_layouts');
    expect(read(host, shell, `/proc/${t.pid}/stack`).split('\n')[0]).toBe('[<0>] ext4_break_layouts+0xc4/0x190');
  });

  it('the exclusive flag has no veto here: the pinning owner\'s lease does not fail a change elsewhere in the file', () => {
    const { host, shell } = bootUnder('legacy-hang');
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    expect(errnoOf(p.sys.fallocate(p.dataFd, PUNCH, 64 * PAGE, PAGE))).toBe('ok');
    expect(errnoOf(p.sys.ftruncate(p.dataFd, 0))).toBe('pending:xfs_break_dax_layouts');
  });

  it('a caught signal returns EINTR and leaves the file alone; SIGTERM and SIGINT kill the waiter silently', () => {
    const { host, shell, root } = bootUnder('legacy-hang');
    pinFile(host, shell, '/mnt/pmem/foo', 4, { lease: null });
    const a = proc(host, shell, ['truncate']);
    const caught: string[] = [];
    value(a.sys.sigaction('SIGUSR1', (s) => caught.push(s)));
    const s = track(a.sys.truncate('/mnt/pmem/foo', 0));
    value(root.kill(a.pid, 'SIGUSR1'));
    expect(s).toMatchObject({ done: true, result: 'EINTR' });
    host.advance(0);
    expect(caught).toEqual(['SIGUSR1']);
    expect(read(host, shell, `/proc/${a.pid}/wchan`)).toBe('0');
    expect(value(root.stat('/mnt/pmem/foo')).size).toBe(1 << 30);
    for (const sig of ['SIGTERM', 'SIGINT'] as const) {
      const b = proc(host, shell, ['truncate']);
      b.sys.truncate('/mnt/pmem/foo', 0);
      value(root.kill(b.pid, sig));
      expect(host.events().find((e) => e.kind === 'process.exit' && e.pid === b.pid)).toMatchObject({ sig });
      expect(host.events().find((e) => e.kind === 'process.wake' && e.pid === b.pid)).toMatchObject({ errno: 'EINTR', killed: true });
    }
    expect(value(root.stat('/mnt/pmem/foo')).size).toBe(1 << 30);
    expectSane(host);
  });

  it('kill -9 of the pinning process unwinds the pins and the hung truncate completes (003 #9: "leaves SIGKILL available to administrators")', () => {
    const { host, shell, root } = bootUnder('legacy-hang');
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4, { lease: null });
    const s = track(root.truncate('/mnt/pmem/foo', PAGE));
    value(root.kill(p.pid, 'SIGKILL'));
    expect(s).toMatchObject({ done: true, result: 'ok' });
    expect(host.kernel.segments.size).toBe(0);
    expectSane(host);
  });

  it('a write to a shared extent under a pin is a CoW layout change and waits like truncate (seed 001: "Truncate is a red herring")', () => {
    const { host, shell, root } = bootUnder('legacy-hang', { setup: { reflink: true } });
    const p = pinFile(host, shell, '/mnt/pmem/bar', 4, { lease: null });
    const dst = value(root.open('/mnt/pmem/copy', abi.O_RDWR | abi.O_CREAT));
    const src = value(root.open('/mnt/pmem/bar', abi.O_RDWR));
    value(root.ficlone(dst, src));
    const w = proc(host, shell, ['writer']);
    const fd = value(w.sys.open('/mnt/pmem/bar', abi.O_RDWR));
    expect(errnoOf(w.sys.pwrite(fd, 'x', 5 * PAGE))).toBe('ok');
    const s = track(w.sys.pwrite(fd, 'x', PAGE));
    expect(s).toMatchObject({ done: false, wchan: 'xfs_break_dax_layouts' });
    expectSane(host);
    value(p.sys.ibv_dereg_mr(p.ctxFd, p.mrs[0]!));
    expect(s).toMatchObject({ done: true, result: 'ok' });
    expect(eventsOf(host, 'layout.change').map((e) => (e.kind === 'layout.change' ? e.op : ''))).toContain('cow');
    expectSane(host);
  });
});
