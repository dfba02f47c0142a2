// The incremental projection against the full one: after any sequence of host operations, the
// rows a window has been sent (snapshot, then deltas) equal the rows computed from scratch.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { abi, NS_PER_SEC, type Host, type Signal, type Syscalls } from '../../../../src-main/host/index';
import { Projector } from '../../../../src-main/session/views/projector';
import { processRows } from '../../../../src-main/session/views/processes';
import { filePinRows } from '../../../../src-main/session/views/file-pins';
import { leaseRows } from '../../../../src-main/session/views/leases';
import type { RowStore } from '../../../../src-main/session/views/row-store';
import { boot, LAYOUT_EXCLUSIVE, PAGE, pinFile, proc, value } from '../../host/helpers';

const LAYOUT = abi.F_RDLCK | abi.F_LAYOUT;

interface Actor {
  pid: number;
  sys: Syscalls;
  path: string;
  dataFd: number;
  ctxFd: number;
  mrs: number[];
  socks?: [number, number];
}

/** What a window holds after applying every delta it was sent. */
class Mirror<R, K> {
  readonly rows = new Map<K, R>();
  constructor(private readonly store: RowStore<R, K>) {}
  pull(): void {
    const d = this.store.take();
    if (!d) return;
    for (const key of d.remove) this.rows.delete(key);
    for (const row of d.upsert) this.rows.set(this.store.keyOf(row), row);
  }
}

/** pinFile on a new file: created and allocated first. */
function pinNew(host: Host, shell: number, path: string, pages: number, opts: { mrs: number; lease: number | null }) {
  const sys = host.sys(shell);
  const fd = value(sys.open(path, abi.O_RDWR | abi.O_CREAT));
  value(sys.fallocate(fd, 0, 0, pages * PAGE));
  value(sys.close(fd));
  return pinFile(host, shell, path, pages, opts);
}

/** The most rows any check saw: the operations must build something worth comparing. */
const seen = { processes: 0, filePins: 0, leases: 0 };

function world() {
  const { host, shell } = boot();
  const projector = new Projector(host.kernel, 0);
  host.onEvent((e) => projector.observe(e));
  const mirrors = { processes: new Mirror(projector.processes), filePins: new Mirror(projector.filePins), leases: new Mirror(projector.leases) };
  const actors: Actor[] = [];
  let files = 0;
  const flushAndCheck = () => {
    projector.update();
    for (const m of Object.values(mirrors)) m.pull();
    const byKey = <R, K>(rows: R[], key: (r: R) => K) => new Map(rows.map((r) => [key(r), r]));
    expect(mirrors.processes.rows).toEqual(byKey(processRows(host), (r) => r.pid));
    expect(mirrors.filePins.rows).toEqual(byKey(filePinRows(host), (r) => r.key));
    expect(mirrors.leases.rows).toEqual(byKey(leaseRows(host), (r) => r.id));
    for (const [name, m] of Object.entries(mirrors)) seen[name as keyof typeof seen] = Math.max(seen[name as keyof typeof seen], m.rows.size);
  };
  return { host, shell, projector, actors, flushAndCheck, nextPath: () => `/mnt/pmem/f${files++}` };
}

type World = ReturnType<typeof world>;
type Op = (w: World) => void;

const pick = (w: World, i: number): Actor | undefined => w.actors[i % Math.max(1, w.actors.length)];
const quietly = (f: () => unknown) => {
  try {
    f();
  } catch {
    // An op that makes no sense in this state (the actor died, the file is gone) does nothing.
  }
};

