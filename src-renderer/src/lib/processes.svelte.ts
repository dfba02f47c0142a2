// Processes panel state: the rows, tree or flat, the filter, and the signals with what they would
// and would not release — asked before acting when the target is pid 1, a shell, or shares a context.
/* eslint-disable svelte/prefer-svelte-reactivity -- scratch maps of one computation, and a raw set replaced wholesale */
import type { PinsimApi } from '../../../src-main/protocol/api';
import type { PanelSignal, ProcessRow } from '../../../src-main/protocol/views';
import { KeyedRows } from './keyed-rows.svelte';

export interface ProcessLine {
  row: ProcessRow;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
}

export interface Confirmation {
  pid: number;
  signal: PanelSignal;
  title: string;
  will: string[];
  wont: string[];
}

export const SIGNAL_VERBS: Record<PanelSignal, string> = { SIGTERM: 'Terminate', SIGKILL: 'Kill', SIGSTOP: 'Stop', SIGCONT: 'Continue' };

function matches(r: ProcessRow, q: string): boolean {
  return [String(r.pid), r.user, r.comm, r.command, r.state, r.wchan, r.tty].some((f) => f.toLowerCase().includes(q));
}

export class ProcessesStore {
  readonly table = new KeyedRows<ProcessRow, number>((r) => r.pid, (a, b) => a.pid - b.pid);
  mode = $state<'tree' | 'flat'>('tree');
  filter = $state('');
  collapsed = $state.raw<ReadonlySet<number>>(new Set());
  pending = $state<Confirmation | null>(null);
  lastResult = $state('');

  readonly lines: ProcessLine[] = $derived.by(() => this.compute(this.table.rows, this.mode, this.filter.trim().toLowerCase(), this.collapsed));

  constructor(private readonly api: PinsimApi) {}

  toggle(pid: number): void {
    const next = new Set(this.collapsed);
    if (!next.delete(pid)) next.add(pid);
    this.collapsed = next;
  }

  /** Opens the action for `pid` as the row reads now; the pid is fixed from here on. */
  request(pid: number, signal: PanelSignal): void {
    const row = this.table.get(pid);
    if (!row) return;
    const c = consequences(row, signal, this.table.rows);
    if (c) this.pending = c;
    else this.send(pid, signal);
  }

  confirm(): void {
    const c = this.pending;
    this.pending = null;
    if (c) this.send(c.pid, c.signal);
  }

  cancel(): void {
    this.pending = null;
  }

  private send(pid: number, signal: PanelSignal): void {
    this.api.send({ type: 'proc.signal', pid, signal });
  }

  /** The lines of the last computation: an unchanged line is the same object, which the table skips. */
  private made = new Map<number, ProcessLine>();

  private line(row: ProcessRow, depth: number, hasChildren: boolean, expanded: boolean, made: Map<number, ProcessLine>): ProcessLine {
    const old = this.made.get(row.pid);
    const line = old && old.row === row && old.depth === depth && old.hasChildren === hasChildren && old.expanded === expanded ? old : { row, depth, hasChildren, expanded };
    made.set(row.pid, line);
    return line;
  }

  private compute(rows: ProcessRow[], mode: 'tree' | 'flat', q: string, collapsed: ReadonlySet<number>): ProcessLine[] {
    const made = new Map<number, ProcessLine>();
    const out = this.layout(rows, mode, q, collapsed, made);
    this.made = made;
    return out;
  }

  private layout(rows: ProcessRow[], mode: 'tree' | 'flat', q: string, collapsed: ReadonlySet<number>, made: Map<number, ProcessLine>): ProcessLine[] {
    const shown = q ? rows.filter((r) => matches(r, q)) : rows;
    if (mode === 'flat') return shown.map((row) => this.line(row, 0, false, false, made));
    const byPid = new Map(rows.map((r) => [r.pid, r]));
    const keep = new Set<number>();
    for (const r of shown) for (let p: ProcessRow | undefined = r; p && !keep.has(p.pid); p = byPid.get(p.ppid)) keep.add(p.pid);
    const children = new Map<number, ProcessRow[]>();
    const roots: ProcessRow[] = [];
    for (const r of rows) {
      if (!keep.has(r.pid)) continue;
      if (byPid.has(r.ppid) && r.ppid !== r.pid && keep.has(r.ppid)) {
        const list = children.get(r.ppid);
        if (list) list.push(r);
        else children.set(r.ppid, [r]);
      } else roots.push(r);
    }
    const out: ProcessLine[] = [];
    const walk = (r: ProcessRow, depth: number) => {
      const kids = children.get(r.pid) ?? [];
      const expanded = !collapsed.has(r.pid);
      out.push(this.line(r, depth, kids.length > 0, expanded, made));
      if (expanded) for (const k of kids) walk(k, depth + 1);
    };
    for (const r of roots) walk(r, 0);
    return out;
  }
}

function who(r: ProcessRow): string {
  return `pid ${r.pid} (${r.comm})`;
}

/** What the signal would and would not release, or null when it needs no confirmation. */
export function consequences(row: ProcessRow, signal: PanelSignal, rows: readonly ProcessRow[]): Confirmation | null {
  const effect = row.effects[signal];
  const verb = SIGNAL_VERBS[signal];
  const base = { pid: row.pid, signal, title: `${verb} ${who(row)}?` };
  if (row.pid === 1) {
    return { ...base, will: [], wont: [`pid 1 ignores ${signal}: init has no handler for it, and the kernel delivers no signal to pid 1 that it does not handle — SIGKILL included. Nothing will be released.`] };
  }
  const ending = effect === 'terminate';
  const shared = row.rdma.filter((h) => h.sharedWith.length > 0);
  const isShell = row.comm === 'bash';
  if (!isShell && !(ending && shared.length > 0)) return null;
  const will: string[] = [];
  const wont: string[] = [];
  if (effect === 'ignore') wont.push(`${who(row)} ignores ${signal}: nothing happens.`);
  else if (effect === 'handler') will.push(`${who(row)} handles ${signal} itself; what it releases is up to the program.`);
  else if (effect === 'stop') will.push(`${who(row)} stops until it gets SIGCONT${isShell ? '; its terminal stops answering' : ''}.`);
  else if (effect === 'continue') will.push(`${who(row)} continues.`);
  if (ending) {
    will.push(`${who(row)} exits: its fds close in ascending order${isShell ? ` and its terminal session on ${row.tty} ends` : ''}.`);
    if (isShell) wont.push(`Processes it started keep running under pid 1: ${childrenOf(row.pid, rows) || 'none now'}.`);
    for (const h of row.rdma) {
      const holders = h.sharedWith.map((pid) => rows.find((r) => r.pid === pid)).map((r, i) => (r ? who(r) : `pid ${h.sharedWith[i]}`));
      if (h.sharedWith.length === 0) will.push(`RDMA context ${h.ctx} (fd ${h.fd}) is released: ${h.mrs} MR(s) deregistered, ${h.pinnedPages} page(s) unpinned.`);
      else wont.push(`RDMA context ${h.ctx} (fd ${h.fd}) is also held by ${holders.join(', ')}: its ${h.mrs} MR(s) and ${h.pinnedPages} pinned page(s) stay until the last holder closes it or exits.`);
    }
    if (shared.length > 0 && row.leases.length > 0) wont.push(`Lease(s) ${row.leases.join(', ')} stay as zombies while those pins remain: a truncate still fails.`);
  }
  return { ...base, will, wont };
}

function childrenOf(pid: number, rows: readonly ProcessRow[]): string {
  return rows
    .filter((r) => r.ppid === pid)
    .map(who)
    .join(', ');
}
