// Randomized runs of the host (kernel.md §4 invariant, issues 3 and 5): random sequences of
// opens, leases, mmaps (MAP_DIRECT too), registrations, forks, hand-offs, kills, truncates,
// punches, seals, closes, deregistrations, remote accesses and policy switches, under each of the
// six designs; the invariants are checked after every step. fast-check shrinks a failure to a
// minimal sequence and reports the seed that replays it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHost, checkInvariants, abi, type Host, type Signal } from '../../src-main/host/index';

const POLICIES = ['rfc-v2', 'longterm-disabled', 'legacy-hang', 'close-blocks', 'fs-reject', 'immutable'];

// The last name is a symbolic link that `symlink` steps point at one of the others (or at nothing).
const FILES = ['/mnt/pmem/foo', '/mnt/pmem/bar', '/mnt/pmem1/data', '/root/buf', '/dev/dax2.0', '/tmp/t', '/mnt/pmem/copy', '/mnt/pmem/link'];
const LINK = '/mnt/pmem/link';
const APP_FILES = ['/mnt/pmem/foo', '/root/buf', '/dev/dax2.0', '/mnt/pmem1/data'];
const LEASES = [abi.F_RDLCK | abi.F_LAYOUT | abi.F_EXCLUSIVE, abi.F_RDLCK | abi.F_LAYOUT, abi.F_RDLCK, abi.F_WRLCK, abi.F_UNLCK];
const SIGS: Signal[] = ['SIGKILL', 'SIGTERM', 'SIGSTOP', 'SIGCONT', 'SIGIO', 'SIGUSR1', 'SIGINT'];
const PAGE = 4096;
const RW = abi.IBV_ACCESS_LOCAL_WRITE | abi.IBV_ACCESS_REMOTE_WRITE | abi.IBV_ACCESS_REMOTE_READ;

type Op =
  | { t: 'spawn' }
  | { t: 'app'; pages: number; flags: number; f: number }
  | { t: 'open'; a: number; f: number; rw: boolean; trunc: boolean }
  | { t: 'lease'; a: number; i: number; kind: number }
  | { t: 'mmap'; a: number; i: number; pages: number; off: number; direct: boolean }
  | { t: 'ctx'; a: number }
  | { t: 'reg'; a: number; c: number; v: number; pages: number; odp: boolean }
  | { t: 'dereg'; a: number; m: number }
  | { t: 'close'; a: number; i: number }
  | { t: 'munmap'; a: number; v: number }
  | { t: 'fork'; a: number }
  | { t: 'pass'; a: number; i: number }
  | { t: 'recv'; a: number }
  | { t: 'kill'; a: number; sig: number }
  | { t: 'truncate'; a: number; f: number; pages: number }
  | { t: 'fallocate'; a: number; i: number; mode: number; off: number; len: number }
  | { t: 'write'; a: number; i: number; off: number }
  | { t: 'clone'; a: number; i: number; j: number }
  | { t: 'unlink'; f: number }
  | { t: 'symlink'; f: number }
  | { t: 'advance'; s: number }
  | { t: 'seal'; a: number; i: number; un: boolean }
  | { t: 'access'; m: number; off: number; pages: number }
  | { t: 'policy'; p: number };

