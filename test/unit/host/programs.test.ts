// Simulated programs (kernel.md §6): rdma-app's interface and scenarios, the timer jobs
// (logrotate-sim, backup-sim), the lease holders (lease-hold, db-sim) and sleep.
import { describe, expect, it } from 'vitest';
import { abi, type Host, type HostOptions } from '../../../src-main/host/index';
import { boot, errnoOf, expectSane, pinFile, read, value } from './helpers';

/** Runs `argv` as a child of a login shell whose terminal output is collected. */
function run(argv: string[], opts: HostOptions = {}) {
  const { host, shell } = boot(opts);
  const chunks: string[] = [];
  const login = host.spawnShell();
  host.onTtyOutput(login.tty, (d) => chunks.push(d));
  const pid = value(host.spawnChild(login.pid, argv));
  return { host, shell, login: login.pid, pid, out: () => chunks.join('') };
}

function exitOf(host: Host, pid: number) {
  return host.events().find((e) => e.kind === 'process.exit' && e.pid === pid);
}

function stateOf(host: Host, pid: number) {
  return host.processes().find((p) => p.pid === pid)?.state;
}

describe('rdma-app', () => {
  it('logs each step as rdma-app[PID] and serves, its set-up done within 10 ms', () => {
    const { host, pid, out, shell } = run(['rdma-app', '--pages=32', '--mrs', '4', '/mnt/pmem1/data']);
    const lines = out().split('\n');
    expect(lines[0]).toBe(`rdma-app[${pid}]: open /mnt/pmem1/data: fd 3`);
    expect(lines[1]).toBe(`rdma-app[${pid}]: F_SETLEASE F_RDLCK|F_LAYOUT|F_EXCLUSIVE on fd 3: ok`);
    expect(lines[2]).toMatch(new RegExp(`^rdma-app\\[${pid}\\]: mmap 32 pages of fd 3 from page 0: 0x7f3a[0-9a-f]+$`));
    expect(lines[3]).toBe(`rdma-app[${pid}]: ibv_open_device mlx5_0: fd 4`);
    expect(lines.filter((l) => / ibv_reg_mr 8 pages at 0x[0-9a-f]+: MR \d+, lkey 0x[0-9a-f]+$/.test(l))).toHaveLength(4);
    expect(lines.at(-2)).toBe(`rdma-app[${pid}]: serving`);
    expect(stateOf(host, pid)).toBe('S');
    expect(host.kernel.mrs.size).toBe(4);
    expect([...host.kernel.segments.values()].reduce((n, s) => n + s.last - s.first, 0)).toBe(32);
    expect(read(host, shell, `/proc/${pid}/file_pins`)).toBe('4: /dev/infiniband/uverbs0\n\t/mnt/pmem1/data\n');
    const spawned = host.events().find((e) => e.kind === 'process.exec' && e.pid === pid)!.t;
    expect(Math.max(...host.events().filter((e) => e.kind === 'pin.take').map((e) => e.t)) - spawned).toBeLessThanOrEqual(10_000_000);
    expectSane(host);
  });

  it('--lease=none: the pin is refused with EPERM, logged, and it exits 1', () => {
    const { host, pid, out, shell } = run(['rdma-app', '--lease=none', '--pages', '4', '/mnt/pmem/foo']);
    expect(out().split('\n').at(-2)).toBe(`rdma-app[${pid}]: ibv_reg_mr: Operation not permitted`);
    expect(exitOf(host, pid)).toMatchObject({ code: 1 });
    expect(read(host, shell, '/proc/locks')).toBe('');
  });

  it('a missing FILE is an errno message and status 1; no FILE at all is a usage error', () => {
    const a = run(['rdma-app', '/mnt/pmem/nosuch']);
    expect(a.out()).toBe(`rdma-app[${a.pid}]: open /mnt/pmem/nosuch: No such file or directory\n`);
    expect(exitOf(a.host, a.pid)).toMatchObject({ code: 1 });
    const b = run(['rdma-app', '--pages=4']);
    expect(b.out()).toBe(`rdma-app[${b.pid}]: missing FILE operand\nTry 'rdma-app --help' for more information.\n`);
    expect(exitOf(b.host, b.pid)).toMatchObject({ code: 2 });
    const c = run(['rdma-app', '--lease=shared', '/mnt/pmem/foo']);
    expect(c.out()).toContain(`rdma-app[${c.pid}]: invalid argument 'shared' for '--lease' (valid: exclusive, layout, read, none)`);
    const d = run(['rdma-app', '--bogus', '/mnt/pmem/foo']);
    expect(d.out()).toContain(`rdma-app[${d.pid}]: unrecognized option '--bogus'`);
    expect(exitOf(d.host, d.pid)).toMatchObject({ code: 2 });
    expect(d.host.kernel.leases.size + c.host.kernel.leases.size).toBe(0);
  });

  it('--help prints the usage and exits 0 without touching any file', () => {
    const { host, pid, out } = run(['rdma-app', '--help']);
    expect(out()).toMatch(/^Usage: rdma-app \[--lease=exclusive\|layout\|read\|none\] \[--pages=N\]/);
    expect(out()).toContain('--truncate-after-pin');
    expect(exitOf(host, pid)).toMatchObject({ code: 0 });
    expect(host.kernel.leases.size).toBe(0);
    expect(host.events().some((e) => e.kind === 'fd.open' && e.pid === pid)).toBe(false);
  });

  it('--odp registers without a lease and without pins', () => {
    const { host } = run(['rdma-app', '--lease', 'none', '--odp', '--pages', '4', '/mnt/pmem/foo']);
    expect(host.kernel.mrs.size).toBe(1);
    expect(host.kernel.segments.size).toBe(0);
  });

  it('takes no lease on a character device such as /dev/dax2.0', () => {
    const { host, pid, out } = run(['rdma-app', '--pages', '4', '/dev/dax2.0']);
    expect(out()).toContain(`rdma-app[${pid}]: /dev/dax2.0 is a character device (device DAX): no lease needed\n`);
    expect(stateOf(host, pid)).toBe('S');
    expect(host.kernel.mrs.size).toBe(1);
    expect(host.kernel.leases.size).toBe(0);
  });

  it('--close-after-pin leaves a zombie lease (003 cover letter point 5); --file stays an alias', () => {
    const { host, shell, pid } = run(['rdma-app', '--pages', '4', '--close-after-pin', '--file', '/mnt/pmem/foo']);
    expect([...host.kernel.leases.values()][0]!.state).toBe('ZOMBIE');
    expect(errnoOf(host.vfs.readlink(shell, `/proc/${pid}/fd/3`))).toBe('ENOENT');
    expect(value(host.vfs.readdir(shell, `/proc/${pid}/fd`)).map((e) => e.name)).toEqual(['0', '1', '2', '4']);
  });

  it('--truncate-after-pin truncates its own file and logs EDEADLK (the lease owner itself)', () => {
    const { host, pid, out } = run(['rdma-app', '--pages', '4', '--truncate-after-pin', '/mnt/pmem/foo']);
    expect(out()).toContain(`rdma-app[${pid}]: ftruncate /mnt/pmem/foo to 0 bytes: Resource deadlock avoided\n`);
    expect(stateOf(host, pid)).toBe('S');
  });

  it('--unlock-after-pin: F_UNLCK with pins is EBUSY under rfc-v2 and keeps the lease; legacy-hang lets it go', () => {
    const rfc = run(['rdma-app', '--pages', '4', '--unlock-after-pin', '/mnt/pmem/foo']);
    expect(rfc.out()).toContain(`rdma-app[${rfc.pid}]: F_SETLEASE F_UNLCK on fd 3: Device or resource busy\n`);
    expect(rfc.host.kernel.leases.size).toBe(1);
    const legacy = run(['rdma-app', '--pages', '4', '--unlock-after-pin', '/mnt/pmem/foo'], { policy: 'legacy-hang' });
    expect(legacy.out()).toContain(`rdma-app[${legacy.pid}]: F_SETLEASE F_UNLCK on fd 3: ok\n`);
    expect(legacy.host.kernel.leases.size).toBe(0);
    expect(legacy.host.kernel.segments.size).toBe(1);
  });

  it('--fork-helper: a plain child with the same comm shares the context', () => {
    const { host, pid, out } = run(['rdma-app', '--pages', '4', '--fork-helper', '/mnt/pmem/foo']);
    const helper = host.processes().find((p) => p.ppid === pid)!;
    expect(helper.comm).toBe('rdma-app');
    expect(out()).toContain(`rdma-app[${pid}]: fork: helper pid ${helper.pid} shares the RDMA context\n`);
    expect(out()).toContain(`rdma-app[${helper.pid}]: helper forked from pid ${pid}: sharing its RDMA context\n`);
    const ctxFile = host.kernel.proc(pid)!.fds.get(4)!.file;
    expect(host.kernel.proc(helper.pid)!.fds.get(4)!.file).toBe(ctxFile);
  });

  it('--handoff passes the context to rdma-keeper by SCM_RIGHTS and exits 0', () => {
    const { host, shell, pid, out } = run(['rdma-app', '--pages', '4', '--handoff', '/mnt/pmem/foo']);
    host.advance(5_000_000);
    const keeper = host.processes().find((p) => p.comm === 'rdma-keeper')!;
    expect(keeper.argv).toEqual(['rdma-keeper', `--from=${pid}`]);
    expect(exitOf(host, pid)).toMatchObject({ code: 0 });
    expect(out()).toContain(`rdma-app[${pid}]: sendmsg SCM_RIGHTS fd 5 to rdma-keeper pid ${keeper.pid}: ok\n`);
    expect(out()).toContain(`rdma-keeper[${keeper.pid}]: recvmsg SCM_RIGHTS from pid ${pid}: RDMA context on fd 3; holding it\n`);
    expect(read(host, shell, `/proc/${keeper.pid}/file_pins`)).toBe('3: /dev/infiniband/uverbs0\n\t/mnt/pmem/foo\n');
    expect(errnoOf(host.sys(shell).truncate('/mnt/pmem/foo', 0))).toBe('ETXTBSY');
    expectSane(host);
  });

  it('a keeper whose sender fails before passing anything exits instead of waiting forever', () => {
    const { host, pid } = run(['rdma-app', '--handoff', '--lease=none', '--pages=4', '/mnt/pmem/foo']);
    host.advance(5_000_000);
    expect(exitOf(host, pid)).toMatchObject({ code: 1 });
    const keeperExit = host.events().find((e) => e.kind === 'process.exit' && e.pid !== pid);
    expect(keeperExit).toMatchObject({ code: 1 });
    expect(host.nextEventTime()).toBeNull();
  });

  it('SIGTERM: cleanup by default, at once with --on-term=exit, not at all with --on-term=ignore', () => {
    const a = run(['rdma-app', '--pages', '4', '/mnt/pmem/foo']);
    value(a.host.sys(a.shell).kill(a.pid, 'SIGTERM'));
    a.host.advance(0);
    expect(a.out()).toContain(`rdma-app[${a.pid}]: SIGTERM: cleaning up\n`);
    expect(a.out()).toMatch(/ibv_dereg_mr MR 1: ok\n.*F_SETLEASE F_UNLCK on fd 3: ok\n.*ibv_close_device fd 4: ok\n.*exiting\n$/s);
    expect(exitOf(a.host, a.pid)).toMatchObject({ code: 0 });
    const b = run(['rdma-app', '--pages', '4', '--on-term=exit', '/mnt/pmem/foo']);
    value(b.host.sys(b.shell).kill(b.pid, 'SIGTERM'));
    b.host.advance(0);
    expect(b.out()).not.toContain('cleaning up');
    expect(b.host.kernel.leases.size).toBe(0);
    const c = run(['rdma-app', '--pages', '4', '--on-term', 'ignore', '/mnt/pmem/foo']);
    value(c.host.sys(c.shell).kill(c.pid, 'SIGTERM'));
    c.host.advance(0);
    expect(stateOf(c.host, c.pid)).toBe('S');
  });

  it('--map-direct records MAP_DIRECT in the mapping', () => {
    const { host, pid } = run(['rdma-app', '--pages', '4', '--map-direct', '/mnt/pmem/foo']);
    const vma = host.kernel.proc(pid)!.mm.vmas.find((v) => v.file?.inode.path() === '/mnt/pmem/foo')!;
    expect(vma.flags & abi.MAP_DIRECT).toBe(abi.MAP_DIRECT);
  });
});

