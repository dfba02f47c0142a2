// The session's own stream entries as the window gets them: keyed upserts (a command's output and
// status arrive when it ends, an annotation changes when edited), console actions left out because
// the view hub already shows them, and the effective milestones with every change.
import type { HostMessage } from '../../protocol/messages';
import type { MilestonesInfo, RecordEntry } from '../../protocol/record';
import type { MilestoneName } from './stream';
import type { Item, Recorder } from './recorder';

const DETAIL_MAX = 65536;
const TEXT_MAX = 4096;

export function toEntry(item: Item): RecordEntry {
  const d = item.data;
  const output = typeof d.output === 'string' ? d.output : null;
  return {
    id: item.id,
    after: item.after,
    t: item.t,
    wall: item.wall,
    source: item.source,
    kind: item.kind.slice(0, TEXT_MAX),
    text: item.text.slice(0, TEXT_MAX),
    pid: item.pid,
    path: item.path?.slice(0, TEXT_MAX) ?? null,
    term: item.term,
    detail: output === null ? (typeof d.why === 'string' ? d.why.slice(0, DETAIL_MAX) : null) : output.slice(0, DETAIL_MAX),
    status: typeof d.status === 'number' ? d.status : null,
    milestone: item.source === 'milestone' ? (d.name as MilestoneName) : null,
    derived: item.source === 'milestone' ? d.derived === true : null,
  };
}

function milestones(recorder: Recorder): MilestonesInfo {
  return Object.fromEntries(Object.entries(recorder.effective()).map(([k, m]) => [k, { t: m.t, event: m.event, derived: m.derived }]));
}

const shown = (i: Item) => i.source !== 'console';

export function recordReset(recorder: Recorder): HostMessage {
  return { type: 'record', reset: true, upsert: recorder.entries().filter(shown).map(toEntry), remove: [], milestones: milestones(recorder) };
}

/** Sends changed entries at most once per turn of the event loop. */
export function feed(recorder: Recorder, emit: (m: HostMessage) => void): () => void {
  const pending = new Map<string, Item>();
  let scheduled = false;
  const stop = recorder.onItems((items) => {
    for (const i of items) if (shown(i)) pending.set(i.id, i);
    if (scheduled || pending.size === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const upsert = [...pending.values()].map(toEntry);
      pending.clear();
      if (upsert.length > 0) emit({ type: 'record', reset: false, upsert, remove: [], milestones: milestones(recorder) });
    });
  });
  return stop;
}
