// The part of "why" that rests on the design in force: what a refusal is caused by (an exclusive
// lease, the pins, a sealed block map), and the ways out of a sealed block map (immutable, seed
// 004) — `xfs_io -c unseal` once no pin taken under the seal remains, and the end of the last
// MAP_DIRECT mapping ("it would automatically clear at munmap time").
import type { Kernel } from '../kernel';
import type { Inode } from '../vfs/inode';
import type { RefusalCause } from '../policy/policy';
import type { WayOut } from './types';
import { segmentsIn } from '../rdma/pins';
import { sealsFile } from '../vfs/seal';

const END = Number.MAX_SAFE_INTEGER;

/** What the policy in force rests a refusal of a truncate to 0 on; null when it would not refuse. */
export function refusalCause(k: Kernel, inode: Inode): RefusalCause | null {
  const task = k.proc(1)!;
  const pinned = inode.pins.overlaps(0, END);
  const v = k.policy.layoutChange({ task, inode, op: 'truncate', first: 0, last: END, pinned, segments: () => segmentsIn(k, inode, 0, END) });
  return v.action === 'fail' ? v.cause : null;
}

/** Processes mapping `inode` with MAP_DIRECT, by pid. */
export function directMappers(k: Kernel, inode: Inode): Array<{ pid: number; comm: string }> {
  const out: Array<{ pid: number; comm: string }> = [];
  for (const p of k.procs.values()) {
    if (p.alive && p.mm.vmas.some((v) => sealsFile(v) && v.file!.inode === inode)) out.push({ pid: p.pid, comm: p.comm });
  }
  return out.sort((a, b) => a.pid - b.pid);
}

export function sealWays(k: Kernel, inode: Inode): WayOut[] {
  const ways: WayOut[] = [];
  const path = inode.path();
  const mappers = directMappers(k, inode);
  if (inode.seal.explicit) {
    const guarded = segmentsIn(k, inode, 0, END).some((s) => s.guard === 'seal');
    const once = guarded ? 'Once the pins taken under the seal are gone, ' : '';
    const also = mappers.length ? ' (the MAP_DIRECT mappings below keep it sealed until they go too)' : '';
    ways.push({ action: 'unseal', command: `xfs_io -c unseal ${path}`, fixes: mappers.length === 0, text: `${once}root unseals the block map: xfs_io -c unseal ${path}${also}.` });
  }
  for (const m of mappers) {
    const alone = !inode.seal.explicit && mappers.length === 1;
    ways.push({ action: 'unmap', pid: m.pid, fixes: alone, text: `pid ${m.pid} (${m.comm}) unmaps its MAP_DIRECT mapping of ${path} (munmap, or when it exits)${alone ? '; that unseals the block map' : ''}.` });
  }
  return ways;
}
