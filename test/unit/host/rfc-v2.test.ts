// rfc-v2, scenario by scenario from seed 003 (cover letter points 0–9 and the replies).
import { describe, expect, it } from 'vitest';
import { abi } from '../../../src-main/host/index';
import { boot, errnoOf, expectSane, kinds, LAYOUT_EXCLUSIVE, PAGE, pinFile, proc, read, RW_ACCESS, value } from './helpers';

const { O_RDWR, F_SETLEASE, F_GETLEASE, F_UNLCK, F_LAYOUT, F_RDLCK, MAP_SHARED, PROT_READ, PROT_WRITE } = abi;

describe('rfc-v2: taking pins', () => {
  it('ibv_reg_mr on an fsdax mapping without a layout lease fails with EPERM (cover letter point 2)', () => {
    const { host, shell } = boot();
    const { sys } = proc(host, shell);
    const fd = value(sys.open('/mnt/pmem/foo', O_RDWR));
    const addr = value(sys.mmap({ length: 4 * PAGE, prot: PROT_READ | PROT_WRITE, flags: MAP_SHARED, fd }));
    const ctx = value(sys.ibv_open_device());
    const pd = value(sys.ibv_alloc_pd(ctx));
    expect(errnoOf(sys.ibv_reg_mr(ctx, pd, addr, 4 * PAGE, RW_ACCESS))).toBe('EPERM');
    expect(host.events().at(-1)).toMatchObject({ kind: 'rdma.mr.refused', errno: 'EPERM', path: '/mnt/pmem/foo' });
    expectSane(host);
  });

  it('a non-exclusive layout lease is not enough: the user must opt in to F_LAYOUT|F_EXCLUSIVE (point 1)', () => {
    const { host, shell } = boot();
    const { sys } = proc(host, shell);
    const fd = value(sys.open('/mnt/pmem/foo', O_RDWR));
    value(sys.fcntl(fd, F_SETLEASE, F_RDLCK | F_LAYOUT));
    const addr = value(sys.mmap({ length: PAGE, prot: PROT_READ | PROT_WRITE, flags: MAP_SHARED, fd }));
    const ctx = value(sys.ibv_open_device());
    const pd = value(sys.ibv_alloc_pd(ctx));
    expect(errnoOf(sys.ibv_reg_mr(ctx, pd, addr, PAGE, RW_ACCESS))).toBe('EPERM');
  });

  it('with an exclusive layout lease the registration pins the pages; F_GETLEASE reports F_LAYOUT (patch 01)', () => {
    const { host, shell } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/foo', 16, { mrs: 2 });
    expect(value(p.sys.fcntl(p.dataFd, F_GETLEASE))).toBe(F_LAYOUT);
    expect(host.kernel.segments.size).toBe(2);
    expect(read(host, shell, `/proc/${p.pid}/file_pins`)).toBe(`${p.ctxFd}: /dev/infiniband/uverbs0\n\t/mnt/pmem/foo\n`);
    expectSane(host);
  });

  it('the lease must be the caller\'s own: a forked child cannot pin under its parent\'s lease (patch 04 checks fl_pid)', () => {
    const { host, shell } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    const child = host.sys(value(p.sys.fork()));
    expect(errnoOf(child.ibv_reg_mr(p.ctxFd, p.pd, p.addr, PAGE, RW_ACCESS))).toBe('EPERM');
  });

  it('pins fail once the lease is a zombie: "page pins will fail if the lease is not active" (point 2)', () => {
    const { host, shell } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/foo', 8);
    value(p.sys.close(p.dataFd));
    expect(errnoOf(p.sys.ibv_reg_mr(p.ctxFd, p.pd, p.addr, PAGE, RW_ACCESS))).toBe('EPERM');
  });

  it('device DAX registrations need no lease and are never affected (point 0); a lease on it is EINVAL', () => {
    const { host, shell } = boot();
    const { sys } = proc(host, shell);
    const fd = value(sys.open('/dev/dax2.0', O_RDWR));
    expect(errnoOf(sys.fcntl(fd, F_SETLEASE, LAYOUT_EXCLUSIVE))).toBe('EINVAL');
    const addr = value(sys.mmap({ length: 8 * PAGE, prot: PROT_READ | PROT_WRITE, flags: MAP_SHARED, fd }));
    const ctx = value(sys.ibv_open_device());
    const pd = value(sys.ibv_alloc_pd(ctx));
    value(sys.ibv_reg_mr(ctx, pd, addr, 8 * PAGE, RW_ACCESS));
    expect(host.kernel.segments.size).toBe(0);
    expect(errnoOf(sys.truncate('/dev/dax2.0', 0))).toBe('EINVAL');
  });

  it('ODP registrations take no pin and need no lease; a truncate then invalidates the MR range', () => {
    const { host, shell, root } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/bar', 8, { lease: null, access: RW_ACCESS | abi.IBV_ACCESS_ON_DEMAND });
    expect(host.kernel.segments.size).toBe(0);
    expect(read(host, shell, `/proc/${p.pid}/file_pins`)).toBe('');
    value(root.truncate('/mnt/pmem/bar', 4 * PAGE));
    expect(host.events().find((e) => e.kind === 'rdma.odp.invalidate')).toMatchObject({ path: '/mnt/pmem/bar', first: 4, last: 8 });
    expectSane(host);
  });

  it('ODP is refused with EINVAL when the HCA cannot do it (ib_uverbs_reg_mr)', () => {
    const { host, shell } = boot({ setup: { odp: false } });
    const { sys } = proc(host, shell);
    const fd = value(sys.open('/mnt/pmem/bar', O_RDWR));
    const addr = value(sys.mmap({ length: PAGE, prot: PROT_READ | PROT_WRITE, flags: MAP_SHARED, fd }));
    const ctx = value(sys.ibv_open_device());
    const pd = value(sys.ibv_alloc_pd(ctx));
    expect(errnoOf(sys.ibv_reg_mr(ctx, pd, addr, PAGE, RW_ACCESS | abi.IBV_ACCESS_ON_DEMAND))).toBe('EINVAL');
  });

  it('registering pages past EOF fails with EFAULT', () => {
    const { host, shell } = boot({ setup: { files: [{ path: '/mnt/pmem/small', size: 2 * PAGE }] } });
    const { sys } = proc(host, shell);
    const fd = value(sys.open('/mnt/pmem/small', O_RDWR));
    value(sys.fcntl(fd, F_SETLEASE, LAYOUT_EXCLUSIVE));
    const addr = value(sys.mmap({ length: 4 * PAGE, prot: PROT_READ | PROT_WRITE, flags: MAP_SHARED, fd }));
    const ctx = value(sys.ibv_open_device());
    const pd = value(sys.ibv_alloc_pd(ctx));
    expect(errnoOf(sys.ibv_reg_mr(ctx, pd, addr, 4 * PAGE, RW_ACCESS))).toBe('EFAULT');
    expect(errnoOf(sys.ibv_reg_mr(ctx, pd, addr, 2 * PAGE, RW_ACCESS))).toBe('ok');
  });
});

