// Classic and layout leases: the F_SETLEASE rules measured in reference §3.2, and lease breaking
// (§3.3): SIGIO to the holder, BREAKING / BREAKER lines, lease-break-time, lazy expiry.
import { describe, expect, it } from 'vitest';
import { abi, type Blocking } from '../../../src-main/host/index';
import { boot, errnoOf, expectSane, proc, read, value, LAYOUT_EXCLUSIVE } from './helpers';

const { O_RDONLY, O_WRONLY, O_RDWR, O_NONBLOCK, F_SETLEASE, F_GETLEASE, F_RDLCK, F_WRLCK, F_UNLCK, F_LAYOUT } = abi;
const FILE = '/var/log/app.log';

function settled<T>(r: Blocking<T>): { done: boolean; result: string } {
  const s = { done: false, result: '' };
  if (r.ok || !r.pending) return { done: true, result: r.ok ? 'ok' : r.errno };
  r.pending.onSettle((x) => {
    s.done = true;
    s.result = x.ok ? 'ok' : x.errno;
  });
  return s;
}

describe('F_SETLEASE rules (reference §3.2)', () => {
  it('a write lease needs to be the only opener; a read lease needs no writers', () => {
    const { host, shell } = boot();
    const a = proc(host, shell);
    const fd = value(a.sys.open(FILE, O_RDONLY));
    value(a.sys.fcntl(fd, F_SETLEASE, F_WRLCK));
    expect(value(a.sys.fcntl(fd, F_GETLEASE))).toBe(F_WRLCK);
    value(a.sys.fcntl(fd, F_SETLEASE, F_UNLCK));
    const other = value(a.sys.open(FILE, O_RDONLY));
    expect(errnoOf(a.sys.fcntl(fd, F_SETLEASE, F_WRLCK))).toBe('EAGAIN');
    value(a.sys.fcntl(fd, F_SETLEASE, F_RDLCK));
    value(a.sys.fcntl(other, F_SETLEASE, F_RDLCK));
    expect(read(host, shell, '/proc/locks').split('\n').filter(Boolean)).toHaveLength(2);
    value(a.sys.fcntl(fd, F_SETLEASE, F_UNLCK));
    value(a.sys.fcntl(other, F_SETLEASE, F_UNLCK));
    const w = value(a.sys.open(FILE, O_WRONLY));
    expect(errnoOf(a.sys.fcntl(w, F_SETLEASE, F_RDLCK))).toBe('EAGAIN');
    expect(errnoOf(a.sys.fcntl(fd, F_SETLEASE, F_RDLCK))).toBe('EAGAIN');
  });

  it('F_UNLCK without a lease is EAGAIN; a bad argument EINVAL; a directory EINVAL; a bad fd EBADF', () => {
    const { host, shell } = boot();
    const { sys } = proc(host, shell);
    const fd = value(sys.open(FILE, O_RDONLY));
    expect(errnoOf(sys.fcntl(fd, F_SETLEASE, F_UNLCK))).toBe('EAGAIN');
    expect(errnoOf(sys.fcntl(fd, F_SETLEASE, 7))).toBe('EINVAL');
    expect(errnoOf(sys.fcntl(fd, F_SETLEASE, abi.F_EXCLUSIVE))).toBe('EINVAL');
    const dir = value(sys.open('/tmp', O_RDONLY));
    expect(errnoOf(sys.fcntl(dir, F_SETLEASE, F_RDLCK))).toBe('EINVAL');
    expect(errnoOf(sys.fcntl(99, F_SETLEASE, F_RDLCK))).toBe('EBADF');
  });

  it('an unprivileged user cannot lease a root-owned file (EACCES)', () => {
    const { host } = boot();
    const op = host.spawnShell({ uid: 1000 });
    const sys = host.sys(op.pid);
    const fd = value(sys.open(FILE, O_RDONLY));
    expect(errnoOf(sys.fcntl(fd, F_SETLEASE, F_RDLCK))).toBe('EACCES');
    const mine = value(sys.open('/home/operator/notes.txt', O_RDONLY));
    expect(errnoOf(sys.fcntl(mine, F_SETLEASE, F_RDLCK))).toBe('ok');
  });

  it('fs.leases-enable=0 makes F_SETLEASE fail with EINVAL', () => {
    const { host, shell, root } = boot();
    value(host.vfs.writeFile(shell, '/proc/sys/fs/leases-enable', '0\n'));
    const fd = value(root.open(FILE, O_RDONLY));
    expect(errnoOf(root.fcntl(fd, F_SETLEASE, F_RDLCK))).toBe('EINVAL');
  });

  it('a forked child sees the inherited lease, and /proc/locks keeps the parent pid', () => {
    const { host, shell } = boot();
    const a = proc(host, shell);
    const fd = value(a.sys.open(FILE, O_RDONLY));
    value(a.sys.fcntl(fd, F_SETLEASE, F_RDLCK));
    const child = host.sys(value(a.sys.fork()));
    expect(value(child.fcntl(fd, F_GETLEASE))).toBe(F_RDLCK);
    expect(read(host, shell, '/proc/locks')).toMatch(new RegExp(`^1: LEASE  ACTIVE    READ ${a.pid} fe:01:\\d+ 0 EOF\\n$`));
  });

  it('layout leases may be taken on a file open for write and coexist unless one is exclusive', () => {
    const { host, shell } = boot();
    const a = proc(host, shell);
    const b = proc(host, shell);
    const fa = value(a.sys.open('/mnt/pmem/foo', O_RDWR));
    const fb = value(b.sys.open('/mnt/pmem/foo', O_RDWR));
    value(a.sys.fcntl(fa, F_SETLEASE, F_RDLCK | F_LAYOUT));
    value(b.sys.fcntl(fb, F_SETLEASE, F_RDLCK | F_LAYOUT));
    expect(errnoOf(b.sys.fcntl(fb, F_SETLEASE, LAYOUT_EXCLUSIVE))).toBe('EAGAIN');
    value(a.sys.fcntl(fa, F_SETLEASE, F_UNLCK));
    value(b.sys.fcntl(fb, F_SETLEASE, LAYOUT_EXCLUSIVE));
    expect(errnoOf(a.sys.fcntl(fa, F_SETLEASE, F_RDLCK | F_LAYOUT))).toBe('EAGAIN');
  });
});

