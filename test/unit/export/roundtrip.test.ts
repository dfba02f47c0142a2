// Round trip: a JSON export carries the session's inputs, so importing it replays to the same
// event log; and `pinsim script --timeline` gives a timeline of the script's commands.
import { describe, expect, it } from 'vitest';
import { drive, incident } from '../record/drive';
import { buildTimeline } from '../../../src-main/session/export/timeline';
import { exportTimeline } from '../../../src-main/session/export/index';
import { parseSession } from '../../../src-main/session/record/session-file';
import { replay } from '../../../src-main/session/record/replay';
import { digestOf } from '../../../src-main/session/record/digest';
import { sessionTimeline } from '../../../src-main/session/export/session-export';
import { runScript } from '../../../src-main/session/script';
import type { TimelineDoc } from '../../../src-main/session/export/timeline';

const noWall = (doc: TimelineDoc) => doc.events.map(({ wall: _w, ...e }) => e);

describe('round trip', () => {
  it('export JSON → import → replay gives the same event log', async () => {
    const d = drive();
    await incident(d);
    const doc = buildTimeline({ generator: 'pinsim test', recorder: d.s.recorder, seed: 1, policy: 'rfc-v2', scenario: null, logs: d.s.logs, inputs: d.s.inputs, digest: digestOf(d.s.recorder) });
    d.s.dispose();
    const session = parseSession(exportTimeline(doc, 'json').data);
    expect(session.inputs).toEqual(d.s.inputs);
    const again = await replay(session);
    try {
      const redone = sessionTimeline(again, { seed: 1, policy: 'rfc-v2', scenario: null, started: session.started }, 'pinsim test');
      expect(noWall(redone)).toEqual(noWall(doc));
      expect(redone.session.digest).toEqual(doc.session.digest);
      expect(redone.milestones).toEqual(doc.milestones);
    } finally {
      again.dispose();
    }
  });

  it('gives a script run a timeline with its commands and milestones', async () => {
    let doc: TimelineDoc | undefined;
    const out: string[] = [];
    // `kill %1` is SIGTERM, which rdma-app handles: it deregisters, closes and exits 0.
    const script = ['truncate -s 1M /mnt/pmem/data', 'rdma-app --file /mnt/pmem/data &', 'sleep 1', 'truncate -s 0 /mnt/pmem/data', 'kill %1; wait', 'truncate -s 0 /mnt/pmem/data'].join('\n');
    const status = await runScript(script, { name: 'incident.sh', write: (s) => out.push(s), stderr: () => undefined, wall: () => 0, timeline: (t) => (doc = t) });
    expect(status).toBe(0);
    expect(doc?.session.script).toEqual({ name: 'incident.sh', status: 0 });
    const commands = doc!.events.filter((e) => e.kind === 'shell.command').map((e) => e.text);
    expect(commands).toEqual(['script$ truncate -s 1M /mnt/pmem/data → exit 0', 'script$ rdma-app --file /mnt/pmem/data → exit 0', 'script$ sleep 1 → exit 0', 'script$ truncate -s 0 /mnt/pmem/data → exit 1', 'script$ truncate -s 0 /mnt/pmem/data → exit 0']);
    expect(Object.keys(doc!.milestones)).toEqual(['started', 'detected', 'mitigated', 'resolved']);
    expect(doc!.rootCause?.why).toMatch(/^\/mnt\/pmem\/data: truncate and hole punch fail at once with ETXTBSY/);
  });
});