const small = fc.nat(7);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ t: 'spawn' as const }),
  fc.record({ t: fc.constant('app' as const), pages: fc.integer({ min: 1, max: 8 }), flags: fc.nat(63), f: fc.nat(3) }),
  fc.record({ t: fc.constant('open' as const), a: small, f: fc.nat(FILES.length - 1), rw: fc.boolean(), trunc: fc.boolean() }),
  fc.record({ t: fc.constant('lease' as const), a: small, i: small, kind: fc.nat(LEASES.length - 1) }),
  fc.record({ t: fc.constant('mmap' as const), a: small, i: small, pages: fc.integer({ min: 1, max: 8 }), off: fc.nat(4), direct: fc.boolean() }),
  fc.record({ t: fc.constant('ctx' as const), a: small }),
  fc.record({ t: fc.constant('reg' as const), a: small, c: small, v: small, pages: fc.integer({ min: 1, max: 8 }), odp: fc.boolean() }),
  fc.record({ t: fc.constant('dereg' as const), a: small, m: small }),
  fc.record({ t: fc.constant('close' as const), a: small, i: small }),
  fc.record({ t: fc.constant('munmap' as const), a: small, v: small }),
  fc.record({ t: fc.constant('fork' as const), a: small }),
  fc.record({ t: fc.constant('pass' as const), a: small, i: small }),
  fc.record({ t: fc.constant('recv' as const), a: small }),
  fc.record({ t: fc.constant('kill' as const), a: small, sig: fc.nat(SIGS.length - 1) }),
  fc.record({ t: fc.constant('truncate' as const), a: small, f: fc.nat(FILES.length - 1), pages: fc.nat(12) }),
  fc.record({ t: fc.constant('fallocate' as const), a: small, i: small, mode: fc.nat(5), off: fc.nat(10), len: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ t: fc.constant('write' as const), a: small, i: small, off: fc.nat(40000) }),
  fc.record({ t: fc.constant('clone' as const), a: small, i: small, j: small }),
  fc.record({ t: fc.constant('unlink' as const), f: fc.nat(FILES.length - 1) }),
  fc.record({ t: fc.constant('symlink' as const), f: fc.nat(FILES.length - 1) }),
  fc.record({ t: fc.constant('advance' as const), s: fc.nat(60) }),
  fc.record({ t: fc.constant('seal' as const), a: small, i: small, un: fc.boolean() }),
  fc.record({ t: fc.constant('access' as const), m: small, off: fc.nat(8), pages: fc.integer({ min: 1, max: 4 }) }),
);
/** The same operations plus switches of design at random points. */
const opOrSwitch: fc.Arbitrary<Op> = fc.oneof({ weight: 20, arbitrary: op }, { weight: 1, arbitrary: fc.record({ t: fc.constant('policy' as const), p: fc.nat(POLICIES.length - 1) }) });

const FALLOC_MODES = [0, abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE, abi.FALLOC_FL_COLLAPSE_RANGE, abi.FALLOC_FL_INSERT_RANGE, abi.FALLOC_FL_ZERO_RANGE, abi.FALLOC_FL_KEEP_SIZE];

