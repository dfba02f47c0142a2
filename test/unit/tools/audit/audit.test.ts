// dax-rdma-audit: what each design makes unsafe for long-term pins, per mount and per MR, and the
// exit status an admin's script can test (0: nothing unsafe, 1: findings, 2: trouble).
import { describe, expect, it } from 'vitest';
import { auditJson, sh, type AuditJson } from './run';

const APP = 'rdma-app 2>/dev/null';

function mount(a: AuditJson, target: string) {
  return a.mounts.find((m) => m.target === target)!;
}

const levels = (fs: ReadonlyArray<{ level: string }>) => fs.map((f) => f.level);

describe('dax-rdma-audit: mounts', () => {
  it('a fresh rfc-v2 host: every mount listed with DAX, reflink and type; nothing unsafe, status 0', async () => {
    const a = await auditJson('');
    expect(a.status).toBe(0);
    expect(a.mounts.map((m) => [m.target, m.fstype, m.dax, m.reflink])).toEqual([
      ['/', 'ext4', false, false],
      ['/tmp', 'tmpfs', false, false],
      ['/mnt/pmem', 'xfs', true, false],
      ['/mnt/pmem1', 'ext4', true, false],
    ]);
    expect(levels(mount(a, '/mnt/pmem').findings)).toEqual(['ok']);
    expect(a.mrs).toEqual([]);
    expect(a.unsafe).toEqual([]);
  });

  it('fs-reject flags a reflink DAX mount (pins refused there) but not the ext4 DAX mount beside it', async () => {
    const a = await auditJson('', { policy: 'fs-reject', setup: { reflink: true } });
    expect(a.status).toBe(1);
    expect(mount(a, '/mnt/pmem')).toMatchObject({ reflink: true, findings: [{ level: 'UNSAFE', text: expect.stringContaining('EOPNOTSUPP') }] });
    expect(levels(mount(a, '/mnt/pmem1').findings)).toEqual(['ok']);
    expect(a.unsafe).toEqual(['mount /mnt/pmem']);
    const plain = await auditJson('', { policy: 'fs-reject' });
    expect(plain.status).toBe(0);
  });

  it('legacy-hang flags reflink on a DAX mount (writes would hang) and only notes a DAX mount without it', async () => {
    const a = await auditJson('', { policy: 'legacy-hang', setup: { reflink: true } });
    expect(levels(mount(a, '/mnt/pmem').findings)).toEqual(['UNSAFE']);
    expect(levels(mount(a, '/mnt/pmem1').findings)).toEqual(['note']);
  });

  it('longterm-disabled: nothing can be pinned; says whether ODP is the way out', async () => {
    const a = await auditJson('', { policy: 'longterm-disabled', setup: { odp: false } });
    expect(a.status).toBe(0);
    expect(a.hca).toEqual({ device: 'mlx5_0', odp: false });
    expect(mount(a, '/mnt/pmem').findings[0]!.text).toContain('The HCA has no ODP either');
  });
});

