// The console's push path at console.md's budget host (10,000 processes, 100,000 MRs, 100,000
// pins): what a flush costs while the host changes, what a new window is sent, and what every
// flush cost before projections became incremental (a full recomputation and JSON diff).
import { bootHost, type BootedHost } from '../../src-main/session/boot';
import { benchPinner, buildBenchHost, BENCH_DIR } from '../../src-main/session/bench-host';
import { processRows } from '../../src-main/session/views/processes';
import { filePinRows } from '../../src-main/session/views/file-pins';
import { leaseRows } from '../../src-main/session/views/leases';
import { KeyedTable } from '../../src-main/session/views/keyed';
import { FLUSH_MS, ViewHub } from '../../src-main/session/views/hub';
import type { HostMessage } from '../../src-main/protocol/messages';
import { rssMb, time, type Figure } from './measure';

const CHURN_STEPS = 100;
/** The hub waits 4× a flush's cost between flushes: at this cost or less it keeps 10 Hz. */
const FLUSH_BUDGET_MS = FLUSH_MS / 4;

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const bytes = (ms: HostMessage[]): number[] => ms.map((m) => Buffer.byteLength(JSON.stringify(m)));
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** What each flush computed before: every row from scratch, compared by JSON with the last send. */
function fullFlush({ host }: BootedHost): number {
  const tables = [new KeyedTable((r: { pid: number }) => r.pid), new KeyedTable((r: { key: string }) => r.key), new KeyedTable((r: { id: number }) => r.id)] as const;
  tables[0].diff(processRows(host), true);
  tables[1].diff(filePinRows(host), true);
  tables[2].diff(leaseRows(host), true);
  return time(() => {
    tables[0].diff(processRows(host), false);
    tables[1].diff(filePinRows(host), false);
    tables[2].diff(leaseRows(host), false);
  }).ms;
}

/** The large host and the hub that pushes its panels, as a console session has them. */
function largeHost(sent: HostMessage[]): { booted: BootedHost; hub: ViewHub } {
  const booted = bootHost({ seed: 1, eventLogLimit: 10_000 }, 'step');
  buildBenchHost(booted.host, 'large');
  return { booted, hub: new ViewHub({ host: booted.host, clock: booted.clock, emit: (m) => sent.push(m) }) };
}

export function viewsSuite(): Figure[] {
  const sent: HostMessage[] = [];
  const built = time(() => largeHost(sent));
  const { booted, hub } = built.result;
  const { host } = booted;
  const k = host.kernel;
  const shape = `${k.procs.size} processes, ${k.mrs.size} MRs, ${k.segments.size} pins, ${k.leases.size} leases`;
  try {
    sent.length = 0;
    const first = time(() => hub.subscribe());
    const snap = bytes(sent.splice(0).filter((m) => m.type === 'views'));
    const before = fullFlush(booted);

    const flushes: number[] = [];
    const deltas: number[] = [];
    const victims = [...k.procs.values()].filter((p) => p.comm === 'rdma-server').map((p) => p.pid);
    for (let i = 0; i < CHURN_STEPS; i++) {
      // One flush's worth of a busy host: a pinner killed (its 10 MRs unwind), a new one registers 10.
      host.sys(1).kill(victims[i]!, 'SIGKILL');
      benchPinner(host, `${BENCH_DIR}/churn${i}`, 10);
      sent.length = 0;
      flushes.push(time(() => hub.flush()).ms);
      deltas.push(sum(bytes(sent.filter((m) => m.type === 'views'))));
    }
    const idle = [0, 1, 2, 3, 4].map(() => time(() => hub.flush()).ms);
    const p95 = pct(flushes, 0.95);
    const rss = rssMb();
    return [
      { name: 'views: build the large host through syscalls', value: built.ms, unit: 'ms', note: shape },
      { name: 'views: full recomputation + JSON diff (each flush before)', value: before, unit: 'ms', note: `${(1000 / Math.max(FLUSH_MS, 4 * before)).toFixed(1)} Hz` },
      { name: 'views: first projection + snapshot for a new window', value: first.ms, unit: 'ms' },
      { name: 'views: snapshot size', value: sum(snap) / 1e6, unit: 'MB', note: `${snap.length} messages, largest ${(Math.max(...snap) / 1024).toFixed(0)} KB` },
      { name: 'views: flush while churning (kill + new 10-MR pinner), p50', value: pct(flushes, 0.5), unit: 'ms' },
      { name: 'views: flush while churning, p95', value: p95, unit: 'ms', budget: `<= ${FLUSH_BUDGET_MS} ms (10 Hz)`, ok: p95 <= FLUSH_BUDGET_MS, note: `max ${Math.max(...flushes).toFixed(1)} ms` },
      { name: 'views: delta message while churning, mean', value: sum(deltas) / deltas.length / 1024, unit: 'KB', note: `max ${(Math.max(...deltas) / 1024).toFixed(1)} KB` },
      { name: 'views: idle flush (rolling sweep only)', value: pct(idle, 0.5), unit: 'ms' },
      { name: 'views: RSS of the bench process with the large host', value: rss, unit: 'MB', budget: '< 500 MB', ok: rss < 500 },
    ];
  } finally {
    hub.dispose();
    booted.clock.dispose();
  }
}