/** Runs one op against the host; ops that do not apply to the current state do nothing. */
function apply(host: Host, shell: number, actors: number[], o: Op): void {
  const k = host.kernel;
  const live = actors.filter((p) => k.proc(p)?.alive);
  const pick = <T>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);
  const a = 'a' in o ? pick(live, o.a) : undefined;
  const task = a !== undefined ? k.proc(a) : undefined;
  const sys = a !== undefined ? host.sys(a) : host.sys(shell);
  const fds = task ? task.fds.entries().map(([n]) => n).filter((n) => n > 2) : [];
  const ctxFds = task ? task.fds.entries().filter(([, s]) => s.file.uverbs).map(([n]) => n) : [];
  switch (o.t) {
    case 'spawn': {
      const r = host.spawnChild(shell, ['actor']);
      if (r.ok) actors.push(r.value);
      return;
    }
    case 'app': {
      const flags = ['--close-after-pin', '--unmap-after-pin', '--fork-helper', '--handoff', '--odp', '--ignore-term'].filter((_, i) => o.flags & (1 << i));
      const file = APP_FILES[o.f]!;
      const noLease = flags.includes('--odp') || file === '/root/buf';
      const r = host.spawn({ argv: ['rdma-app', '--file', file, '--pages', String(o.pages), ...flags, ...(noLease ? ['--lease', 'none'] : [])] });
      if (r.ok) actors.push(r.value);
      return;
    }
    case 'open':
      if (task) sys.open(FILES[o.f]!, (o.rw ? abi.O_RDWR : abi.O_RDONLY) | (o.trunc ? abi.O_TRUNC : 0) | (o.f >= 5 ? abi.O_CREAT : 0));
      return;
    case 'lease': {
      const fd = pick(fds, o.i);
      if (fd !== undefined) sys.fcntl(fd, abi.F_SETLEASE, LEASES[o.kind]!);
      return;
    }
    case 'mmap': {
      const fd = pick(fds, o.i);
      const flags = o.direct ? abi.MAP_SHARED_VALIDATE | abi.MAP_DIRECT : abi.MAP_SHARED;
      if (fd !== undefined) sys.mmap({ length: o.pages * PAGE, prot: abi.PROT_READ | abi.PROT_WRITE, flags, fd, offset: o.off * PAGE });
      return;
    }
    case 'ctx':
      if (task) sys.ibv_open_device();
      return;
    case 'reg': {
      const ctx = pick(ctxFds, o.c);
      const vma = task ? pick(task.mm.vmas, o.v) : undefined;
      if (ctx === undefined || !vma) return;
      const pd = sys.ibv_alloc_pd(ctx);
      if (pd.ok) sys.ibv_reg_mr(ctx, pd.value, vma.start, Math.min(o.pages * PAGE, vma.end - vma.start), RW | (o.odp ? abi.IBV_ACCESS_ON_DEMAND : 0));
      return;
    }
    case 'dereg': {
      const ctx = pick(ctxFds, o.m);
      const mrs = ctx !== undefined ? [...task!.fds.get(ctx)!.file.uverbs!.mrs.keys()] : [];
      const mr = pick(mrs, o.m);
      if (mr !== undefined) sys.ibv_dereg_mr(ctx!, mr);
      return;
    }
    case 'close': {
      const fd = pick(fds, o.i);
      if (fd !== undefined) sys.close(fd);
      return;
    }
    case 'munmap': {
      const vma = task ? pick(task.mm.vmas, o.v) : undefined;
      if (vma) sys.munmap(vma.start, vma.end - vma.start);
      return;
    }
    case 'fork': {
      if (!task) return;
      const r = sys.fork();
      if (r.ok) actors.push(r.value);
      return;
    }
    case 'pass': {
      // A hand-off to a forked child through a socketpair, as the SCM_RIGHTS scenarios do.
      const fd = pick(fds, o.i);
      if (fd === undefined) return;
      const sp = sys.socketpair();
      if (!sp.ok) return;
      const child = sys.fork();
      if (!child.ok) return;
      actors.push(child.value);
      host.sys(child.value).close(sp.value[0]);
      sys.close(sp.value[1]);
      sys.sendmsg(sp.value[0], { data: 'fd', fds: [fd] });
      return;
    }
    case 'recv': {
      const sock = task ? pick(task.fds.entries().filter(([, s]) => s.file.socket).map(([n]) => n), 0) : undefined;
      if (sock !== undefined) sys.recvmsg(sock);
      return;
    }
    case 'kill':
      if (a !== undefined) host.sys(shell).kill(a, SIGS[o.sig]!);
      return;
    case 'truncate':
      if (task) sys.truncate(FILES[o.f]!, o.pages * PAGE);
      return;
    case 'fallocate': {
      const fd = pick(fds, o.i);
      if (fd !== undefined) sys.fallocate(fd, FALLOC_MODES[o.mode]!, o.off * PAGE, o.len * PAGE);
      return;
    }
    case 'write': {
      const fd = pick(fds, o.i);
      if (fd !== undefined) sys.pwrite(fd, 'data', o.off);
      return;
    }
    case 'clone': {
      const d = pick(fds, o.i);
      const s = pick(fds, o.j);
      if (d !== undefined && s !== undefined) sys.ficlone(d, s);
      return;
    }
    case 'unlink':
      host.sys(shell).unlink(FILES[o.f]!);
      return;
    case 'symlink':
      // Pointing the link at itself makes a loop: opens through it fail with ELOOP.
      host.sys(shell).unlink(LINK);
      host.sys(shell).symlink(FILES[o.f]!, LINK);
      return;
    case 'advance':
      host.advance(o.s * 1e9);
      return;
    case 'seal': {
      const fd = pick(fds, o.i);
      if (fd !== undefined) sys.fallocate(fd, o.un ? abi.FALLOC_FL_UNSEAL_BLOCK_MAP : abi.FALLOC_FL_SEAL_BLOCK_MAP, 0, PAGE);
      return;
    }
    case 'access': {
      const mr = pick([...k.mrs.keys()], o.m);
      if (mr !== undefined) host.remoteAccess(mr, o.off * PAGE, o.pages * PAGE);
      return;
    }
    case 'policy':
      host.setPolicy(POLICIES[o.p]!);
      return;
  }
}

/** What the runs exercised, so the test fails if the generator stops reaching the interesting states. */
const seen = new Map<string, number>();

