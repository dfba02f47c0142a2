// Behaviour common to every policy, exercised through stand-in strategies: the common wait for
// pinned DAX pages must hold for any strategy that lets a pin be taken without a lease, not only
// for the six designs (each has its own file in ./policies/).
import { describe, expect, it } from 'vitest';
import { abi } from '../../../src-main/host/index';
import { rfcV2 } from '../../../src-main/host/policy/rfc-v2';
import type { Policy } from '../../../src-main/host/policy/policy';
import { boot, errnoOf, expectSane, pinFile, proc, read, value } from './helpers';

/** Pins without any lease, as mainline did before 2017 and legacy-hang does. */
const pinAnything: Policy = { ...rfcV2, name: 'test-pin-anything', pin: () => ({ allow: true, lease: null }) };
/** Dave Chinner's proposal (003 #9): the last close of a leased file with pins sleeps. */
const closeBlocks: Policy = {
  ...rfcV2,
  name: 'test-close-blocks',
  lastClose: (req) => (req.fatal || req.file.leases.every((l) => l.pinRefs === 0) ? { action: 'complete' } : { action: 'wait', wchan: 'locks_remove_lease' }),
};

describe('pins without an exclusive lease: layout changes wait (kernel.md §4, seed 003 #2 "by fail I mean hang")', () => {
  it('truncate sleeps in xfs_break_dax_layouts until the pin goes, then completes', () => {
    const { host, shell, root } = boot();
    host.kernel.policy = pinAnything;
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4, { lease: null });
    const t = proc(host, shell, ['truncate']);
    const r = t.sys.truncate('/mnt/pmem/foo', 0);
    expect(errnoOf(r)).toBe('pending:xfs_break_dax_layouts');
    let result = '';
    if (!r.ok && r.pending) r.pending.onSettle((x) => (result = x.ok ? 'ok' : x.errno));
    expect(read(host, shell, `/proc/${t.pid}/wchan`)).toBe('xfs_break_dax_layouts');
    expect(read(host, shell, `/proc/${t.pid}/stack`).split('\n')[0]).toBe('[<0>] xfs_break_dax_layouts+0x9a/0x120 [xfs]');
    expect(read(host, shell, `/proc/${t.pid}/status`)).toContain('State:\tS (sleeping)');
    expectSane(host);
    value(p.sys.ibv_dereg_mr(p.ctxFd, p.mrs[0]!));
    expect(result).toBe('ok');
    expect(value(root.stat('/mnt/pmem/foo')).size).toBe(0);
    expectSane(host);
  });

  it('ext4 waits in ext4_break_layouts; a punch outside the pinned range does not wait', () => {
    const { host, shell, root } = boot();
    host.kernel.policy = pinAnything;
    pinFile(host, shell, '/mnt/pmem1/data', 4, { lease: null });
    const fd = value(root.open('/mnt/pmem1/data', abi.O_RDWR));
    const PUNCH = abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE;
    expect(errnoOf(root.fallocate(fd, PUNCH, 100 * 4096, 4096))).toBe('ok');
    const t = proc(host, shell, ['fallocate']);
    const fd2 = value(t.sys.open('/mnt/pmem1/data', abi.O_RDWR));
    expect(errnoOf(t.sys.fallocate(fd2, PUNCH, 0, 4096))).toBe('pending:ext4_break_layouts');
  });

  it('Ctrl-C kills the waiter silently (default SIGINT); a caught signal returns EINTR', () => {
    const { host, shell, root } = boot();
    host.kernel.policy = pinAnything;
    pinFile(host, shell, '/mnt/pmem/foo', 4, { lease: null });
    const a = proc(host, shell, ['truncate']);
    a.sys.truncate('/mnt/pmem/foo', 0);
    value(root.kill(a.pid, 'SIGINT'));
    expect(host.events().find((e) => e.kind === 'process.exit' && e.pid === a.pid)).toMatchObject({ sig: 'SIGINT' });
    expect(host.events().find((e) => e.kind === 'process.wake' && e.pid === a.pid)).toMatchObject({ errno: 'EINTR', killed: true });
    const b = proc(host, shell, ['truncate']);
    value(b.sys.sigaction('SIGUSR1', () => {}));
    const r = b.sys.truncate('/mnt/pmem/foo', 0);
    let got = '';
    if (!r.ok && r.pending) r.pending.onSettle((x) => (got = x.ok ? 'ok' : x.errno));
    value(root.kill(b.pid, 'SIGUSR1'));
    expect(got).toBe('EINTR');
    expectSane(host);
  });
});

describe('a policy that makes the last close wait (Dave Chinner, 003 #9)', () => {
  it('close sleeps in locks_remove_lease until the pins go; SIGKILL escapes and unwinds', () => {
    const { host, shell } = boot();
    host.kernel.policy = closeBlocks;
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    const c = p.sys.close(p.dataFd);
    expect(errnoOf(c)).toBe('pending:locks_remove_lease');
    expect(read(host, shell, `/proc/${p.pid}/fdinfo/${p.dataFd}`)).toContain('LAYOUT');
    value(host.sys(shell).kill(p.pid, 'SIGKILL'));
    expect(host.kernel.leases.size).toBe(0);
    expect(host.kernel.segments.size).toBe(0);
    expectSane(host);
  });

  it('the sleeping close completes when the MR is deregistered', () => {
    const { host, shell } = boot();
    host.kernel.policy = closeBlocks;
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    const c = p.sys.close(p.dataFd);
    let got = '';
    if (!c.ok && c.pending) c.pending.onSettle((x) => (got = x.ok ? 'ok' : x.errno));
    value(p.sys.ibv_dereg_mr(p.ctxFd, p.mrs[0]!));
    expect(got).toBe('ok');
    expect(p.sys.fcntl(p.dataFd, abi.F_GETLEASE).ok).toBe(false);
  });
});

describe('switching policy', () => {
  it('is one event, and an unknown name is EINVAL', () => {
    const { host } = boot();
    expect(host.policies()).toContain('rfc-v2');
    expect(errnoOf(host.setPolicy('no-such-policy'))).toBe('EINVAL');
    const before = host.events().length;
    value(host.setPolicy('rfc-v2'));
    expect(host.events().length).toBe(before);
    expect(host.policyName).toBe('rfc-v2');
  });
});

describe('lease-holder', () => {
  it('releases on SIGIO so a writer gets in at once; with --on-sigio die it is killed by SIGIO', () => {
    const { host, shell, root } = boot();
    value(host.spawn({ argv: ['lease-holder', '--file', '/var/log/app.log', '--type', 'read'] }));
    const r = root.open('/var/log/app.log', abi.O_WRONLY);
    expect(errnoOf(r)).toBe('pending:__break_lease');
    host.advance(0);
    expect(r.ok || !r.pending ? true : r.pending.settled).toBe(true);
    const die = value(host.spawn({ argv: ['lease-holder', '--file', '/etc/group', '--type', 'write', '--on-sigio', 'die'] }));
    expect(errnoOf(root.open('/etc/group', abi.O_RDONLY | abi.O_NONBLOCK))).toBe('EAGAIN');
    expect(host.events().find((e) => e.kind === 'process.exit' && e.pid === die)).toMatchObject({ sig: 'SIGIO' });
    expect(read(host, shell, '/proc/locks')).toBe('');
  });
});