describe('breaking classic leases (reference §3.3)', () => {
  it('an opener blocks in __break_lease, the holder gets SIGIO, and a downgrade lets the reader in', () => {
    const { host, shell, root } = boot();
    const holder = proc(host, shell, ['holder']);
    const fd = value(holder.sys.open(FILE, O_RDONLY));
    value(holder.sys.fcntl(fd, F_SETLEASE, F_WRLCK));
    const sigs: string[] = [];
    holder.sys.sigaction('SIGIO', (s) => sigs.push(s));
    const reader = proc(host, shell, ['cat']);
    const r = reader.sys.open(FILE, O_RDONLY);
    expect(errnoOf(r)).toBe('pending:__break_lease');
    const s = settled(r);
    expect(read(host, shell, '/proc/locks')).toBe(
      `1: LEASE  BREAKING  READ ${holder.pid} fe:01:${value(root.stat(FILE)).ino} 0 EOF\n1: -> LEASE  BREAKER   READ ${reader.pid} <none>:0 0 EOF\n`,
    );
    expect(value(holder.sys.fcntl(fd, F_GETLEASE))).toBe(F_RDLCK);
    expect(read(host, shell, `/proc/${reader.pid}/wchan`)).toBe('__break_lease');
    host.advance(0);
    expect(sigs).toEqual(['SIGIO']);
    value(holder.sys.fcntl(fd, F_SETLEASE, F_RDLCK));
    expect(s).toEqual({ done: true, result: 'ok' });
    expect(read(host, shell, '/proc/locks')).toMatch(/^1: LEASE {2}ACTIVE {4}READ /);
    expectSane(host);
  });

  it('O_NONBLOCK gets EAGAIN at once but starts the break; expiry is reaped lazily by the next lease call', () => {
    const { host, shell } = boot();
    const holder = proc(host, shell, ['holder']);
    holder.sys.sigaction('SIGIO', 'ignore');
    const fd = value(holder.sys.open(FILE, O_RDONLY));
    value(holder.sys.fcntl(fd, F_SETLEASE, F_RDLCK));
    const t = proc(host, shell, ['truncate']);
    expect(errnoOf(t.sys.open(FILE, O_WRONLY | O_NONBLOCK))).toBe('EAGAIN');
    expect(read(host, shell, '/proc/locks')).toMatch(/^1: LEASE {2}BREAKING {2}UNLCK /);
    host.advance(60e9);
    expect(read(host, shell, '/proc/locks')).toMatch(/^1: LEASE {2}BREAKING {2}UNLCK /);
    expect(value(holder.sys.fcntl(fd, F_GETLEASE))).toBe(F_UNLCK);
    expect(read(host, shell, '/proc/locks')).toBe('');
  });

  it('a blocked truncate returns after fs.lease-break-time when the holder never answers, and the lease is gone', () => {
    const { host, shell, root } = boot();
    const holder = proc(host, shell, ['holder']);
    holder.sys.sigaction('SIGIO', 'ignore');
    const fd = value(holder.sys.open(FILE, O_RDONLY));
    value(holder.sys.fcntl(fd, F_SETLEASE, F_RDLCK));
    const s = settled(root.truncate(FILE, 0));
    const second = proc(host, shell, ['bash']);
    const s2 = settled(second.sys.open(FILE, O_WRONLY));
    const lines = read(host, shell, '/proc/locks').split('\n');
    expect(lines[0]).toMatch(/^1: LEASE {2}BREAKING {2}UNLCK /);
    expect(lines[1]).toMatch(new RegExp(`^1: -> LEASE {2}BREAKER {3}WRITE ${shell} <none>:0 0 EOF$`));
    expect(lines[2]).toMatch(new RegExp(`^1: {2}-> LEASE {2}BREAKER {3}WRITE ${second.pid} <none>:0 0 EOF$`));
    host.advance(44e9);
    expect(s.done).toBe(false);
    host.advance(2e9);
    expect(s).toEqual({ done: true, result: 'ok' });
    expect(s2).toEqual({ done: true, result: 'ok' });
    expect(host.events().find((e) => e.kind === 'lease.release')).toMatchObject({ reason: 'revoked' });
    expect(value(root.stat(FILE)).size).toBe(0);
    expectSane(host);
  });

  it('layout leases are never broken by opens; a non-exclusive one is broken by truncate', () => {
    const { host, shell, root } = boot();
    const holder = proc(host, shell, ['db']);
    const fd = value(holder.sys.open('/mnt/pmem/bar', O_RDWR));
    value(holder.sys.fcntl(fd, F_SETLEASE, F_RDLCK | F_LAYOUT));
    holder.sys.sigaction('SIGIO', () => void holder.sys.fcntl(fd, F_SETLEASE, F_UNLCK));
    expect(errnoOf(root.open('/mnt/pmem/bar', O_RDWR))).toBe('ok');
    const s = settled(root.truncate('/mnt/pmem/bar', 0));
    expect(s.done).toBe(false);
    host.advance(0);
    expect(s).toEqual({ done: true, result: 'ok' });
  });

  it('killing the blocked breaker removes its BREAKER line', () => {
    const { host, shell } = boot();
    const holder = proc(host, shell, ['holder']);
    holder.sys.sigaction('SIGIO', 'ignore');
    const fd = value(holder.sys.open(FILE, O_RDONLY));
    value(holder.sys.fcntl(fd, F_SETLEASE, F_WRLCK));
    const reader = proc(host, shell, ['cat']);
    expect(errnoOf(reader.sys.open(FILE, O_RDONLY))).toBe('pending:__break_lease');
    value(host.sys(shell).kill(reader.pid, 'SIGINT'));
    expect(read(host, shell, '/proc/locks').split('\n').filter(Boolean)).toHaveLength(1);
    expectSane(host);
  });
});

