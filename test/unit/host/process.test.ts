// Processes and unwinding: kill chains, fork-shared contexts, SCM_RIGHTS hand-off (003 #16,
// #28–#33), signals and dispositions, exit order, reparenting and reaping.
import { describe, expect, it } from 'vitest';
import { abi, WTERMSIG, WEXITSTATUS, type HostEvent } from '../../../src-main/host/index';
import { boot, errnoOf, expectSane, kinds, pinFile, proc, read, value, PAGE } from './helpers';

function chainOf(events: readonly HostEvent[], pid: number): string[] {
  // The unwind as the console replays it: one label per step.
  const out: string[] = [];
  for (const e of events) {
    if (e.kind === 'signal' && e.pid === pid) out.push(`signal ${e.sig}`);
    else if (e.kind === 'process.exit' && e.pid === pid) out.push('exit');
    else if (e.kind === 'fd.close' && e.pid === pid && e.fd > 2) out.push(`close fd ${e.fd}`);
    else if (e.kind === 'lease.zombie') out.push('lease zombie');
    else if (e.kind === 'rdma.context.release') out.push('context release');
    else if (e.kind === 'rdma.dereg') out.push(`MR ${e.mr} deregistered`);
    else if (e.kind === 'pin.release') out.push('pages unpinned');
    else if (e.kind === 'lease.release') out.push('lease released');
    else if (e.kind === 'process.reap' && e.pid === pid) out.push('reaped');
  }
  return out;
}

describe('unwinding a pinning process', () => {
  it('kill -9 yields signal → exit → close fds → context release → MRs deregistered → unpinned → zombie lease released → reaped', () => {
    const { host, shell, root } = boot();
    const pid = value(host.spawn({ argv: ['rdma-app', '--pages', '8', '--mrs', '2', '--close-after-pin', '--unmap-after-pin', '/mnt/pmem/foo'] }));
    expect(host.kernel.leases.size).toBe(1);
    const mark = host.events().at(-1)!.seq;
    value(root.kill(pid, 'SIGKILL'));
    const chain = chainOf(host.events().filter((e) => e.seq > mark), pid);
    expect(chain).toEqual(['signal SIGKILL', 'exit', 'close fd 4', 'context release', 'MR 1 deregistered', 'pages unpinned', 'MR 2 deregistered', 'pages unpinned', 'lease released', 'reaped']);
    expect(read(host, shell, '/proc/locks')).toBe('');
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('ok');
    expectSane(host);
  });

  it('closes fds in ascending order on exit (the data fd goes zombie before the context goes)', () => {
    const { host, shell, root } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    const mark = host.events().at(-1)!.seq;
    value(root.kill(p.pid, 'SIGTERM'));
    const closes = host.events().filter((e) => e.seq > mark && e.kind === 'fd.close').map((e) => (e.kind === 'fd.close' ? e.fd : -1));
    expect(closes).toEqual([...closes].sort((a, b) => a - b));
    const order = kinds(host, mark).filter((k) => ['mm.exit', 'lease.zombie', 'rdma.context.release', 'lease.release', 'process.zombie'].includes(k));
    expect(order).toEqual(['mm.exit', 'lease.zombie', 'rdma.context.release', 'lease.release', 'process.zombie']);
  });

  it('fork shares the context: killing the parent alone does not unwind the pins (kernel.md §4)', () => {
    const { host, shell, root } = boot();
    const pid = value(host.spawn({ argv: ['rdma-app', '--pages', '4', '--fork-helper', '/mnt/pmem/foo'] }));
    const helper = host.processes().find((p) => p.ppid === pid)!;
    expect(helper.comm).toBe('rdma-app');
    value(root.kill(pid, 'SIGKILL'));
    expect(host.kernel.segments.size).toBe(1);
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('ETXTBSY');
    expect(host.processes().find((p) => p.pid === helper.pid)!.ppid).toBe(1);
    expect(read(host, shell, `/proc/${helper.pid}/file_pins`)).toBe('4: /dev/infiniband/uverbs0\n\t/mnt/pmem/foo\n');
    // /proc/locks keeps the creator's pid, which no longer exists: the riddle the console solves.
    expect(read(host, shell, '/proc/locks')).toBe(`1: LEASE  ACTIVE    LAYOUT ${pid} 103:00:131 0 EOF\n`);
    value(root.kill(helper.pid, 'SIGKILL'));
    expect(host.kernel.segments.size).toBe(0);
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('ok');
    expectSane(host);
  });

  it('SCM_RIGHTS hand-off: the pins travel with the context and show under the receiver (003 #16)', () => {
    const { host, shell, root } = boot();
    const pid = value(host.spawn({ argv: ['rdma-app', '--pages', '4', '--handoff', '/mnt/pmem/foo'] }));
    host.advance(5_000_000);
    const keeper = host.processes().find((p) => p.comm === 'rdma-keeper')!;
    expect(keeper).toBeDefined();
    expect(read(host, shell, `/proc/${keeper.pid}/file_pins`)).toMatch(/^\d+: \/dev\/infiniband\/uverbs0\n\t\/mnt\/pmem\/foo\n$/);
    // "Process A ... exits. ... Process B _still_ has the RDMA context FD open" (Ira, #16).
    expect(host.events().find((e) => e.kind === 'process.exit' && e.pid === pid)).toMatchObject({ code: 0 });
    expect(host.kernel.proc(pid)).toBeUndefined();
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('ETXTBSY');
    expect(host.kernel.leases.size).toBe(1);
    expect([...host.kernel.leases.values()][0]!.state).toBe('ZOMBIE');
    value(root.kill(keeper.pid, 'SIGTERM'));
    expect(host.kernel.leases.size).toBe(0);
    expectSane(host);
  });

  it('a message never received drops the files it carries when the socket goes', () => {
    const { host, shell } = boot();
    const { sys } = proc(host, shell);
    const [a, b] = value(sys.socketpair());
    const fd = value(sys.open('/etc/hostname', abi.O_RDONLY));
    value(sys.sendmsg(a, { data: 'x', fds: [fd] }));
    value(sys.close(fd));
    expectSane(host);
    expect(host.events().some((e) => e.kind === 'file.release' && e.path === '/etc/hostname')).toBe(false);
    value(sys.close(b));
    const released = host.events().filter((e) => e.kind === 'file.release' && e.path === '/etc/hostname');
    expect(released).toHaveLength(1);
    expectSane(host);
  });

  it('recvmsg installs the passed file at the lowest free fd and returns EAGAIN when nothing waits', () => {
    const { host, shell } = boot();
    const { sys } = proc(host, shell);
    const [a, b] = value(sys.socketpair());
    expect(errnoOf(sys.recvmsg(b))).toBe('EAGAIN');
    const fd = value(sys.open('/etc/hostname', abi.O_RDONLY));
    value(sys.sendmsg(a, { data: 'hi', fds: [fd] }));
    value(sys.close(fd));
    const got = value(sys.recvmsg(b));
    expect(got).toEqual({ data: 'hi', fds: [fd] });
    expect(value(sys.read(fd, 100))).toBe('pinsim\n');
  });
});