describe('logrotate-sim', () => {
  it('truncates on its timer and logs failures in truncate(1)\'s words; logrotate-job still works', () => {
    const { host, shell } = boot();
    pinFile(host, shell, '/mnt/pmem/foo', 4);
    const job = value(host.spawn({ argv: ['logrotate-sim', '--every=10', '/mnt/pmem/foo'] }));
    const old = value(host.spawn({ argv: ['logrotate-job', '--file', '/mnt/pmem/foo', '--every', '10'] }));
    expect(host.processes().find((p) => p.pid === job)).toMatchObject({ state: 'S', wchan: 'do_nanosleep' });
    host.advance(25e9);
    expect(read(host, shell, '/var/log/logrotate-sim.log')).toBe(`logrotate-sim[${job}]: failed to truncate '/mnt/pmem/foo' at 0 bytes: Text file busy\n`.repeat(2));
    expect(read(host, shell, '/var/log/logrotate-job.log')).toBe(`logrotate-job[${old}]: failed to truncate '/mnt/pmem/foo' at 0 bytes: Text file busy\n`.repeat(2));
    expect(host.events().filter((e) => e.kind === 'layout.refused')).toHaveLength(4);
    expectSane(host);
  });

  it('succeeds once nothing pins the file; --punch reports fallocate failures', () => {
    const { host, shell } = boot();
    value(host.spawn({ argv: ['logrotate-sim', '--every', '5'] }));
    host.advance(6e9);
    expect(value(host.sys(shell).stat('/var/log/app.log')).size).toBe(0);
    expect(host.vfs.exists(shell, '/var/log/logrotate-sim.log')).toBe(false);
    pinFile(host, shell, '/mnt/pmem/bar', 4);
    const p = value(host.spawn({ argv: ['logrotate-sim', '--punch', '--every=5', '--log=/tmp/punch.log', '/mnt/pmem/bar'] }));
    host.advance(6e9);
    expect(read(host, shell, '/tmp/punch.log')).toBe(`logrotate-sim[${p}]: fallocate failed: Text file busy\n`);
  });

  it('reports a classic lease as EAGAIN, since it opens with O_NONBLOCK like coreutils', () => {
    const { host, shell } = boot();
    value(host.spawn({ argv: ['lease-hold', '--on-sigio=ignore', '/var/log/app.log'] }));
    const job = value(host.spawn({ argv: ['logrotate-sim', '--every', '5'] }));
    host.advance(6e9);
    expect(read(host, shell, '/var/log/logrotate-sim.log')).toBe(`logrotate-sim[${job}]: cannot open '/var/log/app.log' for writing: Resource temporarily unavailable\n`);
  });
});

