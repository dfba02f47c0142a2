// The console's push path end to end inside the simulation: subscribe, deltas, admin actions,
// and the unwind of a kill tagged on the timeline.
import { afterEach, describe, expect, it } from 'vitest';
import { Simulation } from '../../../../src-main/session/simulation';
import type { HostMessage } from '../../../../src-main/protocol/messages';
import type { ViewsUpdate } from '../../../../src-main/protocol/views';
import { SNAPSHOT_ROWS } from '../../../../src-main/session/views/hub';
import { pinFile, errnoOf } from '../../host/helpers';

let sim: Simulation | undefined;
afterEach(() => sim?.dispose());

function start() {
  const sent: HostMessage[] = [];
  sim = new Simulation({ seed: 1 }, (m) => sent.push(m));
  const host = sim.booted.host;
  const shell = host.spawnShell().pid;
  const take = () => sent.splice(0);
  const views = (ms: HostMessage[]): ViewsUpdate[] => ms.flatMap((m) => (m.type === 'views' ? [m.views] : []));
  return { sim, host, shell, take, views };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('ViewHub', () => {
  it('sends a full snapshot on subscribe, then only what changed', () => {
    const { sim, host, shell, take, views } = start();
    take();
    sim.handle({ type: 'views.subscribe' });
    const first = take();
    const [snap, ...rest] = views(first);
    expect(snap?.processes?.reset).toBe(true);
    expect(snap?.processes?.upsert.map((r) => r.pid)).toContain(1);
    expect(rest.find((v) => v.clock)?.clock).toMatchObject({ policy: 'rfc-v2', speed: 1, scenario: null });
    expect(first.find((m) => m.type === 'timeline')).toMatchObject({ reset: true, entries: expect.arrayContaining([expect.objectContaining({ kind: 'host.boot' })]) });

    const a = pinFile(host, shell);
    sim.views.flush();
    const [d] = views(take());
    expect(d?.filePins).toMatchObject({ reset: false, upsert: [expect.objectContaining({ pid: a.pid, file: '/mnt/pmem/foo' })], remove: [] });
    expect(d?.leases?.upsert).toHaveLength(1);
    expect(d?.processes?.upsert.map((r) => r.pid)).toEqual([a.pid]);
    sim.views.flush();
    expect(views(take())).toEqual([]);
  });

  it('sends a big host in pieces a window can take between frames, then deltas of what changed', () => {
    const { sim, host, shell, take, views } = start();
    for (let i = 0; i < SNAPSHOT_ROWS + 100; i++) host.spawnChild(shell, ['sleep', '1000']);
    sim.handle({ type: 'views.subscribe' });
    const pieces = views(take()).filter((v) => v.processes);
    expect(pieces.map((v) => [v.processes?.reset, v.processes?.upsert.length])).toEqual([[true, SNAPSHOT_ROWS], [false, host.kernel.procs.size - SNAPSHOT_ROWS]]);
    expect(pieces.every((v) => Object.keys(v).length === 1)).toBe(true);
    const victim = host.processes().at(-1)!.pid;
    host.sys(1).kill(victim, 'SIGKILL');
    sim.views.flush();
    const [d] = views(take());
    expect(d?.processes).toEqual({ reset: false, upsert: [expect.objectContaining({ pid: victim, state: 'Z' })], remove: [] });
  });

  it('kills from the console, tags the unwind on the timeline, and retries the refused truncate', async () => {
    const { sim, host, shell, take, views } = start();
    sim.handle({ type: 'views.subscribe' });
    take();
    const a = pinFile(host, shell);
    expect(errnoOf(host.sys(shell).truncate('/mnt/pmem/foo', 0))).toBe('ETXTBSY');
    sim.views.flush();
    const blocked = views(take())[0]?.blocked?.upsert[0];
    expect(blocked).toMatchObject({ status: 'refused', errno: 'ETXTBSY', retryable: true });

    sim.handle({ type: 'proc.signal', pid: a.pid, signal: 'SIGKILL' });
    await settle();
    sim.views.flush();
    const out = take();
    const result = out.find((m) => m.type === 'action.result');
    expect(result).toMatchObject({ action: 'proc.signal', ok: true, pid: a.pid });
    const id = result?.type === 'action.result' ? result.id : -1;
    const unwind = out.flatMap((m) => (m.type === 'timeline' ? m.entries : [])).filter((e) => e.action === id);
    const kinds = unwind.map((e) => e.kind);
    for (const k of ['console.signal', 'signal', 'fd.close', 'rdma.dereg', 'pin.release', 'lease.release', 'process.exit']) expect(kinds).toContain(k);
    expect(kinds.indexOf('pin.release')).toBeLessThan(kinds.indexOf('lease.release'));
    const [d] = views(out);
    expect(d?.filePins?.remove).toHaveLength(1);
    expect(d?.leases?.remove).toHaveLength(1);
    expect(d?.blocked?.upsert[0]).toMatchObject({ status: 'clear' });

    sim.handle({ type: 'layout.retry', id: blocked!.id });
    await settle();
    sim.views.flush();
    const after = take();
    expect(after.find((m) => m.type === 'action.result')).toMatchObject({ action: 'layout.retry', ok: true, message: 'truncate -s 0 /mnt/pmem/foo: done' });
    expect(views(after)[0]?.blocked?.upsert[0]).toMatchObject({ status: 'done', retryable: false });
  });

  it('says so when pid 1 ignores SIGKILL, and steps and pauses the clock', async () => {
    const { sim, host, take } = start();
    sim.handle({ type: 'proc.signal', pid: 1, signal: 'SIGKILL' });
    await settle();
    expect(take().find((m) => m.type === 'action.result')).toMatchObject({ ok: true, message: 'pid 1 ignored SIGKILL' });
    sim.handle({ type: 'clock.set', speed: 0 });
    expect(sim.booted.clock.speed()).toBe(0);
    host.spawn({ argv: ['sleep', '5'] });
    const before = host.now();
    sim.handle({ type: 'clock.step' });
    expect(host.now() - before).toBe(5e9);
    sim.handle({ type: 'policy.set', policy: 'no-such-policy' });
    expect(take().filter((m) => m.type === 'action.result').map((m) => m.type === 'action.result' && m.ok)).toEqual([true, true, false]);
  });
});

describe('why.query', () => {
  it('answers with the explain module the shell uses, or the errno', () => {
    const { sim, host, shell, take } = start();
    pinFile(host, shell);
    sim.handle({ type: 'why.query', path: '/mnt/pmem/foo' });
    const [m] = take().filter((x) => x.type === 'why');
    expect(m).toMatchObject({ path: '/mnt/pmem/foo', error: null, explanation: { verdict: { kind: 'fails', errno: 'ETXTBSY' } } });
    sim.handle({ type: 'why.query', path: '/nope' });
    expect(take().find((x) => x.type === 'why')).toMatchObject({ explanation: null, error: '/nope: No such file or directory' });
  });
});

describe('a hub made after the fact', () => {
  it('lists refusals that happened before it existed (a drill warm-up)', async () => {
    const { bootHost } = await import('../../../../src-main/session/boot');
    const { ViewHub } = await import('../../../../src-main/session/views/hub');
    const { abi } = await import('../../../../src-main/host');
    const b = bootHost({}, 'fast');
    const sys = b.host.sys(1);
    const fd = sys.open('/mnt/pmem/foo', abi.O_RDWR);
    if (!fd.ok) throw new Error('open');
    expect(sys.fcntl(fd.value, abi.F_SETLEASE, abi.F_RDLCK | abi.F_LAYOUT | abi.F_EXCLUSIVE).ok).toBe(true);
    const addr = sys.mmap({ length: 4096, prot: abi.PROT_READ | abi.PROT_WRITE, flags: abi.MAP_SHARED, fd: fd.value, offset: 0 });
    const ctx = sys.ibv_open_device();
    if (!addr.ok || !ctx.ok) throw new Error('setup');
    const pd = sys.ibv_alloc_pd(ctx.value);
    if (!pd.ok) throw new Error('pd');
    expect(sys.ibv_reg_mr(ctx.value, pd.value, addr.value, 4096, abi.IBV_ACCESS_LOCAL_WRITE).ok).toBe(true);
    const child = b.host.sys(1).fork();
    if (!child.ok) throw new Error('fork');
    const r = b.host.sys(child.value).truncate('/mnt/pmem/foo', 0);
    expect(r.ok).toBe(false);
    const hub = new ViewHub({ host: b.host, clock: b.clock, emit: () => {} });
    const rows = hub.blocked.rows();
    expect(rows.map((x) => [x.path, x.errno])).toEqual([['/mnt/pmem/foo', 'ETXTBSY']]);
    hub.dispose();
    b.clock.dispose();
  });
});