describe('breaking one\'s own lease', () => {
  it('a holder without a SIGIO handler that opens its own leased file for write dies of SIGIO, not asleep', () => {
    const { host, shell } = boot();
    const a = proc(host, shell, ['self']);
    const fd = value(a.sys.open(FILE, O_RDONLY));
    value(a.sys.fcntl(fd, F_SETLEASE, F_RDLCK));
    expect(errnoOf(a.sys.open(FILE, O_WRONLY))).toBe('EINTR');
    expect(host.events().find((e) => e.kind === 'process.exit' && e.pid === a.pid)).toMatchObject({ sig: 'SIGIO' });
    expectSane(host);
  });
});

describe('whom a break notifies (fcntl(2) F_SETSIG, kernel.md §4)', () => {
  it('F_SETSIG makes the break send that signal instead of SIGIO; a holder without a handler dies of it', () => {
    const { host, shell } = boot();
    const holder = proc(host, shell, ['holder']);
    const fd = value(holder.sys.open(FILE, O_RDONLY));
    value(holder.sys.fcntl(fd, F_SETLEASE, F_RDLCK));
    value(holder.sys.fcntl(fd, abi.F_SETSIG, 10));
    expect(value(holder.sys.fcntl(fd, abi.F_GETSIG))).toBe(10);
    const w = proc(host, shell, ['writer']);
    expect(errnoOf(w.sys.open(FILE, O_WRONLY | O_NONBLOCK))).toBe('EAGAIN');
    expect(host.events().find((e) => e.kind === 'signal' && e.pid === holder.pid)).toMatchObject({ sig: 'SIGUSR1', action: 'terminate' });
    expect(read(host, shell, '/proc/locks')).toBe('');
    expectSane(host);
  });
});

