// On a host whose /mnt/pmem was made with reflink=1: cp clones through FICLONE, xfs_info says so,
// and a clone of a pinned file is refused with ETXTBSY under rfc-v2 while --reflink=auto copies.
import { describe, expect, it } from 'vitest';
import { abi } from '../../../../src-main/host/index';
import { bootTools } from './run';

describe('a reflink=1 DAX filesystem', () => {
  it('clones with cp --reflink=always: the copy shares every block with its source', async () => {
    const { run } = bootTools({ setup: { reflink: true } });
    expect(await run('cp', '--reflink=always', '/mnt/pmem/bar', '/mnt/pmem/clone')).toEqual({ out: '', err: '', status: 0 });
    const { out } = await run('stat', '-f', '-c', '%b %f', '/mnt/pmem');
    const [blocks, free] = out.trim().split(' ').map(Number);
    // The clone took no new blocks: only foo, bar and the metadata are in use.
    expect(blocks! - free!).toBe(((1 << 30) + (64 << 20)) / 4096 + 64);
    const map = await run('xfs_io', '-c', 'fiemap', '/mnt/pmem/clone');
    const src = await run('xfs_io', '-c', 'fiemap', '/mnt/pmem/bar');
    expect(map.out.replace('/mnt/pmem/clone', 'X')).toBe(src.out.replace('/mnt/pmem/bar', 'X'));
  });

  it('shows reflink=1 in xfs_info, and reflink=0 without the setup', async () => {
    const on = await bootTools({ setup: { reflink: true } }).run('xfs_info', '/mnt/pmem');
    expect(on.out.split('\n')[3]).toBe('         =                       reflink=1    bigtime=0 inobtcount=0 nrext64=0');
    const off = await bootTools().run('xfs_info', '/mnt/pmem');
    expect(off.out.split('\n')[3]).toBe('         =                       reflink=0    bigtime=0 inobtcount=0 nrext64=0');
  });

  it('refuses to clone a file under an exclusive layout lease, and --reflink=auto falls back to a copy', async () => {
    const { host, run } = bootTools({ setup: { reflink: true } });
    const { pid } = host.spawnShell();
    const holder = host.sys(pid);
    const fd = holder.open('/mnt/pmem/bar', abi.O_RDWR);
    if (!fd.ok) throw new Error('open');
    expect(holder.fcntl(fd.value, abi.F_SETLEASE, abi.F_RDLCK | abi.F_LAYOUT | abi.F_EXCLUSIVE).ok).toBe(true);
    const always = await run('cp', '--reflink=always', '/mnt/pmem/bar', '/mnt/pmem/c1');
    expect(always).toEqual({ out: '', err: "cp: failed to clone '/mnt/pmem/c1' from '/mnt/pmem/bar': Text file busy\n", status: 1 });
    const auto = await run('cp', '/mnt/pmem/bar', '/mnt/pmem/c2');
    expect(auto.status).toBe(0);
    expect((await run('stat', '-c', '%s', '/mnt/pmem/c2')).out).toBe(`${64 << 20}\n`);
  });
});
