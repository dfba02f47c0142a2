// The explain module behind `why` and the console's Why? panel: the verdict, the chain and the
// ways out for the rfc-v2 scenarios of seed 003 (zombie lease, fork, SCM_RIGHTS hand-off).
import { describe, expect, it } from 'vitest';
import { createHost, explainPath, renderExplanation, type Explanation, type Host } from '../../../../src-main/host/index';
import { rfcV2 } from '../../../../src-main/host/policy/rfc-v2';

function boot(): { host: Host; shell: number } {
  const host = createHost();
  return { host, shell: host.spawnShell().pid };
}

function explain(host: Host, shell: number, path = '/mnt/pmem/foo'): Explanation {
  const r = explainPath(host, shell, path);
  if (!r.ok) throw new Error(r.errno);
  return r.value;
}

function app(host: Host, ...args: string[]): number {
  const r = host.spawn({ argv: ['rdma-app', '--pages=8', ...args, '/mnt/pmem/foo'] });
  if (!r.ok) throw new Error(r.errno);
  host.advance(5_000_000);
  return r.value;
}

describe('explainPath', () => {
  it('a pinned DAX file: ETXTBSY, and the chain file → design → lease → pin → context', () => {
    const { host, shell } = boot();
    const pid = app(host);
    const e = explain(host, shell);
    expect(e.verdict).toMatchObject({ kind: 'fails', errno: 'ETXTBSY' });
    expect(e.policy).toBe('rfc-v2');
    expect(e.links.map((l) => l.kind)).toEqual(['file', 'design', 'lease', 'pin', 'context']);
    expect(e.links[2]).toMatchObject({ pid, fd: 3, detail: [`/proc/locks line 1: 1: LEASE  ACTIVE    LAYOUT ${pid} 103:00:131 0 EOF`] });
    expect(e.links[3]!.text).toMatch(/^MR 1 \(lkey 0x[0-9a-f]+\) pins pages 0-7, registered by pid \d+ \(rdma-app\)/);
    expect(e.links[4]).toMatchObject({ pid, fd: 4 });
    expect(e.waysOut.find((w) => w.action === 'kill')).toMatchObject({ command: `kill ${pid}`, fixes: true });
    expect(e.waysOut.some((w) => !w.fixes)).toBe(false);
  });

  it('fork: killing either process alone would not fix it; once the parent is gone its pid is a dead end', () => {
    const { host, shell } = boot();
    const pid = app(host, '--fork-helper');
    const helper = host.processes().find((p) => p.ppid === pid)!.pid;
    const e = explain(host, shell);
    expect(e.waysOut.find((w) => w.action === 'kill')!.command).toBe(`kill ${pid} ${helper}`);
    const notEnough = e.waysOut.filter((w) => w.action === 'not-enough');
    expect(notEnough.map((w) => w.pid)).toEqual([pid, helper]);
    expect(notEnough[0]!.text).toContain(`pid ${helper} (rdma-app) holds the RDMA context with MR 1 (on fd 4, inherited by fork from pid ${pid})`);
    host.sys(shell).kill(pid, 'SIGKILL');
    const after = explain(host, shell);
    expect(after.verdict.errno).toBe('ETXTBSY');
    expect(after.waysOut.find((w) => w.action === 'kill')!.command).toBe(`kill ${helper}`);
    expect(after.waysOut.find((w) => w.action === 'not-enough')).toMatchObject({ command: `kill ${pid}`, fixes: false });
    expect(after.links.find((l) => l.kind === 'lease')!.detail).toContain(`(/proc/locks still says ACTIVE and pid ${pid}: it keeps the pid that took the lease.)`);
  });

  it('SCM_RIGHTS hand-off: the context is held by the keeper, the lease is a zombie', () => {
    const { host, shell } = boot();
    const pid = app(host, '--handoff');
    const keeper = host.processes().find((p) => p.comm === 'rdma-keeper')!.pid;
    const e = explain(host, shell);
    expect(e.links.find((l) => l.kind === 'lease')!.text).toContain('ZOMBIE: no process has the file open any more');
    expect(e.links.find((l) => l.kind === 'context')!.text).toContain(`held by pid ${keeper} (rdma-keeper) on fd 3, received by SCM_RIGHTS from pid ${pid}`);
    expect(e.waysOut.find((w) => w.action === 'kill')!.command).toBe(`kill ${keeper}`);
    host.sys(shell).kill(keeper, 'SIGKILL');
    expect(explain(host, shell).verdict.kind).toBe('proceeds');
  });

  it('an unreceived SCM_RIGHTS message holds the context: the socket holder must go too', () => {
    const { host, shell } = boot();
    const pid = app(host);
    const sys = host.sys(pid);
    const sp = sys.socketpair();
    if (!sp.ok) throw new Error(sp.errno);
    // The receiving end goes to another process, which never calls recvmsg.
    const receiver = host.spawnChild(pid, ['receiver']);
    if (!receiver.ok) throw new Error(receiver.errno);
    sys.sendmsg(sp.value[0], { data: 'ctx', fds: [4] });
    for (const fd of [3, 4, sp.value[0]]) host.sys(receiver.value).close(fd);
    host.sys(pid).close(sp.value[1]);
    host.sys(pid).exit(0);
    const e = explain(host, shell);
    expect(e.links.find((l) => l.kind === 'context')!.text).toBe('MR 1 is in an RDMA context (/dev/infiniband/uverbs0) held by an SCM_RIGHTS message that has not been received yet.');
    expect(e.waysOut.find((w) => w.action === 'kill')!.command).toBe(`kill ${receiver.value}`);
  });

  it('a zombie lease: nobody has the file open; it goes once the pins do', () => {
    const { host, shell } = boot();
    app(host, '--close-after-pin', '--unmap-after-pin');
    const e = explain(host, shell);
    expect(e.links.find((l) => l.kind === 'lease')!.text).toMatch(/ZOMBIE, taken on fd 3 by pid \d+ \(rdma-app\)\. ZOMBIE: .*yet the pages pinned under it hold it\./);
    expect(e.waysOut.map((w) => w.action)).toEqual(['dereg', 'unlock', 'kill']);
    expect(e.waysOut[1]!.text).toBe('The zombie lease goes by itself once its pins are released: nobody has to close anything.');
  });

  it('classic and breakable leases: truncate(1) gets EAGAIN, or waits for the break', () => {
    const { host, shell } = boot();
    const holder = host.spawn({ argv: ['lease-hold', '/var/log/app.log'] });
    expect(explain(host, shell, '/var/log/app.log').verdict).toMatchObject({ kind: 'breaks', errno: 'EAGAIN' });
    host.spawn({ argv: ['db-sim', '/mnt/pmem1/data'] });
    const e = explain(host, shell, '/mnt/pmem1/data');
    expect(e.verdict.kind).toBe('breaks');
    expect(e.waysOut.map((w) => w.action)).toEqual(['unlock', 'wait', 'kill']);
    expect(holder.ok).toBe(true);
  });

  it('pins without an exclusive lease make layout changes wait (legacy pins), naming the wchan', () => {
    const { host, shell } = boot();
    host.kernel.policy = { ...rfcV2, name: 'test-pin-anything', pin: () => ({ allow: true, lease: null }) };
    app(host, '--lease=none');
    const e = explain(host, shell);
    expect(e.verdict.kind).toBe('waits');
    expect(e.verdict.text).toContain('xfs_break_dax_layouts');
    const t = host.sys(shell).truncate('/mnt/pmem/foo', 0);
    expect(t.ok).toBe(false);
    expect(explain(host, shell).links.find((l) => l.kind === 'waiter')!.text).toBe(`pid ${shell} (bash) has been waiting in xfs_break_dax_layouts for 0 s (state S).`);
  });

  it('page-cache pins do not block: truncate proceeds and the MR keeps stale copies', () => {
    const { host, shell } = boot();
    host.vfs.writeFile(shell, '/root/buf', 'x'.repeat(8 * 4096));
    const r = host.spawn({ argv: ['rdma-app', '--lease=none', '--pages=8', '/root/buf'] });
    expect(r.ok).toBe(true);
    const e = explain(host, shell, '/root/buf');
    expect(e.verdict.kind).toBe('proceeds');
    expect(e.verdict.text).toContain('MR 1 keeps copies of the old pages');
    expect(e.links.find((l) => l.kind === 'pin')!.text).toContain('It holds copies of the pages.');
    expect(e.waysOut).toEqual([]);
  });

  it('free files, device DAX and directories; lookup errors as errnos', () => {
    const { host, shell } = boot();
    expect(explain(host, shell).verdict.kind).toBe('proceeds');
    expect(explain(host, shell).waysOut).toEqual([]);
    expect(explain(host, shell, '/dev/dax2.0').verdict).toMatchObject({ kind: 'not-a-file', errno: 'EINVAL' });
    expect(explain(host, shell, '/mnt/pmem').verdict).toMatchObject({ kind: 'not-a-file', errno: 'EISDIR' });
    expect(explainPath(host, shell, '/mnt/pmem/nosuch')).toEqual({ ok: false, errno: 'ENOENT' });
    expect(explainPath(host, 9999, '/mnt/pmem/foo')).toEqual({ ok: false, errno: 'ESRCH' });
    // As the unprivileged user sees it: root's home is not searchable.
    const operator = host.spawnShell({ uid: 1000 }).pid;
    expect(explainPath(host, operator, '/root/anything')).toEqual({ ok: false, errno: 'EACCES' });
  });

  it('renders plain words within 80 columns, never a stack trace', () => {
    const { host, shell } = boot();
    app(host, '--fork-helper', '--mrs=2');
    const text = renderExplanation(explain(host, shell));
    expect(text.split('\n').every((l) => l.length <= 80)).toBe(true);
    expect(text).toMatch(/^\/mnt\/pmem\/foo: truncate and hole punch fail at once with ETXTBSY/);
    expect(text).toContain('\nWays out:\n');
    expect(text).toContain('  ! Killing pid');
    expect(text).not.toMatch(/Error|at .*\.ts:\d+/);
  });
});