describe('dax-rdma-audit: memory regions', () => {
  it('rfc-v2: a pin under an ACTIVE exclusive lease is ok; the same pin after close is a zombie lease', async () => {
    const active = await auditJson(`${APP} --pages=16 /mnt/pmem/foo &\nsleep 1`);
    expect(active.status).toBe(0);
    expect(active.mrs[0]).toMatchObject({
      mrn: 1,
      pid: 3,
      odp: false,
      holders: [{ pid: 3, comm: 'rdma-app', fds: [4] }],
      segments: [{ path: '/mnt/pmem/foo', first: 0, last: 16, kind: 'fsdax', backing: { kind: 'lease', state: 'ACTIVE' }, outcome: { action: 'fail', errno: 'ETXTBSY' } }],
    });
    expect(levels(active.mrs[0]!.findings)).toEqual(['ok']);
    const zombie = await auditJson(`${APP} --pages=16 --close-after-pin /mnt/pmem/foo &\nsleep 1`);
    expect(zombie.status).toBe(1);
    expect(zombie.mrs[0]!.segments[0]!.backing).toMatchObject({ kind: 'lease', state: 'ZOMBIE' });
    expect(zombie.mrs[0]!.findings.map((f) => f.level)).toEqual(['ok', 'UNSAFE']);
    expect(zombie.mrs[0]!.findings[1]!.text).toMatch(/^zombie lease: .*\/proc\/locks still says ACTIVE, pid 3/);
    expect(zombie.unsafe).toEqual(['MR 1']);
  });

  it('legacy-hang: every pin over fsdax pages is unsafe (truncate will hang), and a hung truncate is listed', async () => {
    const a = await auditJson(`${APP} --lease=none --pages=16 /mnt/pmem/foo &\n${APP} --lease=none --pages=4 /mnt/pmem1/data &\nsleep 1\ntruncate -s 0 /mnt/pmem/foo &\nsleep 1`, { policy: 'legacy-hang' });
    expect(a.status).toBe(1);
    expect(a.mrs.map((m) => m.segments[0]!.outcome)).toEqual([
      { action: 'wait', wchan: 'xfs_break_dax_layouts' },
      { action: 'wait', wchan: 'ext4_break_layouts' },
    ]);
    expect(a.mrs.map((m) => m.segments[0]!.backing.kind)).toEqual(['nothing', 'nothing']);
    expect(a.waiting).toMatchObject([{ comm: 'truncate', wchan: 'xfs_break_dax_layouts', findings: [{ level: 'UNSAFE' }] }]);
    expect(a.unsafe).toEqual(['MR 1', 'MR 2', `pid ${a.waiting[0]!.pid}`]);
  });

  it('a switch to rfc-v2 leaves legacy-hang pins without a lease: unsafe under the design now in force', async () => {
    const a = await auditJson(`${APP} --lease=none --pages=16 /mnt/pmem/foo &\nsleep 1\nsimctl policy rfc-v2 >/dev/null`, { policy: 'legacy-hang' });
    expect(a.design).toBe('rfc-v2');
    expect(a.mrs[0]!.findings[0]).toMatchObject({ level: 'UNSAFE', text: expect.stringMatching(/^the pin has no exclusive lease and no guard/) });
  });

  it('fs-reject and immutable: pins backed by the filesystem or a sealed block map are ok', async () => {
    const fs = await auditJson(`${APP} --lease=none --pages=16 /mnt/pmem/foo &\nsleep 1`, { policy: 'fs-reject' });
    expect(fs.status).toBe(0);
    expect(fs.mrs[0]!.segments[0]!.backing.kind).toBe('fs');
    const sealed = await auditJson(`${APP} --lease=none --map-direct --pages=16 /mnt/pmem/foo &\nsleep 1`, { policy: 'immutable' });
    expect(sealed.status).toBe(0);
    expect(sealed.mrs[0]!.segments[0]).toMatchObject({ backing: { kind: 'seal' }, outcome: { action: 'fail', errno: 'ETXTBSY' } });
  });

  it('page-cache divergence and invalidated ODP ranges are unsafe; intact ones are not', async () => {
    const before = await auditJson(`truncate -s 64K /root/buf\n${APP} --lease=none --pages=4 /root/buf &\n${APP} --lease=none --odp --pages=8 /mnt/pmem/bar &\nsleep 1`);
    expect(before.status).toBe(0);
    expect(before.mrs.map((m) => levels(m.findings))).toEqual([['note'], ['ok']]);
    const after = await auditJson(`truncate -s 64K /root/buf\n${APP} --lease=none --pages=4 /root/buf &\n${APP} --lease=none --odp --pages=8 /mnt/pmem/bar &\nsleep 1\ntruncate -s 4K /root/buf\ntruncate -s 4K /mnt/pmem/bar`);
    expect(after.status).toBe(1);
    expect(after.mrs[0]!.findings[0]!.text).toMatch(/^data divergence: \/root\/buf changed under the pinned copies of pages 0-3/);
    expect(after.mrs[1]!.findings[0]!.text).toMatch(/^ODP: pages 1-7 of \/mnt\/pmem\/bar were invalidated and lie past the end of the file now/);
    expect(after.unsafe).toEqual(['MR 1', 'MR 2']);
  });

  it('device DAX is never affected; a shared or handed-off context is noted with who holds it', async () => {
    const dev = await auditJson(`${APP} --pages=4 /dev/dax2.0 &\nsleep 1`, { policy: 'legacy-hang' });
    expect(dev.mrs[0]!.findings).toEqual([{ level: 'ok', text: expect.stringMatching(/^device DAX: never affected/) }]);
    const handoff = await auditJson(`${APP} --pages=4 --handoff /mnt/pmem/foo\nsleep 1`);
    const keeper = handoff.mrs[0]!.holders[0]!;
    expect(keeper.comm).toBe('rdma-keeper');
    expect(handoff.mrs[0]!.findings.at(-1)!.text).toMatch(new RegExp(`^pid 3 registered the MR but has exited; pid ${keeper.pid} \\(rdma-keeper\\) holds it now: kill 3 would not unpin\\.$`));
    const fork = await auditJson(`${APP} --pages=4 --fork-helper /mnt/pmem/foo &\nsleep 1`);
    expect(fork.mrs[0]!.holders.map((h) => h.pid)).toEqual([3, 5]);
    expect(fork.mrs[0]!.findings.at(-1)!.text).toContain('shared by pids 3, 5');
  });

  it('close-blocks: warns that closing the lease fd would block; once it blocks, the process is listed instead', async () => {
    const a = await auditJson(`${APP} --pages=4 /mnt/pmem/foo &\nsleep 1`, { policy: 'close-blocks' });
    expect(a.mrs[0]!.findings[1]).toEqual({ level: 'note', text: 'closing fd 3 of pid 3 would block in locks_remove_lease until the pins go.' });
    const b = await auditJson(`${APP} --pages=4 --close-after-pin /mnt/pmem/foo &\nsleep 1`, { policy: 'close-blocks' });
    expect(b.mrs[0]!.findings.map((f) => f.level)).toEqual(['ok']);
    expect(b.waiting).toMatchObject([{ pid: 3, wchan: 'locks_remove_lease' }]);
  });
});

