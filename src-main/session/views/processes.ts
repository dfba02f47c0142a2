// Processes panel rows: ps-like facts plus what a console signal would do to each process and
// which RDMA contexts it shares, so the window can warn before collateral (console.md).
import type { Host } from '../../host';
import type { Kernel } from '../../host/kernel';
import type { Process } from '../../host/task/process';
import type { OpenFile } from '../../host/fd/file';
import { wchanText } from '../../host/procfs/task-files';
import { defaultAction, isUncatchable } from '../../host/abi/signals';
import { PANEL_SIGNALS, type PanelSignal, type ProcessRow } from '../../protocol/views';

type Effect = ProcessRow['effects'][PanelSignal];
/** Live processes holding an open file by fd, ascending. */
export type HoldersOf = (file: OpenFile) => readonly number[];

const LIMIT = 64;

/** Mirrors deliver() in task/signal.ts: pid 1 ignores what it does not handle, SIGKILL included. */
function effectOf(task: Process, sig: PanelSignal): Effect {
  const disp = isUncatchable(sig) ? 'default' : task.disposition(sig);
  if (sig === 'SIGCONT') return task.state === 'T' ? 'continue' : 'ignore';
  if (disp === 'ignore' || (disp === 'default' && task.pid === 1)) return 'ignore';
  if (typeof disp === 'function') return 'handler';
  const action = defaultAction(sig);
  return action === 'stop' ? 'stop' : action === 'ign' || action === 'cont' ? 'ignore' : 'terminate';
}

/** Every live process holding each open file by fd: who else keeps a context alive. */
export function fdHolders(k: Kernel): Map<OpenFile, number[]> {
  const holders = new Map<OpenFile, number[]>();
  for (const p of k.procs.values()) {
    if (!p.alive) continue;
    for (const [, slot] of p.fds.entries()) {
      if (!slot.file.uverbs && slot.file.leases.length === 0) continue;
      const list = holders.get(slot.file);
      if (!list) holders.set(slot.file, [p.pid]);
      else if (!list.includes(p.pid)) list.push(p.pid);
    }
  }
  for (const list of holders.values()) list.sort((a, b) => a - b);
  return holders;
}

function rdmaHolds(task: Process, fds: Array<[number, { file: OpenFile }]>, holdersOf: HoldersOf): ProcessRow['rdma'] {
  const out: ProcessRow['rdma'] = [];
  for (const [fd, slot] of fds) {
    const ctx = slot.file.uverbs;
    if (!ctx) continue;
    let pins = 0;
    let pinnedPages = 0;
    for (const fp of ctx.filePins) pins += fp.count;
    for (const mr of ctx.mrs.values()) if (!mr.odp) for (const s of mr.segments) if (s.filePin) pinnedPages += s.last - s.first;
    const sharedWith = holdersOf(slot.file).filter((pid) => pid !== task.pid).slice(0, LIMIT);
    out.push({ fd, ctx: ctx.id, mrs: ctx.mrs.size, pins, pinnedPages, sharedWith });
    if (out.length === LIMIT) break;
  }
  return out;
}

/** One process's row; `holdersOf` says who else holds its RDMA contexts. */
export function processRow(k: Kernel, task: Process, holdersOf: HoldersOf): ProcessRow {
  const zombie = task.state === 'Z';
  const fds = task.fds.entries();
  const leases: number[] = [];
  for (const [, slot] of fds) for (const l of slot.file.leases) if (!leases.includes(l.id) && leases.length < LIMIT) leases.push(l.id);
  const effects = {} as Record<PanelSignal, Effect>;
  for (const sig of PANEL_SIGNALS) effects[sig] = zombie ? 'ignore' : effectOf(task, sig);
  return {
    pid: task.pid,
    ppid: task.ppid,
    uid: task.uid,
    user: k.user(task.uid)?.name ?? String(task.uid),
    state: task.state,
    wchan: zombie ? '' : wchanText(task).replace(/^0$/, ''),
    comm: task.comm,
    command: zombie ? `[${task.comm}] <defunct>` : task.argv.join(' ').slice(0, 4096),
    tty: task.tty === null ? '?' : `pts/${task.tty}`,
    start: task.startTime,
    effects,
    rdma: zombie ? [] : rdmaHolds(task, fds, holdersOf),
    leases,
  };
}

/** Every row from scratch: the reference the incremental projection must always equal. */
export function processRows(host: Host): ProcessRow[] {
  const k = host.kernel;
  const holders = fdHolders(k);
  const holdersOf: HoldersOf = (f) => holders.get(f) ?? [];
  return [...k.procs.values()].sort((a, b) => a.pid - b.pid).map((task) => processRow(k, task, holdersOf));
}