describe('rfc-v2: layout changes', () => {
  it('truncate of a pinned file fails with ETXTBSY while the exclusive lease exists (cover letter point 3)', () => {
    const { host, shell, root } = boot();
    pinFile(host, shell);
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('ETXTBSY');
    expect(host.events().at(-1)).toMatchObject({ kind: 'layout.refused', op: 'truncate', errno: 'ETXTBSY' });
    expect(value(root.stat('/mnt/pmem/foo')).size).toBe(1 << 30);
    expectSane(host);
  });

  it('the lease owner\'s own truncate gets EDEADLK (patch 02: "Resource deadlock avoided")', () => {
    const { host, shell } = boot();
    const p = pinFile(host, shell);
    expect(errnoOf(p.sys.ftruncate(p.dataFd, 0))).toBe('EDEADLK');
  });

  it('a write past EOF moves no block: the owner and others may grow a pinned file (the series breaks layouts only in truncate, fallocate and reflink)', () => {
    const { host, shell, root } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/bar', 4);
    expect(errnoOf(p.sys.pwrite(p.dataFd, 'tail', 64 << 20))).toBe('ok');
    const fd = value(root.open('/mnt/pmem/bar', abi.O_WRONLY | abi.O_APPEND));
    expect(errnoOf(root.write(fd, 'more'))).toBe('ok');
    expect(value(root.stat('/mnt/pmem/bar')).size).toBe((64 << 20) + 8);
    expect(host.events().some((e) => e.kind === 'layout.refused')).toBe(false);
    expectSane(host);
  });

  it('every layout-changing fallocate mode fails with ETXTBSY, even outside the pinned range', () => {
    const { host, shell } = boot();
    pinFile(host, shell, '/mnt/pmem/foo', 4);
    const { sys } = proc(host, shell, ['fallocate']);
    const fd = value(sys.open('/mnt/pmem/foo', O_RDWR));
    const far = 1000 * PAGE;
    expect(errnoOf(sys.fallocate(fd, abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE, 0, PAGE))).toBe('ETXTBSY');
    expect(errnoOf(sys.fallocate(fd, abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE, far, PAGE))).toBe('ETXTBSY');
    expect(errnoOf(sys.fallocate(fd, abi.FALLOC_FL_COLLAPSE_RANGE, far, PAGE))).toBe('ETXTBSY');
    expect(errnoOf(sys.fallocate(fd, abi.FALLOC_FL_INSERT_RANGE, far, PAGE))).toBe('ETXTBSY');
    expect(errnoOf(sys.fallocate(fd, abi.FALLOC_FL_ZERO_RANGE, 0, PAGE))).toBe('ETXTBSY');
    expect(errnoOf(sys.fallocate(fd, 0, 0, 2 * 2 ** 30))).toBe('ETXTBSY');
    expectSane(host);
  });

  it('truncation of pages neither pinned nor covered by a lease succeeds (point 9)', () => {
    const { host, root } = boot();
    value(root.truncate('/mnt/pmem/foo', 3 * PAGE));
    expect(value(root.stat('/mnt/pmem/foo')).size).toBe(3 * PAGE);
    expect(value(root.stat('/mnt/pmem/foo')).blocks).toBe(3 * 8);
    const fd = value(root.open('/mnt/pmem/foo', O_RDWR));
    value(root.fallocate(fd, abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE, 0, PAGE));
    expect(value(root.stat('/mnt/pmem/foo')).blocks).toBe(2 * 8);
    expectSane(host);
  });

  it('ext4 DAX (/mnt/pmem1) behaves the same way (patch 05: ext4 breaks layout leases)', () => {
    const { host, shell, root } = boot();
    pinFile(host, shell, '/mnt/pmem1/data', 8);
    expect(errnoOf(root.truncate('/mnt/pmem1/data', 0))).toBe('ETXTBSY');
  });

  it('O_TRUNC on open is a truncate: a shell redirection into the file fails with ETXTBSY', () => {
    const { host, shell, root } = boot();
    pinFile(host, shell);
    expect(errnoOf(root.open('/mnt/pmem/foo', abi.O_WRONLY | abi.O_TRUNC))).toBe('ETXTBSY');
    expect(errnoOf(root.open('/mnt/pmem/foo', abi.O_WRONLY))).toBe('ok');
  });

  it('a page-cache file: the pin holds copies, truncate succeeds and a data divergence is recorded (seed 000)', () => {
    const { host, shell, root } = boot({ setup: { files: [{ path: '/root/buf', size: 16 * PAGE }] } });
    const p = pinFile(host, shell, '/root/buf', 8, { lease: null });
    expect(host.kernel.segments.size).toBe(1);
    value(root.truncate('/root/buf', 2 * PAGE));
    const div = host.events().find((e) => e.kind === 'data.divergence');
    expect(div).toMatchObject({ path: '/root/buf', first: 2, last: 8, op: 'truncate' });
    expect(read(host, shell, `/proc/${p.pid}/file_pins`)).toContain('\t/root/buf\n');
    expectSane(host);
  });
});

