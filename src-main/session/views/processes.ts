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
      else if (list[list.length - 1] !== p.pid) list.push(p.pid);
    }
  }
  return holders;
}

function rdmaHolds(task: Process, fds: Array<[number, { file: OpenFile }]>, holders: Map<OpenFile, number[]>): ProcessRow['rdma'] {
  const out: ProcessRow['rdma'] = [];
  for (const [fd, slot] of fds) {
    const ctx = slot.file.uverbs;
    if (!ctx) continue;
    let pins = 0;
    let pinnedPages = 0;
    for (const fp of ctx.filePins) pins += fp.count;
    for (const mr of ctx.mrs.values()) if (!mr.odp) for (const s of mr.segments) if (s.filePin) pinnedPages += s.last - s.first;
    const sharedWith = (holders.get(slot.file) ?? []).filter((pid) => pid !== task.pid).slice(0, 64);
    out.push({ fd, ctx: ctx.id, mrs: ctx.mrs.size, pins, pinnedPages, sharedWith });
    if (out.length === 64) break;
  }
  return out;
}

export function processRows(host: Host): ProcessRow[] {
  const k = host.kernel;
  const holders = fdHolders(k);
  return host.processes().map((info) => {
    const task = k.proc(info.pid)!;
    const fds = task.fds.entries();
    const leases: number[] = [];
    for (const [, slot] of fds) for (const l of slot.file.leases) if (!leases.includes(l.id) && leases.length < 64) leases.push(l.id);
    const effects = {} as Record<PanelSignal, Effect>;
    for (const sig of PANEL_SIGNALS) effects[sig] = info.state === 'Z' ? 'ignore' : effectOf(task, sig);
    return {
      pid: info.pid,
      ppid: info.ppid,
      uid: info.uid,
      user: info.user,
      state: info.state,
      wchan: info.state === 'Z' ? '' : wchanText(task).replace(/^0$/, ''),
      comm: info.comm,
      command: info.state === 'Z' ? `[${info.comm}] <defunct>` : info.argv.join(' ').slice(0, 4096),
      tty: info.tty === null ? '?' : `pts/${info.tty}`,
      start: info.startTime,
      effects,
      rdma: info.state === 'Z' ? [] : rdmaHolds(task, fds, holders),
      leases,
    };
  });
}
