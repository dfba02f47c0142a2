// ls, stat and du details the transcripts do not reach: owners without a name, symlinks to
// directories on the command line, a large directory listed in one go, du's sums.
import { describe, expect, it } from 'vitest';
import { bootTools } from './run';

describe('ls', () => {
  it('right-aligns a numeric owner with no /etc/passwd entry, as format_user_or_group does', async () => {
    const { run } = bootTools({ setup: { files: [{ path: '/srv/x', content: 'x', uid: 4242, gid: 77 }, { path: '/srv/y', content: 'yy' }] } });
    const { out } = await run('ls', '-l', '/srv');
    expect(out).toBe('total 8\n-rw-r--r-- 1 4242   77 1 Aug 19 09:24 x\n-rw-r--r-- 1 root root 2 Aug 19 09:24 y\n');
    expect((await run('ls', '-n', '/srv/y')).out).toBe('-rw-r--r-- 1 0 0 2 Aug 19 09:24 /srv/y\n');
    expect((await run('stat', '-c', '%U:%G', '/srv/x')).out).toBe('UNKNOWN:UNKNOWN\n');
  });

  it('follows a command-line symlink to a directory unless -l or -d, and never inside a listing', async () => {
    const { run } = bootTools();
    expect((await run('ls', '/proc/self/fd')).out).toMatch(/^0\n1\n2\n/);
    expect((await run('ls', '-ld', '/dev/fd')).out).toBe('lrwxrwxrwx 1 root root 13 Aug 19 09:24 /dev/fd -> /proc/self/fd\n');
  });

  it('lists a directory of a thousand files, one name per line, in byte order', async () => {
    const names = Array.from({ length: 1000 }, (_, i) => `f${i}`);
    const { run } = bootTools({ setup: { files: names.map((n) => ({ path: `/big/${n}` })) } });
    const { out, status } = await run('ls', '/big');
    expect(status).toBe(0);
    expect(out).toBe([...names].sort().map((n) => n + '\n').join(''));
  });
});

describe('du', () => {
  it("adds a directory's own block to its contents, and shows apparent sizes with -b", async () => {
    const { run } = bootTools({ setup: { files: [{ path: '/d/a', size: 8192 }, { path: '/d/e/b', content: 'b' }] } });
    expect((await run('du', '-a', '/d')).out).toBe('8\t/d/a\n4\t/d/e/b\n8\t/d/e\n20\t/d\n');
    expect((await run('du', '-sb', '/d')).out).toBe(`${4096 + 8192 + 4096 + 1}\t/d\n`);
    expect((await run('du', '-s', '/d', '/nonexistent'))).toEqual({ out: '20\t/d\n', err: "du: cannot access '/nonexistent': No such file or directory\n", status: 1 });
  });
});