describe('signals', () => {
  it('an unprivileged user cannot kill root\'s processes (EPERM) but can kill its own', () => {
    const { host } = boot();
    const rootApp = value(host.spawn({ argv: ['sleep', '100'] }));
    const op = host.spawnShell({ uid: 1000 });
    const sys = host.sys(op.pid);
    expect(errnoOf(sys.kill(rootApp, 'SIGTERM'))).toBe('EPERM');
    expect(errnoOf(sys.kill(1, 'SIGKILL'))).toBe('EPERM');
    expect(errnoOf(sys.kill(99999, 'SIGTERM'))).toBe('ESRCH');
    const mine = value(host.spawn({ argv: ['sleep', '100'], uid: 1000, ppid: op.pid }));
    expect(errnoOf(sys.kill(mine, 'SIGTERM'))).toBe('ok');
  });

  it('pid 1 ignores signals it has no handler for, SIGKILL included', () => {
    const { host, root } = boot();
    value(root.kill(1, 'SIGKILL'));
    value(root.kill(1, 'SIGTERM'));
    expect(host.processes()[0]).toMatchObject({ pid: 1, state: 'S' });
    expect(host.events().filter((e) => e.kind === 'signal' && e.pid === 1).every((e) => e.kind === 'signal' && e.action === 'ignore')).toBe(true);
  });

  it('SIGSTOP stops, signals wait while stopped, SIGCONT resumes and delivers them', () => {
    const { host, root } = boot();
    const pid = value(host.spawn({ argv: ['sleep', '100'] }));
    value(root.kill(pid, 'SIGSTOP'));
    expect(host.processes().find((p) => p.pid === pid)!.state).toBe('T');
    value(root.kill(pid, 'SIGTERM'));
    expect(host.processes().find((p) => p.pid === pid)!.state).toBe('T');
    value(root.kill(pid, 'SIGCONT'));
    expect(host.processes().find((p) => p.pid === pid)).toBeUndefined();
    expect(host.events().find((e) => e.kind === 'process.exit' && e.pid === pid)).toMatchObject({ sig: 'SIGTERM' });
  });

  it('a stopped program\'s timers wait for SIGCONT', () => {
    const { host, root } = boot();
    const pid = value(host.spawn({ argv: ['sleep', '10'] }));
    value(root.kill(pid, 'SIGSTOP'));
    host.advance(20e9);
    expect(host.processes().some((p) => p.pid === pid)).toBe(true);
    value(root.kill(pid, 'SIGCONT'));
    host.advance(0);
    expect(host.processes().some((p) => p.pid === pid)).toBe(false);
  });

  it('a holder without a SIGIO handler dies of it ("I/O possible"), as on Linux', () => {
    const { host, root } = boot();
    const { pid, sys } = proc(host, 0 + host.processes()[1]!.pid);
    const fd = value(sys.open('/var/log/app.log', abi.O_RDONLY));
    value(sys.fcntl(fd, abi.F_SETLEASE, abi.F_RDLCK));
    expect(errnoOf(root.open('/var/log/app.log', abi.O_WRONLY | abi.O_NONBLOCK))).toBe('EAGAIN');
    expect(host.events().find((e) => e.kind === 'process.exit' && e.pid === pid)).toMatchObject({ sig: 'SIGIO' });
  });

  it('rdma-app releases cleanly on SIGTERM; with --on-term=ignore it stays until SIGKILL', () => {
    const { host, root } = boot();
    const a = value(host.spawn({ argv: ['rdma-app', '--pages', '4', '/mnt/pmem/foo'] }));
    value(root.kill(a, 'SIGTERM'));
    host.advance(0);
    expect(host.events().find((e) => e.kind === 'process.exit' && e.pid === a)).toMatchObject({ code: 0 });
    expect(host.kernel.leases.size).toBe(0);
    const b = value(host.spawn({ argv: ['rdma-app', '--pages', '4', '--on-term=ignore', '/mnt/pmem/foo'] }));
    value(root.kill(b, 'SIGTERM'));
    host.advance(0);
    expect(host.kernel.leases.size).toBe(1);
    value(root.kill(b, 'SIGKILL'));
    expect(host.kernel.leases.size).toBe(0);
    expectSane(host);
  });
});

