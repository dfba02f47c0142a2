// The one event stream: kernel events, commands with output and status, console actions,
// milestones derived from the kernel's events or marked, annotations added and edited.
import { afterEach, describe, expect, it } from 'vitest';
import { drive, incident, WALL0, type Driven } from './drive';

let d: Driven | undefined;
afterEach(() => d?.s.dispose());

describe('Recorder', () => {
  it('derives the milestones of the ETXTBSY incident from the kernel and the why that was asked', async () => {
    d = drive();
    await incident(d);
    const r = d.s.recorder;
    const ms = r.effective();
    expect(Object.keys(ms)).toEqual(['started', 'detected', 'identified', 'mitigated', 'resolved']);
    const detected = r.get(ms.detected!.event)!;
    expect(detected.text).toBe('detected: truncate of /mnt/pmem/data failed with ETXTBSY');
    // Taken when the truncate failed: the pin and the lease are in the chain, though gone since.
    expect(detected.data.why).toMatch(/MR 1 .*pins pages 0-255/s);
    expect(r.get(ms.mitigated!.event)!.text).toBe('mitigated: the last pin on /mnt/pmem/data was released');
    expect(r.get(ms.resolved!.event)!.text).toBe('resolved: truncate of /mnt/pmem/data succeeded');
    expect(ms.started!.t).toBe(0);
    expect(ms.detected!.t).toBeLessThan(ms.identified!.t);
    expect(ms.identified!.t).toBeLessThan(ms.mitigated!.t);
    expect(ms.mitigated!.t).toBeLessThan(ms.resolved!.t);
    expect(ms.detected!.wall).toBe(WALL0 + ms.detected!.t / 1e6);
  });

  it('records each command line with its output and exit status, before the events it caused', async () => {
    d = drive();
    await incident(d);
    const events = d.s.recorder.events();
    const refused = events.findIndex((e) => e.kind === 'layout.refused');
    const cmd = events.findLastIndex((e, i) => i < refused && e.kind === 'shell.command');
    const c = events[cmd]!;
    expect(c).toMatchObject({ source: 'shell', term: 't1', text: 't1$ truncate -s 0 /mnt/pmem/data → exit 1' });
    expect(c.data).toMatchObject({ line: 'truncate -s 0 /mnt/pmem/data', status: 1, output: "truncate: failed to truncate '/mnt/pmem/data' at 0 bytes: Text file busy\n" });
    const fixed = events.find((e) => e.kind === 'shell.command' && String(e.data.line).includes('echo fixed'))!;
    expect(fixed.data).toMatchObject({ status: 0, output: expect.stringMatching(/Killed +rdma-app --file \/mnt\/pmem\/data\nfixed\n$/) });
    // Ids are stable and every entry is in time order.
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (let i = 1; i < events.length; i++) expect(events[i]!.t).toBeGreaterThanOrEqual(events[i - 1]!.t);
  });

  it('keeps console actions with their outcome and tags them console', async () => {
    d = drive();
    await incident(d);
    const kill = d.s.recorder.entries().find((e) => e.kind === 'console.signal')!;
    expect(kill).toMatchObject({ source: 'console', text: expect.stringMatching(/^console: SIGKILL to pid \d+$/) });
    expect(kill.data).toMatchObject({ ok: true, result: expect.stringMatching(/SIGKILL sent to pid \d+/) });
  });

  it('anchors a note or a mark at the event it is about, and lets a marked milestone win', async () => {
    d = drive();
    await incident(d);
    const r = d.s.recorder;
    const refused = r.events().find((e) => e.kind === 'layout.refused')!;
    await d.apply({ type: 'annotate', text: 'this is where it broke', at: refused.id });
    await d.apply({ type: 'milestone', name: 'started', at: refused.id });
    const events = r.events();
    const at = events.findIndex((e) => e.id === refused.id);
    expect(events.slice(at + 1).find((e) => e.source === 'annotation' && e.text === 'this is where it broke')?.t).toBe(refused.t);
    const started = r.effective().started!;
    expect(started).toMatchObject({ derived: false, t: refused.t });
    const note = r.entries().find((e) => e.text === 'this is where it broke')!;
    await d.apply({ type: 'annotate.edit', id: note.id, text: 'the truncate broke here' });
    expect(r.get(note.id)!.text).toBe('the truncate broke here');
    expect(r.edit(refused.id, 'kernel events are not notes')).toBe(false);
  });

  it('does not detect anything in a session where no layout change fails', async () => {
    d = drive();
    await d.apply({ type: 'term.open', term: 't1', cols: 80, rows: 24 });
    await d.type('t1', 'truncate -s 1M /mnt/pmem/data; truncate -s 0 /mnt/pmem/data\r');
    expect(Object.keys(d.s.recorder.effective())).toEqual(['started']);
  });
});