describe('backup-sim', () => {
  it('logs the refused clone: no reflink on the filesystem, or ETXTBSY over a pinned file', () => {
    const a = run(['backup-sim', '--every=5', '/mnt/pmem/foo']);
    a.host.advance(6e9);
    expect(a.out()).toBe(`backup-sim[${a.pid}]: failed to clone '/mnt/pmem/foo.bak' from '/mnt/pmem/foo': Operation not supported\n`);
    expect(read(a.host, a.shell, '/var/log/backup-sim.log')).toBe(a.out());
    const b = run(['backup-sim', '--every=5', '--to=/mnt/pmem/copy', '/mnt/pmem/foo'], { setup: { reflink: true } });
    b.host.advance(6e9);
    expect(b.out()).toBe('');
    expect(value(b.host.sys(b.shell).stat('/mnt/pmem/copy')).size).toBe(value(b.host.sys(b.shell).stat('/mnt/pmem/foo')).size);
    expect(b.host.events().some((e) => e.kind === 'layout.change' && e.op === 'cow' && e.path === '/mnt/pmem/copy')).toBe(true);
    pinFile(b.host, b.shell, '/mnt/pmem/foo', 4);
    b.host.advance(5e9);
    expect(b.out()).toBe(`backup-sim[${b.pid}]: failed to clone '/mnt/pmem/copy' from '/mnt/pmem/foo': Text file busy\n`);
    expectSane(b.host);
  });
});

