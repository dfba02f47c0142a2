// The VFS: the default tree and mounts, permissions as Linux gives them, namespace operations,
// file I/O, fallocate's checks, and reflink with copy-on-write (seed 001: "Truncate is a red herring").
import { describe, expect, it } from 'vitest';
import { abi } from '../../../src-main/host/index';
import { boot, errnoOf, expectSane, pinFile, proc, read, value, PAGE } from './helpers';

const { O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_APPEND } = abi;
const PUNCH = abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE;

describe('the default host', () => {
  it('has the mounts, devices and homes of kernel.md §2', () => {
    const { root } = boot();
    expect(value(root.stat('/mnt/pmem')).dev).toEqual({ major: 259, minor: 0 });
    expect(value(root.stat('/mnt/pmem1')).dev).toEqual({ major: 259, minor: 1 });
    expect(value(root.stat('/tmp')).mode).toBe(0o41777);
    expect(value(root.stat('/dev/infiniband/uverbs0')).rdev).toEqual({ major: 231, minor: 192 });
    expect(value(root.stat('/dev/dax2.0')).type).toBe('chr');
    expect(value(root.stat('/dev/pmem0')).type).toBe('blk');
    expect(value(root.stat('/home/operator')).uid).toBe(1000);
    expect(value(root.stat('/mnt/pmem/foo'))).toMatchObject({ ino: 131, size: 1 << 30, blocks: (1 << 30) / 512 });
    expect(value(root.getcwd())).toBe('/root');
  });

  it('reads /etc/passwd with the unprivileged operator user', () => {
    const { host, shell } = boot();
    expect(read(host, shell, '/etc/passwd')).toContain('operator:x:1000:1000:operator:/home/operator:/bin/bash\n');
  });
});

describe('permissions', () => {
  it('an unprivileged user cannot truncate or write a root-owned 0644 file (EACCES)', () => {
    const { host } = boot();
    const op = host.sys(host.spawnShell({ uid: 1000 }).pid);
    expect(errnoOf(op.truncate('/var/log/app.log', 0))).toBe('EACCES');
    expect(errnoOf(op.open('/var/log/app.log', O_WRONLY))).toBe('EACCES');
    const fd = value(op.open('/var/log/app.log', O_RDONLY));
    expect(errnoOf(op.ftruncate(fd, 0))).toBe('EINVAL');
    expect(errnoOf(op.unlink('/etc/passwd'))).toBe('EACCES');
    expect(errnoOf(op.readdir('/root'))).toBe('EACCES');
    expect(errnoOf(op.open('/root/x', O_WRONLY | O_CREAT))).toBe('EACCES');
    expect(errnoOf(op.chmod('/etc/passwd', 0o666))).toBe('EPERM');
  });

  it('the sticky /tmp lets users remove only their own files', () => {
    const { host, root } = boot();
    value(root.open('/tmp/rootfile', O_WRONLY | O_CREAT));
    const op = host.sys(host.spawnShell({ uid: 1000 }).pid);
    value(op.open('/tmp/mine', O_WRONLY | O_CREAT));
    expect(errnoOf(op.unlink('/tmp/rootfile'))).toBe('EPERM');
    expect(errnoOf(op.unlink('/tmp/mine'))).toBe('ok');
  });
});

