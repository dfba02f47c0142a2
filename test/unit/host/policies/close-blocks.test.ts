// close-blocks: Dave Chinner's rules on top of rfc-v2 — the last close of a leased file whose
// pages are pinned sleeps in locks_remove_lease (seed 003 #6, #9); pins may be passed only to a
// process that holds a layout lease on the file (#23, #24).
import { describe, expect, it } from 'vitest';
import { abi } from '../../../../src-main/host/index';
import { errnoOf, expectSane, pinFile, proc, read, value } from '../helpers';
import { bootUnder, prepare, reg, track } from './util';

describe('close-blocks: pins and layout changes as rfc-v2 (003 cover letter)', () => {
  it('a pin needs the caller\'s exclusive layout lease (EPERM); truncate fails with ETXTBSY, the owner\'s with EDEADLK', () => {
    const { host, shell, root } = bootUnder('close-blocks');
    expect(errnoOf(reg(prepare(host, shell, '/mnt/pmem/foo', 4), 4))).toBe('EPERM');
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('ETXTBSY');
    expect(errnoOf(p.sys.ftruncate(p.dataFd, 0))).toBe('EDEADLK');
    expect(errnoOf(p.sys.fcntl(p.dataFd, abi.F_SETLEASE, abi.F_UNLCK))).toBe('EBUSY');
  });
});

describe('close-blocks: the last close blocks (003 #6 "make the last close() on a file block", #9)', () => {
  it('sleeps in locks_remove_lease with the lease still ACTIVE, and completes when the MR goes', () => {
    const { host, shell } = bootUnder('close-blocks');
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    const s = track(p.sys.close(p.dataFd));
    expect(s).toMatchObject({ done: false, wchan: 'locks_remove_lease' });
    expect(read(host, shell, `/proc/${p.pid}/wchan`)).toBe('locks_remove_lease');
    expect(read(host, shell, `/proc/${p.pid}/stack`).split('\n').slice(0, 3)).toEqual(['[<0>] locks_remove_lease+0x4e/0x90', '[<0>] locks_remove_file+0x12a/0x1a0', '[<0>] __fput+0xb2/0x250']);
    expect(read(host, shell, '/proc/locks')).toMatch(/^1: LEASE {2}ACTIVE {4}LAYOUT /);
    expect(host.events().some((e) => e.kind === 'lease.zombie')).toBe(false);
    expectSane(host);
    value(p.sys.ibv_dereg_mr(p.ctxFd, p.mrs[0]!));
    expect(s).toMatchObject({ done: true, result: 'ok' });
    // The mapping still holds the open file, and with it the (now unpinned) lease, as on Linux.
    value(p.sys.munmap(p.addr, 4 * 4096));
    expect(read(host, shell, '/proc/locks')).toBe('');
    expectSane(host);
  });

  it('a caught signal returns EINTR and the descriptor stays open; SIGKILL escapes and unwinds everything (#9)', () => {
    const { host, shell, root } = bootUnder('close-blocks');
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    value(p.sys.sigaction('SIGUSR1', () => {}));
    const s = track(p.sys.close(p.dataFd));
    value(root.kill(p.pid, 'SIGUSR1'));
    expect(s).toMatchObject({ done: true, result: 'EINTR' });
    expect(value(p.sys.fcntl(p.dataFd, abi.F_GETLEASE))).toBe(abi.F_LAYOUT);
    expect(errnoOf(p.sys.close(p.dataFd))).toBe('pending:locks_remove_lease');
    value(root.kill(p.pid, 'SIGKILL'));
    expect(host.kernel.leases.size).toBe(0);
    expect(host.kernel.segments.size).toBe(0);
    expectSane(host);
  });

  it('exit never blocks: a process that ends with the leased file open unwinds at once (#9 "PF_EXITING")', () => {
    const { host, shell } = bootUnder('close-blocks');
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    p.sys.exit(0);
    expect(host.kernel.leases.size).toBe(0);
    expect(host.kernel.segments.size).toBe(0);
    expectSane(host);
  });

  it('only the last close of a file with pins under its lease blocks: a dup, or a lease without pins, close at once', () => {
    const { host, shell } = bootUnder('close-blocks');
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    const dup = value(p.sys.dup(p.dataFd));
    expect(errnoOf(p.sys.close(dup))).toBe('ok');
    const q = proc(host, shell, ['db']);
    const fd = value(q.sys.open('/mnt/pmem/bar', abi.O_RDWR));
    value(q.sys.fcntl(fd, abi.F_SETLEASE, abi.F_RDLCK | abi.F_LAYOUT | abi.F_EXCLUSIVE));
    expect(errnoOf(q.sys.close(fd))).toBe('ok');
    expect(errnoOf(p.sys.ibv_close_device(p.ctxFd))).toBe('ok');
    expect(errnoOf(p.sys.close(p.dataFd))).toBe('ok');
  });
});