const ops: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ pages: fc.integer({ min: 1, max: 8 }), mrs: fc.integer({ min: 1, max: 3 }), lease: fc.constantFrom(LAYOUT_EXCLUSIVE, LAYOUT, LAYOUT_EXCLUSIVE, null) }).map(({ pages, mrs, lease }) => (w: World) =>
    quietly(() => {
      const path = w.nextPath();
      const p = pinNew(w.host, w.shell, path, pages * mrs, { mrs, lease });
      w.actors.push({ pid: p.pid, sys: p.sys, path, dataFd: p.dataFd, ctxFd: p.ctxFd, mrs: p.mrs });
    }),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.nat().map((i) => (w: World) =>
      quietly(() => {
        const a = pick(w, i);
        const r = a?.sys.fork();
        if (a && r?.ok) w.actors.push({ ...a, pid: r.value, sys: w.host.sys(r.value) });
      }),
    ),
  },
  fc.tuple(fc.nat(), fc.constantFrom<Signal>('SIGKILL', 'SIGTERM', 'SIGSTOP', 'SIGCONT')).map(([i, sig]) => (w: World) => {
    const a = pick(w, i);
    if (a) w.host.sys(1).kill(a.pid, sig);
  }),
  fc.nat().map((i) => (w: World) => {
    const a = pick(w, i);
    const task = a && w.host.kernel.proc(a.pid);
    if (task) w.host.sys(task.ppid).wait4(a.pid, { nohang: true });
  }),
  fc.tuple(fc.nat(), fc.boolean()).map(([i, data]) => (w: World) => {
    const a = pick(w, i);
    if (a) a.sys.close(data ? a.dataFd : a.ctxFd);
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (w: World) => {
    const a = pick(w, i);
    if (a && a.mrs.length > 0) a.sys.ibv_dereg_mr(a.ctxFd, a.mrs[j % a.mrs.length]!);
  }),
  fc.nat().map((i) => (w: World) => {
    const a = pick(w, i);
    if (a) a.sys.dup(a.ctxFd);
  }),
  fc.tuple(fc.nat(), fc.boolean()).map(([i, data]) => (w: World) => {
    // SCM_RIGHTS to itself: the file is in flight with no fd (a zombie lease), then received back.
    const a = pick(w, i);
    if (!a) return;
    if (!a.socks) {
      const pair = a.sys.socketpair();
      if (!pair.ok) return;
      a.socks = pair.value;
    }
    const fd = data ? a.dataFd : a.ctxFd;
    if (a.sys.sendmsg(a.socks[0], { data: 'x', fds: [fd] }).ok) a.sys.close(fd);
  }),
  fc.nat().map((i) => (w: World) => {
    const a = pick(w, i);
    if (a?.socks) a.sys.recvmsg(a.socks[1]);
  }),
  fc.tuple(fc.nat(), fc.boolean()).map(([i, unlink]) => (w: World) => {
    const a = pick(w, i);
    if (!a) return;
    const sh = w.host.sys(w.shell);
    if (unlink) sh.unlink(a.path);
    else if (sh.rename(a.path, `${a.path}r`).ok) for (const b of w.actors) if (b.path === a.path) b.path = `${a.path}r`;
  }),
  fc.nat().map((i) => (w: World) =>
    quietly(() => {
      // From a process of its own: a breakable lease makes it sleep until the break ends.
      const a = pick(w, i);
      if (a) proc(w.host, w.shell, ['truncate']).sys.truncate(a.path, 0);
    }),
  ),
  fc.nat().map((i) => (w: World) => {
    const a = pick(w, i);
    if (a) a.sys.execve('app2', ['app2']);
  }),
  fc.constant((w: World) =>
    quietly(() => {
      // A classic read lease that a writer's open breaks: BREAKING with a deadline, then released.
      const path = w.nextPath();
      const holder = proc(w.host, w.shell, ['reader']);
      const fd = holder.sys.open(path, abi.O_RDONLY | abi.O_CREAT);
      if (!fd.ok) return;
      holder.sys.sigaction('SIGIO', () => {});
      holder.sys.fcntl(fd.value, abi.F_SETLEASE, abi.F_RDLCK);
      w.host.sys(w.shell).open(path, abi.O_WRONLY);
    }),
  ),
  fc.integer({ min: 1, max: 60 }).map((s) => (w: World) => w.host.advance(s * NS_PER_SEC)),
);