describe('namespace and I/O', () => {
  it('creates, writes, appends, seeks and reads back', () => {
    const { root } = boot();
    const fd = value(root.open('/tmp/f', O_RDWR | O_CREAT, 0o600));
    expect(value(root.write(fd, 'hello '))).toBe(6);
    const fa = value(root.open('/tmp/f', O_WRONLY | O_APPEND));
    value(root.write(fa, 'world\n'));
    expect(value(root.lseek(fd, 0, 0))).toBe(0);
    expect(value(root.read(fd, 100))).toBe('hello world\n');
    expect(value(root.pread(fd, 5, 6))).toBe('world');
    expect(value(root.stat('/tmp/f')).mode).toBe(0o100600);
    expect(errnoOf(root.open('/tmp/f', O_WRONLY | O_CREAT | O_EXCL))).toBe('EEXIST');
    expect(errnoOf(root.open('/tmp/nope', O_RDONLY))).toBe('ENOENT');
    expect(errnoOf(root.open('/etc/passwd/x', O_RDONLY))).toBe('ENOTDIR');
    expect(errnoOf(root.open('/tmp', O_WRONLY))).toBe('EISDIR');
    expect(errnoOf(root.read(fa, 1))).toBe('EBADF');
  });

  it('renames within a filesystem, refuses across mounts (EXDEV) and into its own subtree (EINVAL)', () => {
    const { root } = boot();
    value(root.mkdir('/tmp/a'));
    value(root.mkdir('/tmp/a/b'));
    expect(errnoOf(root.rename('/tmp/a', '/tmp/a/b/c'))).toBe('EINVAL');
    expect(errnoOf(root.rename('/mnt/pmem/foo', '/tmp/foo'))).toBe('EXDEV');
    value(root.rename('/mnt/pmem/foo', '/mnt/pmem/baz'));
    expect(value(root.stat('/mnt/pmem/baz')).ino).toBe(131);
    expect(errnoOf(root.rmdir('/tmp/a'))).toBe('ENOTEMPTY');
  });

  it('an unlinked open file keeps its blocks until the last close, then they are freed', () => {
    const { host, root } = boot();
    const fd = value(root.open('/mnt/pmem/bar', O_RDWR));
    value(root.unlink('/mnt/pmem/bar'));
    expect(errnoOf(root.stat('/mnt/pmem/bar'))).toBe('ENOENT');
    expect(value(root.fstat(fd)).nlink).toBe(0);
    expect(host.events().some((e) => e.kind === 'inode.evict')).toBe(false);
    value(root.close(fd));
    expect(host.events().at(-1)).toMatchObject({ kind: 'inode.evict', path: '/mnt/pmem/bar (deleted)', blocks: (64 << 20) / PAGE });
  });

  it('truncate: EISDIR on a directory, EINVAL on a char device', () => {
    const { root } = boot();
    expect(errnoOf(root.truncate('/tmp', 0))).toBe('EISDIR');
    expect(errnoOf(root.truncate('/dev/null', 0))).toBe('EINVAL');
    expect(errnoOf(root.truncate('/dev/infiniband/uverbs0', 0))).toBe('EINVAL');
  });
});

describe('fallocate', () => {
  it('validates modes like vfs_fallocate and xfs', () => {
    const { root } = boot();
    const fd = value(root.open('/mnt/pmem/bar', O_RDWR));
    expect(errnoOf(root.fallocate(fd, abi.FALLOC_FL_PUNCH_HOLE, 0, PAGE))).toBe('EOPNOTSUPP');
    expect(errnoOf(root.fallocate(fd, abi.FALLOC_FL_COLLAPSE_RANGE, 100, PAGE))).toBe('EINVAL');
    expect(errnoOf(root.fallocate(fd, abi.FALLOC_FL_COLLAPSE_RANGE, 0, 64 << 20))).toBe('EINVAL');
    expect(errnoOf(root.fallocate(fd, abi.FALLOC_FL_INSERT_RANGE, 64 << 20, PAGE))).toBe('EINVAL');
    expect(errnoOf(root.fallocate(fd, PUNCH, 0, 0))).toBe('EINVAL');
    const ro = value(root.open('/mnt/pmem/bar', O_RDONLY));
    expect(errnoOf(root.fallocate(ro, PUNCH, 0, PAGE))).toBe('EBADF');
    const dev = value(root.open('/dev/zero', O_RDWR));
    expect(errnoOf(root.fallocate(dev, PUNCH, 0, PAGE))).toBe('ENODEV');
    const t = value(root.open('/tmp/t', O_RDWR | O_CREAT));
    value(root.fallocate(t, 0, 0, 8 * PAGE));
    expect(errnoOf(root.fallocate(t, abi.FALLOC_FL_COLLAPSE_RANGE, 0, PAGE))).toBe('EOPNOTSUPP');
    expect(errnoOf(root.fallocate(t, PUNCH, 0, PAGE))).toBe('ok');
  });

  it('collapse and insert shift the block map and the size', () => {
    const { host, root } = boot();
    const fd = value(root.open('/mnt/pmem/bar', O_RDWR));
    const inode = host.kernel.proc(root.pid)!.fds.get(fd)!.file.inode;
    const before = inode.blocks.lookup(3);
    value(root.fallocate(fd, abi.FALLOC_FL_COLLAPSE_RANGE, PAGE, 2 * PAGE));
    expect(inode.blocks.lookup(1)).toBe(before);
    expect(value(root.fstat(fd)).size).toBe((64 << 20) - 2 * PAGE);
    value(root.fallocate(fd, abi.FALLOC_FL_INSERT_RANGE, PAGE, PAGE));
    expect(inode.blocks.lookup(1)).toBe(-1);
    expect(inode.blocks.lookup(2)).toBe(before);
    expectSane(host);
  });
});

