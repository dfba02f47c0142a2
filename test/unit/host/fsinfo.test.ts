// statfs, utimensat and FS_IOC_FIEMAP: what df, stat -f, touch and xfs_io fiemap read or change.
import { describe, expect, it } from 'vitest';
import { abi } from '../../../src-main/host/index';
import { boot, errnoOf, proc, value, PAGE } from './helpers';

const XFS = 0x58465342;
const EXT4 = 0xef53;

describe('statfs', () => {
  it('reports each filesystem by its magic, 4 KiB blocks and allocator usage', () => {
    const { root } = boot();
    const pmem = value(root.statfs('/mnt/pmem/foo'));
    expect(pmem).toMatchObject({ type: XFS, bsize: 4096, frsize: 4096, blocks: 16909336576 / 4096, namelen: 255 });
    // foo (1 GiB) and bar (64 MiB) are allocated, plus the 64 blocks the allocator keeps for metadata.
    expect(pmem.blocks - pmem.bfree).toBe(((1 << 30) + (64 << 20)) / PAGE + 64);
    expect(pmem.bavail).toBe(pmem.bfree);
    expect(value(root.statfs('/mnt/pmem1')).type).toBe(EXT4);
    expect(value(root.statfs('/tmp')).type).toBe(0x01021994);
  });

  it('keeps ext4 reserved blocks out of bavail and reports pseudo filesystems as empty', () => {
    const { root } = boot();
    const ext4 = value(root.statfs('/'));
    expect(ext4.bfree - ext4.bavail).toBe(Math.floor(ext4.blocks / 20));
    expect(value(root.statfs('/proc'))).toMatchObject({ type: 0x9fa0, blocks: 0, files: 0 });
    // devtmpfs sizes itself from its mount option size=8145376k.
    expect(value(root.statfs('/dev')).blocks).toBe(8145376 / 4);
  });

  it('follows the allocator as files grow and shrink, and fails like a path walk', () => {
    const { root } = boot();
    const before = value(root.statfs('/mnt/pmem')).bfree;
    const fd = value(root.open('/mnt/pmem/new', abi.O_RDWR | abi.O_CREAT));
    value(root.fallocate(fd, 0, 0, 10 * PAGE));
    expect(value(root.statfs('/mnt/pmem')).bfree).toBe(before - 10);
    value(root.ftruncate(fd, 0));
    expect(value(root.statfs('/mnt/pmem')).bfree).toBe(before);
    expect(errnoOf(root.statfs('/nonexistent'))).toBe('ENOENT');
    expect(errnoOf(root.statfs('/mnt/pmem/foo/x'))).toBe('ENOTDIR');
  });
});

describe('utimensat', () => {
  it('sets atime and mtime in wall-clock ns, omits what is asked, and moves ctime to now', () => {
    const { host, root } = boot();
    host.advance(5e9);
    value(root.utimensat('/etc/hostname', 1e18, 'omit'));
    const st = value(root.stat('/etc/hostname'));
    expect(st.atimeNs).toBe(1e18);
    expect(st.mtimeNs).toBe(host.kernel.clock.epochNs);
    expect(st.ctimeNs).toBe(host.wallNs());
    value(root.utimensat('/etc/hostname', 'now', 'now'));
    expect(value(root.stat('/etc/hostname')).mtimeNs).toBe(host.wallNs());
  });

  it('lets a non-owner with write access touch "now" but not set explicit times', () => {
    const { host, shell, root } = boot();
    value(root.chmod('/tmp', 0o1777));
    const fd = value(root.open('/tmp/shared', abi.O_WRONLY | abi.O_CREAT, 0o666));
    value(root.close(fd));
    value(root.chmod('/tmp/shared', 0o666));
    const op = proc(host, shell);
    host.kernel.proc(op.pid)!.uid = 1000;
    expect(errnoOf(op.sys.utimensat('/tmp/shared', 'now', 'now'))).toBe('ok');
    expect(errnoOf(op.sys.utimensat('/tmp/shared', 0, 0))).toBe('EPERM');
    expect(errnoOf(op.sys.utimensat('/etc/hostname', 'now', 'now'))).toBe('EACCES');
    expect(errnoOf(root.utimensat('/nonexistent', 'now', 'now'))).toBe('ENOENT');
  });
});

describe('FS_IOC_FIEMAP', () => {
  it('lists extents in bytes with the last one flagged, holes left out', () => {
    const { root } = boot();
    const fd = value(root.open('/mnt/pmem/foo', abi.O_RDWR));
    value(root.fallocate(fd, abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE, 0, 2 * PAGE));
    const ext = value(root.fiemap(fd));
    expect(ext).toHaveLength(1);
    expect(ext[0]).toMatchObject({ logical: 2 * PAGE, length: (1 << 30) - 2 * PAGE, flags: 0x1 });
    expect(ext[0]!.physical % PAGE).toBe(0);
  });

  it('refuses devices (ENOTTY), procfs files (EOPNOTSUPP) and bad fds', () => {
    const { root } = boot();
    expect(errnoOf(root.fiemap(value(root.open('/dev/null', abi.O_RDONLY))))).toBe('ENOTTY');
    expect(errnoOf(root.fiemap(value(root.open('/proc/uptime', abi.O_RDONLY))))).toBe('EOPNOTSUPP');
    expect(errnoOf(root.fiemap(99))).toBe('EBADF');
  });

  it('marks blocks shared by a reflink copy', () => {
    const { root } = boot({ setup: { reflink: true } });
    const src = value(root.open('/mnt/pmem/bar', abi.O_RDONLY));
    const dst = value(root.open('/mnt/pmem/copy', abi.O_RDWR | abi.O_CREAT));
    value(root.ficlone(dst, src));
    expect(value(root.fiemap(dst)).every((e) => e.flags & 0x2000)).toBe(true);
    expect(value(root.fiemap(src))[0]!.flags & 0x2000).toBe(0x2000);
  });
});
