// Deterministic replay: a live session driven by the real clock (ticks at whatever moments the
// machine gives), its inputs replayed into fresh hosts, must give the same event log every time.
import { describe, expect, it } from 'vitest';
import { HostSession } from '../../../src-main/session/record/host-session';
import { replay, sessionDoc } from '../../../src-main/session/record/replay';
import { canonicalLog, digestOf } from '../../../src-main/session/record/digest';
import { filePinRows } from '../../../src-main/session/views/file-pins';
import { drive, incident } from './drive';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function liveIncident(): Promise<HostSession> {
  const live = new HostSession({ seed: 3, mode: 'live', wall: () => Date.now(), emit: () => undefined });
  const type = async (s: string) => {
    for (const ch of s) {
      live.apply({ type: 'term.input', term: 't1', data: ch });
      await sleep(1);
    }
  };
  live.apply({ type: 'clock.set', speed: 20 });
  live.apply({ type: 'term.open', term: 't1', cols: 100, rows: 30 });
  await type('truncate -s 1M /mnt/pmem/data\r');
  await type('rdma-app --file /mnt/pmem/data &\r');
  await sleep(150);
  await type('sleep 1; truncate -s 0 /mnt/pmem/data\r');
  // A shell loop that yields to the event loop while the real clock ticks and reads the time.
  await type('i=0; while [ $i -lt 3000 ]; do i=$((i+1)); [ $((i % 1000)) = 0 ] && date +%s.%N; done\r');
  await sleep(400);
  const rdma = live.host.processes().find((p) => p.comm === 'rdma-app')!;
  live.apply({ type: 'proc.signal', pid: rdma.pid, signal: 'SIGKILL' });
  await sleep(100);
  await type('truncate -s 0 /mnt/pmem/data && echo fixed\r');
  await sleep(200);
  live.apply({ type: 'clock.set', speed: 0 });
  return live;
}

describe('replay', () => {
  it('rebuilds a live session exactly, and twice the same', { timeout: 30_000 }, async () => {
    const live = await liveIncident();
    try {
      expect(live.inputs.some((i) => i.type === 'tick')).toBe(true);
      expect(live.gate.ended).toBeGreaterThan(0);
      const doc = sessionDoc(live, { seed: 3, policy: 'rfc-v2', scenario: null, started: 0 }, 'test', Date.now());
      const a = await replay(doc);
      const b = await replay(doc);
      try {
        const lived = canonicalLog(live.recorder);
        expect(lived.length).toBeGreaterThan(100);
        expect(canonicalLog(a.recorder)).toEqual(lived);
        expect(canonicalLog(b.recorder)).toEqual(lived);
        expect(digestOf(a.recorder)).toEqual(doc.digest);
        // What the terminal showed, the clock readings of the loop included.
        expect(a.logs[0]!.transcript()).toBe(live.logs[0]!.transcript());
        expect(a.logs[0]!.transcript()).toMatch(/^\d{10}\.\d{9}\r?$/m);
        expect(Object.keys(a.recorder.effective())).toEqual(['started', 'detected', 'mitigated', 'resolved']);
      } finally {
        a.dispose();
        b.dispose();
      }
    } finally {
      live.dispose();
    }
  });

  it('stops at a virtual time: the state then, before the kill', async () => {
    const d = drive();
    await incident(d);
    const doc = sessionDoc(d.s, { seed: 1, policy: 'rfc-v2', scenario: null, started: 0 }, 'test', 0);
    d.s.dispose();
    const refusedAt = d.s.recorder.events().find((e) => e.kind === 'layout.refused')!.t;
    const then = await replay(doc, { until: refusedAt });
    const end = await replay(doc);
    try {
      expect(filePinRows(then.host).map((r) => r.file)).toEqual(['/mnt/pmem/data']);
      expect(then.host.now()).toBe(refusedAt);
      expect(filePinRows(end.host)).toEqual([]);
    } finally {
      then.dispose();
      end.dispose();
    }
  });

  it('can be cancelled between inputs', async () => {
    const d = drive();
    await incident(d);
    const doc = sessionDoc(d.s, { seed: 1, policy: 'rfc-v2', scenario: null, started: 0 }, 'test', 0);
    d.s.dispose();
    let n = 0;
    await expect(replay(doc, { cancelled: () => ++n > 5 })).rejects.toThrow('replay cancelled');
  });
});