describe('incremental projection', () => {
  it('equals the full projection after any sequence of operations, flushed at any points', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(ops, fc.boolean()), { minLength: 1, maxLength: 40 }), (steps) => {
        const w = world();
        w.flushAndCheck();
        for (const [op, flush] of steps) {
          op(w);
          if (flush) w.flushAndCheck();
        }
        w.flushAndCheck();
      }),
      { numRuns: 150 },
    );
    expect(seen.filePins).toBeGreaterThanOrEqual(5);
    expect(seen.leases).toBeGreaterThanOrEqual(5);
  }, 30_000);

  it('recomputes only the processes and leases an event touched', () => {
    const w = world();
    for (let i = 0; i < 20; i++) pinNew(w.host, w.shell, w.nextPath(), 4, { mrs: 2, lease: LAYOUT_EXCLUSIVE });
    w.flushAndCheck();
    const victim = pinNew(w.host, w.shell, w.nextPath(), 4, { mrs: 2, lease: LAYOUT_EXCLUSIVE });
    w.projector.update();
    const put = { processes: w.projector.processes.take()?.upsert.map((r) => r.pid), leases: w.projector.leases.take()?.upsert.length };
    expect(put).toEqual({ processes: [victim.pid], leases: 1 });
    w.host.sys(1).kill(victim.pid, 'SIGKILL');
    w.projector.update();
    expect(w.projector.filePins.take()).toMatchObject({ upsert: [], remove: [expect.stringMatching(new RegExp(`^${victim.pid}:`))] });
    expect(w.projector.leases.take()?.remove).toHaveLength(1);
  });

  it('shows a lease turning ZOMBIE in the rows of every holder of the pinning context', () => {
    const w = world();
    const a = pinNew(w.host, w.shell, w.nextPath(), 4, { mrs: 1, lease: LAYOUT_EXCLUSIVE });
    const child = value(a.sys.fork());
    w.flushAndCheck();
    value(w.host.sys(child).close(a.dataFd));
    w.flushAndCheck();
    value(a.sys.close(a.dataFd));
    w.flushAndCheck();
    expect([...w.projector.filePins.values()].map((r) => [r.pid, r.leaseState])).toEqual([[a.pid, 'ZOMBIE'], [child, 'ZOMBIE']]);
  });

  it('shows a lease ACTIVE again when another process receives its file from a socket', () => {
    const w = world();
    const a = pinNew(w.host, w.shell, w.nextPath(), 4, { mrs: 1, lease: LAYOUT_EXCLUSIVE });
    const [s0, s1] = value(a.sys.socketpair());
    const child = w.host.sys(value(a.sys.fork()));
    value(child.close(a.dataFd));
    value(a.sys.sendmsg(s0, { data: 'x', fds: [a.dataFd] }));
    value(a.sys.close(a.dataFd));
    w.flushAndCheck();
    expect([...w.projector.leases.values()][0]?.state).toBe('ZOMBIE');
    value(child.recvmsg(s1));
    w.flushAndCheck();
    expect([...w.projector.leases.values()][0]?.state).toBe('ACTIVE');
  });

  it('catches up with what changes without an event (sigaction) through its rolling sweep', () => {
    const { host, shell } = boot();
    const projector = new Projector(host.kernel, 2);
    host.onEvent((e) => projector.observe(e));
    const a = proc(host, shell, ['daemon']);
    projector.update();
    expect(projector.processes.get(a.pid)?.effects.SIGTERM).toBe('terminate');
    a.sys.sigaction('SIGTERM', () => {});
    // Each update re-reads two more processes; a round over the host (init, bash, daemon) at most.
    for (let i = 0; i < 2; i++) projector.update();
    expect(projector.processes.get(a.pid)?.effects.SIGTERM).toBe('handler');
  });
});