describe('reflink (FICLONE) and copy-on-write', () => {
  it('is refused without reflink (2019 xfs with DAX; ext4) and across filesystems', () => {
    const { root } = boot();
    const src = value(root.open('/mnt/pmem/bar', O_RDONLY));
    const dst = value(root.open('/mnt/pmem/copy', O_RDWR | O_CREAT));
    expect(errnoOf(root.ficlone(dst, src))).toBe('EOPNOTSUPP');
    const other = value(root.open('/tmp/copy', O_RDWR | O_CREAT));
    expect(errnoOf(root.ficlone(other, src))).toBe('EXDEV');
  });

  it('shares blocks; a write to the clone copies its blocks and leaves the source\'s alone', () => {
    const { host, root } = boot({ setup: { reflink: true } });
    const src = value(root.open('/mnt/pmem/bar', O_RDWR));
    const dst = value(root.open('/mnt/pmem/copy', O_RDWR | O_CREAT));
    value(root.ficlone(dst, src));
    const k = host.kernel;
    const srcInode = k.proc(root.pid)!.fds.get(src)!.file.inode;
    const dstInode = k.proc(root.pid)!.fds.get(dst)!.file.inode;
    expect(dstInode.blocks.lookup(0)).toBe(srcInode.blocks.lookup(0));
    value(root.pwrite(dst, 'x', 10));
    expect(dstInode.blocks.lookup(0)).not.toBe(srcInode.blocks.lookup(0));
    expect(dstInode.blocks.lookup(1)).toBe(srcInode.blocks.lookup(1));
    expect(host.events().filter((e) => e.kind === 'layout.change').map((e) => (e.kind === 'layout.change' ? e.op : ''))).toEqual(['clone', 'clone', 'cow']);
    expectSane(host);
  });

  it('a write that must move a pinned file\'s shared blocks is a layout change: ETXTBSY under rfc-v2', () => {
    const { host, shell, root } = boot({ setup: { reflink: true } });
    const p = pinFile(host, shell, '/mnt/pmem/bar', 4);
    const dst = value(root.open('/mnt/pmem/copy', O_RDWR | O_CREAT));
    const src = value(root.open('/mnt/pmem/bar', O_RDONLY));
    // xfs breaks the layouts of both files before a clone, so the clone itself is refused.
    expect(errnoOf(root.ficlone(dst, src))).toBe('ETXTBSY');
    value(p.sys.close(p.dataFd));
    expectSane(host);
  });
});

