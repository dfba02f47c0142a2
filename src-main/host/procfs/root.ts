// The top of /proc: locks, mounts, version, uptime, self, sys/fs/lease-break-time and a directory
// per process. The sysctl table is sys.ts.
import type { Kernel } from '../kernel';
import type { ProcNode } from './node';
import { PROC_INO_BASE, linkNode, textNode, dirNode } from './build';
import { renderLocks } from './locks';
import { loadavgText, meminfoText, statText } from './sysinfo';
import { pidDir } from './pid';
import { procSysDir } from './sys';
import { ok } from '../sim/result';
import { NS_PER_SEC } from '../sim/clock';

export function mountsText(k: Kernel): string {
  return k.supers
    .filter((sb) => sb.mountpoint !== '')
    .map((sb) => `${sb.source} ${sb.mountpoint} ${sb.fstype} ${sb.options} 0 0\n`)
    .join('');
}

export function procRoot(k: Kernel): ProcNode {
  const sysDir = procSysDir(k, PROC_INO_BASE + 19);
  const fixed: Record<string, ProcNode> = {
    loadavg: textNode(PROC_INO_BASE + 42, 0o444, 0, () => loadavgText(k)),
    locks: textNode(PROC_INO_BASE + 1, 0o444, 0, () => renderLocks(k)),
    meminfo: textNode(PROC_INO_BASE + 43, 0o444, 0, () => meminfoText()),
    mounts: textNode(PROC_INO_BASE + 2, 0o444, 0, () => mountsText(k)),
    stat: textNode(PROC_INO_BASE + 44, 0o444, 0, () => statText(k)),
    self: linkNode(PROC_INO_BASE + 3, 0, (r) => ok(String(r.pid))),
    sys: sysDir,
    uptime: textNode(PROC_INO_BASE + 4, 0o444, 0, () => {
      const up = k.clock.now() / NS_PER_SEC;
      return `${up.toFixed(2)} ${(up * 2).toFixed(2)}\n`;
    }),
    version: textNode(PROC_INO_BASE + 5, 0o444, 0, () => `Linux version ${k.release} (pinsim@pinsim) (gcc version 9.2.1 20190827 (Debian 9.2.1-4)) ${k.version}\n`),
  };
  return dirNode(
    PROC_INO_BASE,
    0o555,
    0,
    () => [...[...k.procs.keys()].sort((a, b) => a - b).map(String), ...Object.keys(fixed)],
    (name) => (/^\d+$/.test(name) ? pidDir(k, Number(name)) : (fixed[name] ?? null)),
  );
}
