// The Relations graph of the selection's neighbourhood: process → fd → RDMA context → MR →
// pinned file ← lease (← its holder). Only what touches the selection, so it stays small.
import type { FilePinRow, LeaseRow } from '../../../src-main/protocol/views';
import type { Selection } from './selection.svelte';

export type NodeKind = 'process' | 'fd' | 'context' | 'mr' | 'file' | 'lease';
export const COLUMNS: readonly NodeKind[] = ['process', 'fd', 'context', 'mr', 'file', 'lease'];

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  sub: string;
  pid?: number;
  path?: string;
  tone?: 'bad' | 'warn';
}

export interface Graph {
  nodes: GraphNode[];
  edges: Array<{ from: string; to: string }>;
}

const MAX_MRS = 6;

export function neighbourhood(sel: Selection | null, pins: readonly FilePinRow[], leases: readonly LeaseRow[]): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, { from: string; to: string }>();
  if (!sel) return { nodes: [], edges: [] };
  const node = (n: GraphNode) => (nodes.has(n.id) ? nodes.get(n.id)! : (nodes.set(n.id, n), n));
  const edge = (from: string, to: string) => edges.set(`${from}>${to}`, { from, to });

  const files = new Set<string>();
  if (sel.kind === 'process') for (const r of pins) if (r.pid === sel.pid) files.add(r.file);
  if (sel.kind !== 'process') files.add(sel.path);
  if (sel.kind === 'process') for (const l of leases) if (l.pid === sel.pid) files.add(l.file);
  if (sel.kind === 'process') node({ id: `p${sel.pid}`, kind: 'process', label: `pid ${sel.pid}`, sub: '', pid: sel.pid });

  for (const path of files) node({ id: `f${path}`, kind: 'file', label: path.split('/').pop() || path, sub: path, path });
  for (const r of pins) {
    if (!files.has(r.file)) continue;
    const p = node({ id: `p${r.pid}`, kind: 'process', label: `pid ${r.pid}`, sub: r.comm, pid: r.pid });
    p.sub = r.comm;
    const fdId = `d${r.pid}:${r.fd ?? 'mm'}`;
    node({ id: fdId, kind: 'fd', label: r.fd === null ? 'mm' : `fd ${r.fd}`, sub: r.owner.replace(/^\d+: /, ''), pid: r.pid });
    edge(p.id, fdId);
    const ctxId = r.ctx === null ? fdId : `c${r.ctx}`;
    if (r.ctx !== null) {
      node({ id: ctxId, kind: 'context', label: `context ${r.ctx}`, sub: 'uverbs' });
      edge(fdId, ctxId);
    }
    const shown = r.mrs.slice(0, MAX_MRS);
    for (const mr of shown) {
      node({ id: `m${mr}`, kind: 'mr', label: `MR ${mr}`, sub: `pages ${r.first}–${r.last - 1}` });
      edge(ctxId, `m${mr}`);
      edge(`m${mr}`, `f${r.file}`);
    }
    if (r.mrCount > shown.length) {
      const more = `m+${r.ctx}:${r.file}`;
      node({ id: more, kind: 'mr', label: `+${r.mrCount - shown.length} MRs`, sub: '' });
      edge(ctxId, more);
      edge(more, `f${r.file}`);
    }
  }
  for (const l of leases) {
    if (!files.has(l.file)) continue;
    const id = `l${l.id}`;
    node({ id, kind: 'lease', label: `lease ${l.id} ${l.state}`, sub: `${l.kind === 'LAYOUT EXCLUSIVE' ? 'excl. layout' : l.kind.toLowerCase()}, pid ${l.pid} fd ${l.fd}`, pid: l.pid, tone: l.state === 'ZOMBIE' ? 'bad' : l.state === 'BREAKING' ? 'warn' : undefined });
    edge(id, `f${l.file}`);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