describe('lease-hold and db-sim', () => {
  it('lease-hold takes each kind of lease and reports failures with the errno text', () => {
    const a = run(['lease-hold', '--type=exclusive', '/mnt/pmem/foo']);
    expect(a.out()).toBe(`lease-hold[${a.pid}]: F_SETLEASE F_RDLCK|F_LAYOUT|F_EXCLUSIVE on /mnt/pmem/foo (fd 3): ok; holding it\n`);
    expect(read(a.host, a.shell, '/proc/locks')).toBe(`1: LEASE  ACTIVE    LAYOUT ${a.pid} 103:00:131 0 EOF\n`);
    expect(errnoOf(a.host.sys(a.shell).truncate('/mnt/pmem/foo', 0))).toBe('ETXTBSY');
    const b = run(['lease-hold', '--type', 'write', '/etc/hostname']);
    expect(b.host.kernel.proc(b.pid)!.fds.get(3)!.file.flags & abi.O_ACCMODE).toBe(abi.O_RDWR);
    const c = run(['lease-hold', '/nonexistent']);
    expect(c.out()).toBe(`lease-hold[${c.pid}]: open /nonexistent: No such file or directory\n`);
    expect(exitOf(c.host, c.pid)).toMatchObject({ code: 1 });
    const d = run(['lease-hold', '--type=read', '/dev/null']);
    expect(d.out()).toBe(`lease-hold[${d.pid}]: F_SETLEASE F_RDLCK on /dev/null: Invalid argument\n`);
  });

  it('--on-sigio: release lets the breaker in; default dies of SIGIO; ignore waits for the revoke', () => {
    const { host, shell } = boot();
    const rel = value(host.spawn({ argv: ['lease-hold', '/var/log/app.log'] }));
    expect(errnoOf(host.sys(shell).open('/var/log/app.log', abi.O_WRONLY | abi.O_NONBLOCK))).toBe('EAGAIN');
    host.advance(0);
    expect(read(host, shell, '/proc/locks')).toBe('');
    expect(host.kernel.proc(rel)!.alive).toBe(true);
    const die = value(host.spawn({ argv: ['lease-holder', '--file', '/etc/group', '--type', 'write', '--on-sigio', 'die'] }));
    expect(errnoOf(host.sys(shell).open('/etc/group', abi.O_RDONLY | abi.O_NONBLOCK))).toBe('EAGAIN');
    expect(exitOf(host, die)).toMatchObject({ sig: 'SIGIO' });
    value(host.spawn({ argv: ['lease-hold', '--on-sigio=ignore', '/etc/hostname'] }));
    expect(errnoOf(host.sys(shell).open('/etc/hostname', abi.O_WRONLY | abi.O_NONBLOCK))).toBe('EAGAIN');
    host.advance(44e9);
    expect(read(host, shell, '/proc/locks')).toMatch(/^1: LEASE {2}BREAKING {2}UNLCK /);
    host.advance(2e9);
    expect(errnoOf(host.sys(shell).open('/etc/hostname', abi.O_WRONLY | abi.O_NONBLOCK))).not.toBe('EAGAIN');
  });

  it('db-sim holds a breakable layout lease: a truncate breaks it and proceeds once it releases', () => {
    const { host, pid, out, shell } = run(['db-sim', '/mnt/pmem1/data']);
    expect(read(host, shell, '/proc/locks')).toMatch(new RegExp(`^1: LEASE  ACTIVE    LAYOUT ${pid} 103:01:\\d+ 0 EOF\n$`));
    const t = host.sys(shell).truncate('/mnt/pmem1/data', 0);
    expect(errnoOf(t)).toBe('pending:__break_lease');
    host.advance(1_000_000);
    expect(!t.ok && t.pending?.settled).toBe(true);
    expect(out()).toContain(`db-sim[${pid}]: SIGIO: lease broken; F_SETLEASE F_UNLCK: ok\n`);
    expect(value(host.sys(shell).stat('/mnt/pmem1/data')).size).toBe(0);
  });

  it('db-sim --on-sigio=ignore keeps the truncate waiting until fs.lease-break-time', () => {
    const { host, shell } = run(['db-sim', '--on-sigio=ignore', '/mnt/pmem1/data']);
    const t = host.sys(shell).truncate('/mnt/pmem1/data', 0);
    host.advance(40e9);
    expect(!t.ok && t.pending?.settled).toBe(false);
    host.advance(6e9);
    expect(!t.ok && t.pending?.settled).toBe(true);
    expect(host.kernel.leases.size).toBe(0);
  });
});

describe('sleep', () => {
  it('sums NUMBER[SUFFIX] arguments and rejects bad ones as coreutils does', () => {
    const a = run(['sleep', '1m', '0.5']);
    a.host.advance(60e9);
    expect(stateOf(a.host, a.pid)).toBe('S');
    a.host.advance(0.5e9);
    expect(exitOf(a.host, a.pid)).toMatchObject({ code: 0 });
    const b = run(['sleep', 'soon']);
    expect(b.out()).toBe("sleep: invalid time interval ‘soon’\nTry 'sleep --help' for more information.\n");
    expect(exitOf(b.host, b.pid)).toMatchObject({ code: 1 });
    const c = run(['sleep', '--help']);
    expect(c.out()).toMatch(/^Usage: sleep NUMBER\[SUFFIX\]\.\.\.\n/);
  });
});
