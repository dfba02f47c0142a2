// `why FILE` as an admin runs it: exit statuses, messages, and the chain for a pinned file.
import { describe, expect, it } from 'vitest';
import { sh } from './run';

describe('why', () => {
  it('explains a pinned file: verdict first, chain, then the ways out with kill PID', async () => {
    const { out, status } = await sh('truncate -s 1M /mnt/pmem/db\nrdma-app --pages=16 /mnt/pmem/db 2>/dev/null &\nsleep 1\nwhy /mnt/pmem/db\necho "status $?"');
    expect(out).toMatch(/^\/mnt\/pmem\/db: truncate and hole punch fail at once with ETXTBSY \(Text file\n {2}busy\)\.\n\n {2}file {5}\/mnt\/pmem\/db \(inode \d+, 1 MiB\) is on \/mnt\/pmem: xfs on \/dev\/pmem0,\n/);
    expect(out).toContain('\n  lease    exclusive layout lease, ACTIVE, taken on fd 3 by pid 4 (rdma-app).\n');
    expect(out).toContain('\nWays out:\n');
    expect(out).toContain('\n  - kill 4: when it exits, the kernel closes its fds, deregisters the MRs,\n');
    expect(out.endsWith('status 0\n')).toBe(true);
    expect(status).toBe(0);
  });

  it('usage errors exit 1, files it cannot look up exit 2, and every FILE is explained in turn', async () => {
    expect(await sh('why')).toEqual({ out: "why: missing file operand\nTry 'why --help' for more information.\n", status: 1 });
    expect(await sh('why --verbose /tmp')).toEqual({ out: "why: unrecognized option '--verbose'\nTry 'why --help' for more information.\n", status: 1 });
    expect(await sh('why /nope /tmp')).toMatchObject({ status: 2, out: expect.stringMatching(/^why: cannot access '\/nope': No such file or directory\n\/tmp: a directory/) });
    expect((await sh('why --help')).out).toMatch(/^Usage: why FILE\.\.\.\n/);
  });
});
