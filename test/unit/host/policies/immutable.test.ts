// immutable: Dan Williams' 2017 sealed block maps (seed 004) — pins only on a sealed file
// (FALLOC_FL_SEAL_BLOCK_MAP, `xfs_io -c seal`, or a MAP_DIRECT mapping), and while sealed every
// block-map change fails with ETXTBSY (Darrick J. Wong: "make xfs_bmapi_write() fail while any
// process has a MAP_DIRECT mapping active").
import { describe, expect, it } from 'vitest';
import { abi, explainPath } from '../../../../src-main/host/index';
import { errnoOf, expectSane, PAGE, proc, value } from '../helpers';
import { bootUnder, eventsOf, prepare, reg, track } from './util';

const { FALLOC_FL_SEAL_BLOCK_MAP: SEAL, FALLOC_FL_UNSEAL_BLOCK_MAP: UNSEAL } = abi;
const PUNCH = abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE;
const DIRECT = abi.MAP_SHARED_VALIDATE | abi.MAP_DIRECT;

describe('immutable: the seal (004 Dan Williams "a mechanism to make sure the block map is sealed")', () => {
  it('needs root (CAP_LINUX_IMMUTABLE), a writable fd, a block filesystem and a mode of its own', () => {
    const { host, root } = bootUnder('immutable');
    const op = host.sys(host.spawnShell({ uid: 1000 }).pid);
    const mine = value(op.open('/home/operator/notes.txt', abi.O_RDWR));
    expect(errnoOf(op.fallocate(mine, SEAL, 0, PAGE))).toBe('EPERM');
    const ro = value(root.open('/mnt/pmem/foo', abi.O_RDONLY));
    expect(errnoOf(root.fallocate(ro, SEAL, 0, PAGE))).toBe('EBADF');
    const tmp = value(root.open('/tmp/t', abi.O_RDWR | abi.O_CREAT));
    expect(errnoOf(root.fallocate(tmp, SEAL, 0, PAGE))).toBe('EOPNOTSUPP');
    const fd = value(root.open('/mnt/pmem/foo', abi.O_RDWR));
    expect(errnoOf(root.fallocate(fd, SEAL | UNSEAL, 0, PAGE))).toBe('EINVAL');
    expect(errnoOf(root.fallocate(fd, SEAL | abi.FALLOC_FL_KEEP_SIZE, 0, PAGE))).toBe('EINVAL');
    expect(errnoOf(root.fallocate(fd, SEAL, 0, PAGE))).toBe('ok');
    expect(errnoOf(root.fallocate(fd, SEAL, 0, PAGE))).toBe('ok');
    expect(eventsOf(host, 'layout.seal')).toHaveLength(1);
  });

  it('sealing fills the holes, so that nothing needs a new block while sealed', () => {
    const { host, root } = bootUnder('immutable');
    const fd = value(root.open('/mnt/pmem/holey', abi.O_RDWR | abi.O_CREAT));
    value(root.ftruncate(fd, 8 * PAGE));
    expect(value(root.fstat(fd)).blocks).toBe(0);
    value(root.fallocate(fd, SEAL, 0, 8 * PAGE));
    expect(value(root.fstat(fd)).blocks).toBe(64);
    expect(eventsOf(host, 'layout.seal')[0]).toMatchObject({ path: '/mnt/pmem/holey', sealed: true, by: 'fallocate' });
  });
});

