// A recorded session driven by hand, with no real time anywhere: the wall clock is virtual time
// plus a fixed epoch, and time moves only by `wait`, through tick inputs like the live ticker's.
import { HostSession } from '../../../src-main/session/record/host-session';
import { settled } from '../../../src-main/session/record/gate';
import type { InputBody } from '../../../src-main/session/record/inputs';
import type { HostMessage } from '../../../src-main/protocol/messages';

/** 2024-05-01 10:00:00 UTC. */
export const WALL0 = Date.UTC(2024, 4, 1, 10, 0, 0);
const STEP_NS = 10e6;

export interface Driven {
  s: HostSession;
  out: HostMessage[];
  apply(body: InputBody): Promise<void>;
  type(term: string, text: string): Promise<void>;
  wait(ms: number): Promise<void>;
  screen(term?: string): string;
}

export function drive(seed = 1, policy?: string): Driven {
  const out: HostMessage[] = [];
  const ref: { s?: HostSession } = {};
  const s = new HostSession({ seed, policy, mode: 'replay', wall: () => WALL0 + (ref.s?.host.now() ?? 0) / 1e6, emit: (m) => out.push(m) });
  ref.s = s;
  s.gate.goLive();
  const d: Driven = {
    s,
    out,
    async apply(body) {
      s.apply(body);
      await settled();
    },
    async type(term, text) {
      await d.apply({ type: 'term.input', term, data: text });
      await d.wait(100);
    },
    async wait(ms) {
      for (let i = 0; i < ms * 1e6; i += STEP_NS) {
        const target = s.host.now() + STEP_NS;
        const next = s.host.nextEventTime();
        if ((next !== null && next <= target) || s.gate.open > 0) s.apply({ type: 'tick' }, target);
        else s.host.advance(STEP_NS);
        await settled();
      }
    },
    screen(term = 't1') {
      return out.flatMap((m) => (m.type === 'term.output' && m.term === term ? [m.data] : [])).join('');
    },
  };
  return d;
}

/** The incident of the issue: a truncate refused by rdma-app's pin, why, a kill from the console, the retry. */
export async function incident(d: Driven): Promise<void> {
  await d.apply({ type: 'term.open', term: 't1', cols: 80, rows: 24 });
  await d.type('t1', 'truncate -s 1M /mnt/pmem/data\r');
  await d.type('t1', 'rdma-app --file /mnt/pmem/data &\r');
  await d.wait(500);
  await d.type('t1', 'truncate -s 0 /mnt/pmem/data\r');
  await d.type('t1', 'why /mnt/pmem/data | head -2\r');
  await d.apply({ type: 'annotate', text: 'TODO: have rdma-app deregister its MR on SIGTERM', at: null });
  const rdma = d.s.host.processes().find((p) => p.comm === 'rdma-app');
  if (!rdma) throw new Error('rdma-app is not running');
  await d.apply({ type: 'proc.signal', pid: rdma.pid, signal: 'SIGKILL' });
  await d.wait(300);
  await d.type('t1', 'truncate -s 0 /mnt/pmem/data && echo fixed\r');
  await d.wait(200);
}