describe('close-blocks: passing pins by SCM_RIGHTS (003 #23, #24)', () => {
  /** A forked child that keeps only its end of a socketpair: it holds neither the file nor the context. */
  function receiver(host: ReturnType<typeof bootUnder>['host'], p: ReturnType<typeof pinFile>): { child: number; sock: number; childSock: number } {
    const [mine, theirs] = value(p.sys.socketpair());
    const child = value(p.sys.fork());
    for (const fd of [mine, p.dataFd, p.ctxFd]) value(host.sys(child).close(fd));
    value(p.sys.close(theirs));
    return { child, sock: mine, childSock: theirs };
  }

  it('to a process with no layout lease on the file: EPERM, and nothing is in flight (#23 "a violation of the layout lease")', () => {
    const { host, shell } = bootUnder('close-blocks');
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    const { child, sock, childSock } = receiver(host, p);
    expect(errnoOf(p.sys.sendmsg(sock, { data: 'ctx', fds: [p.ctxFd] }))).toBe('EPERM');
    expect(errnoOf(host.sys(child).recvmsg(childSock))).toBe('EAGAIN');
    expectSane(host);
  });

  it('with the lease\'s file in the same message, or received before, the pins may travel (#24)', () => {
    const { host, shell } = bootUnder('close-blocks');
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    const a = receiver(host, p);
    expect(errnoOf(p.sys.sendmsg(a.sock, { data: 'both', fds: [p.ctxFd, p.dataFd] }))).toBe('ok');
    expect(value(host.sys(a.child).recvmsg(a.childSock)).fds).toHaveLength(2);
    const b = receiver(host, p);
    value(p.sys.sendmsg(b.sock, { data: 'lease', fds: [p.dataFd] }));
    value(host.sys(b.child).recvmsg(b.childSock));
    expect(errnoOf(p.sys.sendmsg(b.sock, { data: 'ctx', fds: [p.ctxFd] }))).toBe('ok');
    expectSane(host);
  });

  it('a context without DAX pins passes freely, as under rfc-v2', () => {
    const { host, shell } = bootUnder('close-blocks');
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    value(p.sys.ibv_dereg_mr(p.ctxFd, p.mrs[0]!));
    const { sock } = receiver(host, p);
    expect(errnoOf(p.sys.sendmsg(sock, { data: 'ctx', fds: [p.ctxFd] }))).toBe('ok');
  });

  it('rdma-app --handoff to a keeper without a lease fails at sendmsg and exits 1', () => {
    const { host } = bootUnder('close-blocks');
    const pid = value(host.spawn({ argv: ['rdma-app', '--pages=4', '--handoff', '/mnt/pmem/foo'] }));
    host.advance(1e9);
    expect(host.events().find((e) => e.kind === 'process.exit' && e.pid === pid)).toMatchObject({ code: 1 });
    expect(host.kernel.segments.size).toBe(0);
    expectSane(host);
  });
});
