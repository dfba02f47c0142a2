// The renderer's stores: keyed deltas with leaving rows, the process tree and its confirmations,
// timeline filters and unwind replay, the extrapolated clock, the remembered theme, Relations.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyedRows, LEAVE_MS } from '../../src-renderer/src/lib/keyed-rows.svelte';
import { ProcessesStore, consequences } from '../../src-renderer/src/lib/processes.svelte';
import { TimelineStore, stepMs } from '../../src-renderer/src/lib/timeline.svelte';
import { ClockStore, formatTime } from '../../src-renderer/src/lib/clock.svelte';
import { ThemeStore } from '../../src-renderer/src/lib/theme.svelte';
import { ConsoleStore } from '../../src-renderer/src/lib/console.svelte';
import { neighbourhood } from '../../src-renderer/src/lib/relations';
import type { FilePinRow, LeaseRow, TimelineEntry } from '../../src-main/protocol/views';
import { fakeApi, proc } from './fakes';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('KeyedRows', () => {
  it('applies upserts and removals in order, keeping removed rows as leaving for a moment', () => {
    const t = new KeyedRows<{ id: number; v: string }, number>((r) => r.id, (a, b) => a.id - b.id);
    t.apply({ reset: true, upsert: [{ id: 2, v: 'b' }, { id: 1, v: 'a' }], remove: [] });
    expect(t.rows.map((r) => r.id)).toEqual([1, 2]);
    t.apply({ reset: false, upsert: [{ id: 2, v: 'B' }], remove: [1] });
    expect(t.rows.map((r) => r.v)).toEqual(['a', 'B']);
    expect([...t.leaving]).toEqual([1]);
    expect(t.live.map((r) => r.id)).toEqual([2]);
    vi.advanceTimersByTime(LEAVE_MS);
    expect(t.rows.map((r) => r.id)).toEqual([2]);
    expect(t.leaving.size).toBe(0);
  });
});

describe('ProcessesStore', () => {
  it('builds the tree, collapses it, filters with ancestors kept, and flattens', () => {
    const { api } = fakeApi();
    const s = new ProcessesStore(api);
    s.table.apply({ reset: true, upsert: [proc(1, { ppid: 0, comm: 'init' }), proc(2, { comm: 'bash' }), proc(4, { ppid: 2 }), proc(9, { comm: 'sleep', command: 'sleep 100' })], remove: [] });
    expect(s.lines.map((l) => [l.row.pid, l.depth])).toEqual([[1, 0], [2, 1], [4, 2], [9, 1]]);
    s.toggle(2);
    expect(s.lines.map((l) => l.row.pid)).toEqual([1, 2, 9]);
    s.toggle(2);
    s.filter = 'rdma';
    expect(s.lines.map((l) => l.row.pid)).toEqual([1, 2, 4]);
    s.mode = 'flat';
    expect(s.lines.map((l) => l.row.pid)).toEqual([1, 2, 4]);
  });

  it('sends a plain kill at once but asks first for pid 1, shells and shared contexts, keeping the pid', () => {
    const { api, sent } = fakeApi();
    const s = new ProcessesStore(api);
    const shared = proc(7, { rdma: [{ fd: 4, ctx: 1, mrs: 2, pins: 2, pinnedPages: 64, sharedWith: [8] }], leases: [3] });
    s.table.apply({ reset: true, upsert: [proc(1, { effects: { SIGTERM: 'ignore', SIGKILL: 'ignore', SIGSTOP: 'ignore', SIGCONT: 'ignore' } }), proc(4), shared, proc(8, { comm: 'rdma-keeper' })], remove: [] });
    s.request(4, 'SIGKILL');
    expect(sent).toEqual([{ type: 'proc.signal', pid: 4, signal: 'SIGKILL' }]);
    s.request(7, 'SIGKILL');
    expect(s.pending?.wont.join(' ')).toMatch(/also held by pid 8 \(rdma-keeper\).*64 pinned page/);
    expect(s.pending?.wont.join(' ')).toMatch(/Lease\(s\) 3 stay as zombies/);
    s.table.apply({ reset: false, upsert: [], remove: [7] });
    s.confirm();
    expect(sent.at(-1)).toEqual({ type: 'proc.signal', pid: 7, signal: 'SIGKILL' });
    s.request(1, 'SIGKILL');
    expect(s.pending?.wont[0]).toMatch(/pid 1 ignores SIGKILL/);
    s.cancel();
    expect(sent).toHaveLength(2);
  });

  it('says a shell ignores SIGTERM but ends on SIGKILL', () => {
    const bash = proc(2, { comm: 'bash', tty: 'pts/0', effects: { SIGTERM: 'ignore', SIGKILL: 'terminate', SIGSTOP: 'stop', SIGCONT: 'ignore' } });
    expect(consequences(bash, 'SIGTERM', [bash])?.wont).toEqual(['pid 2 (bash) ignores SIGTERM: nothing happens.']);
    expect(consequences(bash, 'SIGKILL', [bash])?.will[0]).toMatch(/terminal session on pts\/0 ends/);
  });
});