describe('rfc-v2: releasing', () => {
  it('F_UNLCK while pins exist fails with EBUSY (Ira\'s stated intent, 003 #4)', () => {
    const { host, shell } = boot();
    const p = pinFile(host, shell);
    expect(errnoOf(p.sys.fcntl(p.dataFd, F_SETLEASE, F_UNLCK))).toBe('EBUSY');
    value(p.sys.ibv_dereg_mr(p.ctxFd, p.mrs[0]!));
    expect(errnoOf(p.sys.fcntl(p.dataFd, F_SETLEASE, F_UNLCK))).toBe('ok');
    expect(read(host, shell, '/proc/locks')).toBe('');
  });

  it('closing the file is ok: the lease becomes a ZOMBIE kept alive by the pins (point 5, Dave Chinner #6)', () => {
    const { host, shell, root } = boot();
    const p = pinFile(host, shell);
    value(p.sys.close(p.dataFd));
    const lease = [...host.kernel.leases.values()][0]!;
    expect(lease.state).toBe('ZOMBIE');
    expect(read(host, shell, '/proc/locks')).toBe(`1: LEASE  ACTIVE    LAYOUT ${p.pid} 103:00:131 0 EOF\n`);
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('ETXTBSY');
    expect(kinds(host)).toContain('lease.zombie');
    expectSane(host);
  });

  it('a closed but still mapped file keeps its lease, as any mapped file keeps its struct file', () => {
    const { host, shell } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4, { mrs: 1 });
    value(p.sys.close(p.dataFd));
    value(p.sys.ibv_close_device(p.ctxFd));
    expect(host.kernel.segments.size).toBe(0);
    expect(read(host, shell, '/proc/locks')).toContain('LAYOUT');
    value(p.sys.munmap(p.addr, 4 * PAGE));
    expect(read(host, shell, '/proc/locks')).toBe('');
  });

  it('unmapping the file is ok: the pins outlive the mapping (point 6)', () => {
    const { host, shell, root } = boot();
    const p = pinFile(host, shell);
    value(p.sys.munmap(p.addr, 16 * PAGE));
    value(p.sys.close(p.dataFd));
    expect(host.kernel.segments.size).toBe(1);
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('ETXTBSY');
    expectSane(host);
  });

  it('ibv_dereg_mr releases the pins and then the zombie lease; truncate then succeeds', () => {
    const { host, shell, root } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/foo', 16, { mrs: 2 });
    // "closing the file _and_ unmaping it" (Ira, #2): the mapping also holds the open file.
    value(p.sys.close(p.dataFd));
    value(p.sys.munmap(p.addr, 16 * PAGE));
    value(p.sys.ibv_dereg_mr(p.ctxFd, p.mrs[0]!));
    expect(host.kernel.leases.size).toBe(1);
    const mark = host.events().at(-1)!.seq;
    value(p.sys.ibv_dereg_mr(p.ctxFd, p.mrs[1]!));
    expect(kinds(host, mark)).toEqual(['rdma.dereg', 'pin.release', 'file.release', 'lease.release']);
    expect(read(host, shell, '/proc/locks')).toBe('');
    value(root.truncate('/mnt/pmem/foo', 0));
    expectSane(host);
  });

  it('closing the context releases every MR and the zombie lease', () => {
    const { host, shell, root } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/foo', 16, { mrs: 4 });
    value(p.sys.close(p.dataFd));
    value(p.sys.munmap(p.addr, 16 * PAGE));
    value(p.sys.ibv_close_device(p.ctxFd));
    expect(host.kernel.mrs.size).toBe(0);
    expect(host.kernel.leases.size).toBe(0);
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('ok');
    expectSane(host);
  });

  it('a truncate refused before stays refused until the last pin goes, then succeeds', () => {
    const { host, shell, root } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/foo', 8, { mrs: 2 });
    expect(errnoOf(root.truncate('/mnt/pmem/foo', PAGE))).toBe('ETXTBSY');
    value(p.sys.ibv_dereg_mr(p.ctxFd, p.mrs[0]!));
    expect(errnoOf(root.truncate('/mnt/pmem/foo', PAGE))).toBe('ETXTBSY');
    value(p.sys.ibv_dereg_mr(p.ctxFd, p.mrs[1]!));
    value(p.sys.fcntl(p.dataFd, F_SETLEASE, F_UNLCK));
    expect(errnoOf(root.truncate('/mnt/pmem/foo', PAGE))).toBe('ok');
  });
});