describe('process lifecycle', () => {
  it('execve changes comm and argv; fork gives a child sharing open files', () => {
    const { host, shell } = boot();
    const child = value(host.spawnChild(shell, ['/usr/bin/truncate', '-s', '0', 'x']));
    expect(host.processes().find((p) => p.pid === child)).toMatchObject({ comm: 'truncate', argv: ['/usr/bin/truncate', '-s', '0', 'x'], ppid: shell, state: 'R' });
    expect(read(host, shell, `/proc/${child}/cmdline`)).toBe('/usr/bin/truncate\0-s\x000\0x\0');
  });

  it('a dead child stays a zombie until wait4 reaps it; wait4 sleeps in do_wait until then', () => {
    const { host, shell, root } = boot();
    const child = value(host.spawnChild(shell, ['true']));
    const w = root.wait4(child);
    expect(w.ok || !w.pending ? 'no' : w.pending.wchan).toBe('do_wait');
    const results: unknown[] = [];
    if (!w.ok && w.pending) w.pending.onSettle((r) => results.push(r));
    host.sys(child).exit(3);
    expect(results).toHaveLength(1);
    const r = results[0] as { ok: true; value: { pid: number; status: number } };
    expect(r.value.pid).toBe(child);
    expect(WEXITSTATUS(r.value.status)).toBe(3);
    expect(errnoOf(root.wait4(child))).toBe('ECHILD');
  });

  it('a zombie is visible as Z until reaped', () => {
    const { host, shell, root } = boot();
    const child = value(host.spawnChild(shell, ['true']));
    host.sys(child).exit(0);
    expect(read(host, shell, `/proc/${child}/status`)).toContain('State:\tZ (zombie)');
    const r = value(root.wait4(child, { nohang: true }));
    expect(r?.pid).toBe(child);
    expect(host.processes().some((p) => p.pid === child)).toBe(false);
  });

  it('orphans are reparented to pid 1, which reaps them when they die', () => {
    const { host, shell, root } = boot();
    const parent = value(host.spawnChild(shell, ['parent']));
    const kid = value(host.sys(parent).fork());
    host.sys(parent).exit(0);
    expect(host.processes().find((p) => p.pid === kid)!.ppid).toBe(1);
    value(root.kill(kid, 'SIGKILL'));
    expect(host.events().find((e) => e.kind === 'process.reap' && e.pid === kid)).toMatchObject({ by: 1 });
    const status = host.events().find((e) => e.kind === 'process.reap' && e.pid === kid);
    expect(status && status.kind === 'process.reap' ? WTERMSIG(status.status) : 0).toBe(9);
  });

  it('a caught signal interrupts a sleeping call with EINTR', () => {
    const { host, shell } = boot();
    const child = value(host.spawnChild(shell, ['waiter']));
    const grandchild = value(host.sys(child).fork());
    host.sys(child).sigaction('SIGUSR1', () => {});
    const w = host.sys(child).wait4(grandchild);
    let got = '';
    if (!w.ok && w.pending) w.pending.onSettle((r) => (got = r.ok ? 'ok' : r.errno));
    value(host.sys(shell).kill(child, 'SIGUSR1'));
    expect(got).toBe('EINTR');
    expect(host.processes().find((p) => p.pid === child)!.state).toBe('R');
  });

  it('dup shares the open file: closing one fd keeps the lease, closing the last makes the mapping hold it', () => {
    const { host, shell } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    const d = value(p.sys.dup(p.dataFd));
    value(p.sys.close(p.dataFd));
    expect([...host.kernel.leases.values()][0]!.state).toBe('ACTIVE');
    value(p.sys.close(d));
    expect([...host.kernel.leases.values()][0]!.state).toBe('ZOMBIE');
    value(p.sys.munmap(p.addr, 4 * PAGE));
    expectSane(host);
  });
});