describe('immutable: pins (004: the block map must be sealed "while they have it mapped")', () => {
  it('an unsealed fsdax file refuses pins with EPERM; a sealed one pins without a lease', () => {
    const { host, shell, root } = bootUnder('immutable');
    const r = prepare(host, shell, '/mnt/pmem/foo', 4);
    expect(errnoOf(reg(r, 4))).toBe('EPERM');
    value(root.fallocate(value(root.open('/mnt/pmem/foo', abi.O_RDWR)), SEAL, 0, PAGE));
    expect(errnoOf(reg(r, 4))).toBe('ok');
    expect(host.kernel.leases.size).toBe(0);
    expectSane(host);
  });

  it('a MAP_DIRECT mapping seals while it exists; munmap unseals and leaves the pins bare, so a truncate waits', () => {
    const { host, shell, root } = bootUnder('immutable');
    const r = prepare(host, shell, '/mnt/pmem/foo', 4, { flags: DIRECT });
    expect(eventsOf(host, 'layout.seal')[0]).toMatchObject({ sealed: true, by: 'map-direct', pid: r.pid });
    const mr = value(reg(r, 4));
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('ETXTBSY');
    value(r.sys.munmap(r.addr, PAGE));
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('ETXTBSY');
    value(r.sys.munmap(r.addr + PAGE, 3 * PAGE));
    expect(eventsOf(host, 'layout.seal')[1]).toMatchObject({ sealed: false, by: 'map-direct' });
    const s = track(root.truncate('/mnt/pmem/foo', 0));
    expect(s).toMatchObject({ done: false, wchan: 'xfs_break_dax_layouts' });
    expectSane(host);
    value(r.sys.ibv_dereg_mr(r.ctx, mr.handle));
    expect(s).toMatchObject({ done: true, result: 'ok' });
  });

  it('fork copies the MAP_DIRECT mapping: the seal lasts until the last copy goes', () => {
    const { host, shell, root } = bootUnder('immutable');
    const r = prepare(host, shell, '/mnt/pmem/bar', 4, { flags: DIRECT });
    const child = value(r.sys.fork());
    value(r.sys.munmap(r.addr, 4 * PAGE));
    expect(errnoOf(root.truncate('/mnt/pmem/bar', 0))).toBe('ETXTBSY');
    host.sys(child).exit(0);
    expect(errnoOf(root.truncate('/mnt/pmem/bar', 0))).toBe('ok');
  });

  it('MAP_DIRECT is validated only by MAP_SHARED_VALIDATE and needs a DAX file', () => {
    const { host, shell } = bootUnder('immutable', { setup: { files: [{ path: '/root/buf', size: 4 * PAGE }] } });
    const { sys } = proc(host, shell);
    const fd = value(sys.open('/root/buf', abi.O_RDWR));
    expect(errnoOf(sys.mmap({ length: PAGE, prot: abi.PROT_READ, flags: DIRECT, fd }))).toBe('EOPNOTSUPP');
    expect(errnoOf(sys.mmap({ length: PAGE, prot: abi.PROT_READ, flags: abi.MAP_SHARED | abi.MAP_DIRECT, fd }))).toBe('ok');
    const dax = value(sys.open('/mnt/pmem/foo', abi.O_RDWR));
    value(sys.mmap({ length: PAGE, prot: abi.PROT_READ, flags: abi.MAP_SHARED | abi.MAP_DIRECT, fd: dax }));
    expect(eventsOf(host, 'layout.seal')).toHaveLength(0);
  });
});