const entry = (id: number, kind: string, over: Partial<TimelineEntry> = {}): TimelineEntry => ({ id, seq: id, t: id * 1e6, kind, pid: 4, path: '/mnt/pmem/data', text: `${kind} ${id}`, action: null, ...over });

describe('TimelineStore', () => {
  it('filters by family, pid, path and text', () => {
    const t = new TimelineStore();
    t.append([entry(1, 'fd.close'), entry(2, 'pin.release', { pid: null }), entry(3, 'lease.release', { path: '/mnt/pmem/foo' })], true);
    t.family = 'pin';
    expect(t.filtered.map((e) => e.id)).toEqual([2]);
    t.family = 'all';
    t.pid = '4';
    expect(t.filtered.map((e) => e.id)).toEqual([1, 3]);
    t.path = 'foo';
    expect(t.filtered.map((e) => e.id)).toEqual([3]);
    t.pid = '';
    t.path = '';
    t.search = 'PIN.REL';
    expect(t.filtered.map((e) => e.id)).toEqual([2]);
  });

  it('replays an unwind a step at a time, faster at a higher speed, held while paused', () => {
    const t = new TimelineStore();
    t.append([entry(1, 'signal', { action: 9 }), entry(2, 'pin.release', { action: 9 }), entry(3, 'mm.map', { action: 9 }), entry(4, 'pin.release')], false);
    t.watch(9, 4);
    expect(t.steps.map((e) => e.id)).toEqual([1, 2]);
    t.advance(0, 1);
    t.advance(stepMs(1) - 1, 1);
    expect(t.revealed).toBe(0);
    t.advance(stepMs(1), 1);
    expect(t.revealed).toBe(1);
    t.advance(10_000, 0);
    expect(t.revealed).toBe(1);
    t.advance(10_000 + stepMs(100), 100);
    expect(t.revealed).toBe(2);
  });
});

describe('ClockStore, ThemeStore', () => {
  it('carries virtual time forward at the clock speed between updates', () => {
    let real = 1000;
    const c = new ClockStore(fakeApi().api, () => real);
    c.receive({ now: 5e9, speed: 10, next: null, policy: 'rfc-v2', policies: [], scenario: null });
    real += 500;
    c.tick();
    expect(c.now).toBe(10e9);
    expect(formatTime(c.now)).toBe('10.000 s');
    expect(formatTime(3723.4e9)).toBe('1:02:03.4');
  });

  it('remembers the theme and sets it on the document', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const t = new ThemeStore(storage);
    expect(t.theme).toBe('dark');
    t.toggle();
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(new ThemeStore(storage).theme).toBe('light');
  });
});

describe('ConsoleStore', () => {
  it('subscribes, routes view deltas, and starts the unwind replay after a kill', () => {
    const { api, sent, host } = fakeApi();
    const c = new ConsoleStore(api);
    expect(sent).toEqual([{ type: 'views.subscribe' }]);
    host({ type: 'views', views: { processes: { reset: true, upsert: [proc(4)], remove: [] }, clock: { now: 1, speed: 1, next: null, policy: 'rfc-v2', policies: [], scenario: null } } });
    expect(c.processes.table.rows).toHaveLength(1);
    expect(c.clock.info.policy).toBe('rfc-v2');
    host({ type: 'action.result', id: 12, action: 'proc.signal', ok: true, message: 'SIGKILL sent to pid 4 (terminate)', pid: 4 });
    expect(c.timeline.unwind).toEqual({ action: 12, pid: 4 });
    expect(c.notice).toMatch(/SIGKILL sent/);
  });
});

describe('Relations neighbourhood', () => {
  const pin: FilePinRow = { key: 'k', pid: 4, comm: 'rdma-app', fd: 4, owner: '4: /dev/infiniband/uverbs0', ctx: 1, file: '/mnt/pmem/data', dev: '103:00', ino: 133, first: 0, last: 256, mrs: [1, 2], mrCount: 2, lease: 1, leaseState: 'ZOMBIE' };
  const lease: LeaseRow = { id: 1, file: '/mnt/pmem/data', dev: '103:00', ino: 133, kind: 'LAYOUT EXCLUSIVE', pid: 4, fd: 3, ownerAlive: true, state: 'ZOMBIE', deadline: null, pins: 2, breakers: [] };

  it('links process → fd → context → MR → file ← lease for the selected file, and nothing else', () => {
    const other: FilePinRow = { ...pin, key: 'o', pid: 9, file: '/mnt/pmem/foo', ctx: 2, mrs: [5] };
    const g = neighbourhood({ kind: 'file', path: '/mnt/pmem/data' }, [pin, other], [lease]);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['c1', 'd4:4', 'f/mnt/pmem/data', 'l1', 'm1', 'm2', 'p4']);
    expect(g.edges).toContainEqual({ from: 'l1', to: 'f/mnt/pmem/data' });
    expect(g.nodes.find((n) => n.id === 'l1')?.tone).toBe('bad');
    expect(neighbourhood(null, [pin], [lease]).nodes).toEqual([]);
  });
});