describe('mmap checks', () => {
  it('MAP_SYNC needs MAP_SHARED_VALIDATE and DAX; a writable shared map needs a writable fd', () => {
    const { host, shell } = boot();
    const { sys } = proc(host, shell);
    const dax = value(sys.open('/mnt/pmem/foo', O_RDWR));
    const pc = value(sys.open('/var/log/app.log', O_RDONLY));
    const rw = abi.PROT_READ | abi.PROT_WRITE;
    expect(errnoOf(sys.mmap({ length: PAGE, prot: rw, flags: abi.MAP_SHARED_VALIDATE | abi.MAP_SYNC, fd: dax }))).toBe('ok');
    expect(errnoOf(sys.mmap({ length: PAGE, prot: rw, flags: abi.MAP_SHARED | abi.MAP_SYNC, fd: dax }))).toBe('EOPNOTSUPP');
    expect(errnoOf(sys.mmap({ length: PAGE, prot: abi.PROT_READ, flags: abi.MAP_SHARED_VALIDATE | abi.MAP_SYNC, fd: pc }))).toBe('EOPNOTSUPP');
    expect(errnoOf(sys.mmap({ length: PAGE, prot: rw, flags: abi.MAP_SHARED, fd: pc }))).toBe('EACCES');
    expect(errnoOf(sys.mmap({ length: PAGE, prot: rw, flags: abi.MAP_SHARED, fd: 77 }))).toBe('EBADF');
    expect(errnoOf(sys.mmap({ length: 0, prot: rw, flags: abi.MAP_SHARED, fd: dax }))).toBe('EINVAL');
  });

  it('munmap splits a mapping; each piece keeps its own reference to the file', () => {
    const { host, shell } = boot();
    const { sys } = proc(host, shell);
    const fd = value(sys.open('/mnt/pmem/foo', O_RDWR));
    const addr = value(sys.mmap({ length: 4 * PAGE, prot: abi.PROT_READ, flags: abi.MAP_SHARED, fd }));
    value(sys.munmap(addr + PAGE, PAGE));
    expect(read(host, shell, `/proc/${sys.pid}/maps`).split('\n').filter(Boolean)).toHaveLength(2);
    expectSane(host);
  });
});

describe('symlink(2)', () => {
  it('makes a link that path walks follow, lstat shows as 0777 and unlink removes', () => {
    const { root, host } = boot();
    expect(value(root.symlink('/mnt/pmem/foo', '/root/data'))).toBeUndefined();
    expect(value(root.readlink('/root/data'))).toBe('/mnt/pmem/foo');
    expect(value(root.lstat('/root/data'))).toMatchObject({ type: 'lnk', mode: 0o120777, size: '/mnt/pmem/foo'.length });
    expect(value(root.stat('/root/data')).ino).toBe(value(root.stat('/mnt/pmem/foo')).ino);
    const fd = value(root.open('/root/data', O_RDONLY));
    expect(value(root.fstat(fd)).ino).toBe(131);
    value(root.close(fd));
    // A relative target resolves from the link's directory; a dangling one fails when followed.
    value(root.symlink('../mnt/pmem', '/root/pm'));
    expect(value(root.stat('/root/pm/foo')).ino).toBe(131);
    value(root.symlink('nowhere', '/root/dangling'));
    expect(errnoOf(root.stat('/root/dangling'))).toBe('ENOENT');
    value(root.unlink('/root/data'));
    expect(errnoOf(root.lstat('/root/data'))).toBe('ENOENT');
    expect(value(root.stat('/mnt/pmem/foo')).ino).toBe(131);
    expectSane(host);
  });

  it('refuses an existing name, a missing directory, an empty target and a directory the caller cannot write', () => {
    const { root, host } = boot();
    expect(errnoOf(root.symlink('x', '/etc/passwd'))).toBe('EEXIST');
    expect(errnoOf(root.symlink('x', '/nope/link'))).toBe('ENOENT');
    expect(errnoOf(root.symlink('', '/root/empty'))).toBe('ENOENT');
    const op = host.sys(host.spawnShell({ uid: 1000 }).pid);
    expect(errnoOf(op.symlink('/etc/passwd', '/root/l'))).toBe('EACCES');
    expect(errnoOf(op.symlink('/etc/passwd', '/proc/l'))).toBe('EACCES');
  });
});