describe('dax-rdma-audit: text, options and status', () => {
  it('prints sections and one summary line naming what is unsafe', async () => {
    const { out } = await sh(`${APP} --lease=none --pages=16 /mnt/pmem/foo &\nsleep 1\ndax-rdma-audit\necho "status $?"`, { policy: 'legacy-hang' });
    expect(out).toMatch(/^Design in force: legacy-hang\nHCA mlx5_0: on-demand paging \(ODP\) supported\n\nMounts:\n {2}\/: ext4 on \/dev\/vda1, page cache, reflink off\n/);
    expect(out).toContain('\n  MR 1: registered by pid 3 (rdma-app); context fd 4 of pid 3 (rdma-app)\n      /mnt/pmem/foo pages 0-15: DAX, pinned, backed by nothing\n    UNSAFE  ');
    expect(out.endsWith('\ndax-rdma-audit: legacy-hang: 4 mounts, 1 MR: unsafe for long-term pins: MR 1\nstatus 1\n')).toBe(true);
  });

  it('usage errors and a non-root caller exit 2; --help documents the exit status', async () => {
    expect(await sh('dax-rdma-audit -x')).toEqual({ out: "dax-rdma-audit: invalid option -- 'x'\nTry 'dax-rdma-audit --help' for more information.\n", status: 2 });
    expect((await sh('dax-rdma-audit --all')).status).toBe(2);
    expect((await sh('dax-rdma-audit /mnt/pmem')).out).toContain("extra operand '/mnt/pmem'");
    expect(await sh('su operator -c dax-rdma-audit')).toMatchObject({ status: 2, out: "dax-rdma-audit: only root can see every process's pins and leases\n" });
    const help = await sh('dax-rdma-audit --help');
    expect(help.status).toBe(0);
    expect(help.out).toMatch(/^Usage: dax-rdma-audit \[OPTION\]\.\.\.\n/);
    expect(help.out).toContain('Exit status: 0 if nothing is unsafe, 1 if something is, 2 on trouble');
  });
});