describe('breaking a non-exclusive layout lease (kernel.md §4)', () => {
  it('a truncate shows as BREAKER under the BREAKING layout lease, and after lease-break-time the lease is revoked', () => {
    const { host, shell, root } = boot({ setup: { leaseBreakTime: 10 } });
    const holder = proc(host, shell, ['db']);
    holder.sys.sigaction('SIGIO', 'ignore');
    const fd = value(holder.sys.open('/mnt/pmem/bar', O_RDWR));
    value(holder.sys.fcntl(fd, F_SETLEASE, F_RDLCK | F_LAYOUT));
    const t = proc(host, shell, ['truncate']);
    const r = t.sys.truncate('/mnt/pmem/bar', 0);
    expect(errnoOf(r)).toBe('pending:__break_lease');
    const s = settled(r);
    const ino = value(root.stat('/mnt/pmem/bar')).ino;
    expect(read(host, shell, '/proc/locks')).toBe(`1: LEASE  BREAKING  UNLCK ${holder.pid} 103:00:${ino} 0 EOF\n1: -> LEASE  BREAKER   WRITE ${t.pid} <none>:0 0 EOF\n`);
    expect(value(holder.sys.fcntl(fd, F_GETLEASE))).toBe(F_UNLCK);
    host.advance(9e9);
    expect(s.done).toBe(false);
    host.advance(1e9);
    expect(s).toEqual({ done: true, result: 'ok' });
    expect(read(host, shell, '/proc/locks')).toBe('');
    expect(value(root.stat('/mnt/pmem/bar')).size).toBe(0);
    expectSane(host);
  });
});