/** Checks of the design rules beyond checkInvariants(), given the policy that has been in force throughout (null after a switch). */
function designChecks(host: Host, only: string | null, bad: string[]): void {
  const k = host.kernel;
  for (const seg of k.segments.values()) {
    // rfc-v2: a long-term pin of an fsdax page always hangs off an exclusive layout lease.
    if (only === 'rfc-v2' && seg.kind === 'fsdax' && !(seg.lease?.layout && seg.lease.exclusive && k.leases.has(seg.lease.id))) bad.push(`pin ${seg.id} without its exclusive lease`);
    if (only === 'longterm-disabled' && seg.kind === 'fsdax') bad.push(`pin ${seg.id} of an fsdax page under longterm-disabled`);
    // A design's own guard never outlives a switch (kernel.md §4: such pins are left bare).
    if (seg.guard === 'fs' && host.policyName !== 'fs-reject') bad.push(`pin ${seg.id} keeps fs-reject's guard under ${host.policyName}`);
    if (seg.guard === 'seal' && (host.policyName !== 'immutable' || !(seg.inode!.seal.explicit || seg.inode!.seal.directMaps > 0))) bad.push(`pin ${seg.id} keeps a seal guard it lost`);
  }
  // MAP_DIRECT accounting: each inode's count equals the MAP_DIRECT VMAs mapping it.
  const direct = new Map<object, number>();
  for (const p of k.procs.values()) for (const v of p.mm.vmas) if (v.file && v.flags & abi.MAP_DIRECT && (v.flags & 3) === 3) direct.set(v.file.inode, (direct.get(v.file.inode) ?? 0) + 1);
  for (const seg of k.segments.values()) {
    const inode = seg.inode!;
    if (inode.seal.directMaps !== (direct.get(inode) ?? 0)) bad.push(`${inode.path()}: directMaps ${inode.seal.directMaps}, VMAs ${direct.get(inode) ?? 0}`);
  }
}

function run(ops: Op[], reflink: boolean, policy = 'rfc-v2'): void {
  const host = createHost({ seed: 7, policy, setup: { reflink, files: [{ path: '/root/buf', size: 64 * PAGE }] } });
  host.onEvent((e) => {
    const key = e.kind === 'layout.refused' || e.kind === 'process.wake' ? `${e.kind}:${e.errno ?? 'ok'}` : e.kind;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  });
  const shell = host.spawnShell().pid;
  const actors: number[] = [];
  let only: string | null = policy;
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i]!;
    apply(host, shell, actors, o);
    host.advance(0);
    if (o.t === 'policy' && host.policyName !== policy) only = null;
    const bad = checkInvariants(host);
    designChecks(host, only, bad);
    if (bad.length) throw new Error(`under ${policy}${only ? '' : ` (now ${host.policyName})`}, after op ${i} ${JSON.stringify(o)}:\n${bad.join('\n')}`);
  }
}

const scenario = fc.record({ ops: fc.array(op, { minLength: 1, maxLength: 60, size: 'max' }), reflink: fc.boolean() });
const switching = fc.record({ ops: fc.array(opOrSwitch, { minLength: 1, maxLength: 60, size: 'max' }), reflink: fc.boolean(), policy: fc.constantFrom(...POLICIES) });

describe('host invariants under random operation sequences', () => {
  it('hold after every step (fixed seed, rfc-v2 throughout)', () => {
    fc.assert(
      fc.property(scenario, ({ ops, reflink }) => run(ops, reflink)),
      { seed: 20190809, numRuns: 2000 },
    );
    for (const kind of ['pin.take', 'pin.release', 'lease.zombie', 'layout.refused:ETXTBSY', 'layout.refused:EDEADLK', 'rdma.mr.refused', 'fd.receive', 'data.divergence', 'rdma.odp.invalidate', 'rdma.odp.fault', 'lease.break', 'process.reap', 'layout.change', 'layout.seal']) {
      expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
  }, 60_000);

  it.each(POLICIES)('hold under %s, with switches of design at random points (fixed seed)', (policy) => {
    const before = new Map(seen);
    const delta = (key: string): number => (seen.get(key) ?? 0) - (before.get(key) ?? 0);
    fc.assert(
      fc.property(switching, ({ ops, reflink }) => run(ops, reflink, policy)),
      { seed: 20190814 + POLICIES.indexOf(policy), numRuns: 400 },
    );
    for (const kind of ['pin.take', 'policy.switch', 'process.block', 'layout.change']) expect(delta(kind), kind).toBeGreaterThan(0);
  }, 60_000);

  it('hold after every step (random seeds and designs; the seed is printed on failure)', () => {
    for (let i = 0; i < 3; i++) {
      const seed = process.env.PINSIM_SEED ? Number(process.env.PINSIM_SEED) : (Date.now() + i * 7919) % 2 ** 31;
      const out = fc.check(fc.property(switching, ({ ops, reflink, policy }) => run(ops, reflink, policy)), { seed, numRuns: 200 });
      if (out.failed) throw new Error(`property failed with seed ${seed}: ${fc.defaultReportMessage(out)}\n${String(out.errorInstance)}`);
      expect(out.failed).toBe(false);
    }
  }, 60_000);
});