describe('immutable: every block-map change of a sealed file fails (004 Darrick J. Wong)', () => {
  it('truncate, punch, plain allocation, extending writes and FICLONE get ETXTBSY; writes inside the file do not', () => {
    const { host, root } = bootUnder('immutable', { setup: { reflink: true } });
    const fd = value(root.open('/mnt/pmem/bar', abi.O_RDWR));
    value(root.fallocate(fd, SEAL, 0, PAGE));
    expect(errnoOf(root.truncate('/mnt/pmem/bar', 0))).toBe('ETXTBSY');
    expect(errnoOf(root.truncate('/mnt/pmem/bar', 128 << 20))).toBe('ETXTBSY');
    expect(errnoOf(root.fallocate(fd, PUNCH, 0, PAGE))).toBe('ETXTBSY');
    expect(errnoOf(root.fallocate(fd, 0, 64 << 20, PAGE))).toBe('ETXTBSY');
    expect(errnoOf(root.pwrite(fd, 'tail', 64 << 20))).toBe('ETXTBSY');
    expect(eventsOf(host, 'layout.refused').at(-1)).toMatchObject({ op: 'extend', errno: 'ETXTBSY' });
    expect(errnoOf(root.pwrite(fd, 'inside', PAGE))).toBe('ok');
    const copy = value(root.open('/mnt/pmem/copy', abi.O_RDWR | abi.O_CREAT));
    expect(errnoOf(root.ficlone(copy, fd))).toBe('ETXTBSY');
    expectSane(host);
  });

  it('a CoW write to a sealed file\'s shared extent fails like truncate (seed 001)', () => {
    const { root } = bootUnder('immutable', { setup: { reflink: true } });
    const fd = value(root.open('/mnt/pmem/bar', abi.O_RDWR));
    const copy = value(root.open('/mnt/pmem/copy', abi.O_RDWR | abi.O_CREAT));
    value(root.ficlone(copy, fd));
    value(root.fallocate(copy, SEAL, 0, PAGE));
    expect(errnoOf(root.pwrite(copy, 'x', 0))).toBe('ETXTBSY');
    expect(errnoOf(root.pwrite(fd, 'x', 0))).toBe('ok');
  });

  it('unseal while pins taken under the seal remain is EBUSY; once they go it unseals and truncate works', () => {
    const { host, shell, root } = bootUnder('immutable');
    const fd = value(root.open('/mnt/pmem/foo', abi.O_RDWR));
    value(root.fallocate(fd, SEAL, 0, PAGE));
    const r = prepare(host, shell, '/mnt/pmem/foo', 4);
    const mr = value(reg(r, 4));
    expect(errnoOf(root.fallocate(fd, UNSEAL, 0, PAGE))).toBe('EBUSY');
    value(r.sys.ibv_dereg_mr(r.ctx, mr.handle));
    expect(errnoOf(root.fallocate(fd, UNSEAL, 0, PAGE))).toBe('ok');
    expect(eventsOf(host, 'layout.seal').at(-1)).toMatchObject({ sealed: false });
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('ok');
  });

  it('the seal has no force under other designs: after a switch its pins are bare and a truncate waits', () => {
    const { host, shell, root } = bootUnder('immutable');
    value(root.fallocate(value(root.open('/mnt/pmem/foo', abi.O_RDWR)), SEAL, 0, PAGE));
    const r = prepare(host, shell, '/mnt/pmem/foo', 4);
    value(reg(r, 4));
    value(host.setPolicy('rfc-v2'));
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('pending:xfs_break_dax_layouts');
    expectSane(host);
  });
});

describe('immutable: why (004 "automatically clear at munmap time")', () => {
  it('names the seal; unmapping the MAP_DIRECT mapping is the way out, deregistering alone is not', () => {
    const { host, shell } = bootUnder('immutable');
    const r = prepare(host, shell, '/mnt/pmem/foo', 4, { flags: DIRECT });
    value(reg(r, 4));
    const e = value(explainPath(host, shell, '/mnt/pmem/foo'));
    expect(e.verdict).toMatchObject({ kind: 'fails', errno: 'ETXTBSY' });
    expect(e.links.find((l) => l.kind === 'note')!.text).toContain('sealed (1 MAP_DIRECT mapping)');
    expect(e.links.find((l) => l.kind === 'pin')!.text).toContain('on a sealed block map');
    expect(e.waysOut.map((w) => [w.action, w.fixes])).toEqual([['dereg', false], ['unmap', true], ['kill', true]]);
  });

  it('an explicit seal: unseal is the way out, and killing the pinning process alone does not fix it', () => {
    const { host, shell, root } = bootUnder('immutable');
    value(root.fallocate(value(root.open('/mnt/pmem/foo', abi.O_RDWR)), SEAL, 0, PAGE));
    value(reg(prepare(host, shell, '/mnt/pmem/foo', 4), 4));
    const e = value(explainPath(host, shell, '/mnt/pmem/foo'));
    expect(e.waysOut.find((w) => w.action === 'unseal')).toMatchObject({ command: 'xfs_io -c unseal /mnt/pmem/foo', fixes: true });
    expect(e.waysOut.find((w) => w.action === 'unseal')!.text).toMatch(/^Once the pins taken under the seal are gone/);
    expect(e.waysOut.find((w) => w.action === 'kill')!.fixes).toBe(false);
  });
});
