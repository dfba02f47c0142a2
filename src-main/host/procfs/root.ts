// The top of /proc: locks, mounts, version, uptime, self, sys/fs/lease-break-time and a directory
// per process. Writes to sysctls are root-only and emit a sysctl event.
import type { Kernel } from '../kernel';
import type { ProcNode } from './node';
import { PROC_INO_BASE, fileNode, linkNode, tableDir, textNode, dirNode } from './build';
import { renderLocks } from './locks';
import { pidDir } from './pid';
import { fail, ok, OK_VOID } from '../sim/result';
import { NS_PER_SEC } from '../sim/clock';

export function mountsText(k: Kernel): string {
  return k.supers
    .filter((sb) => sb.mountpoint !== '')
    .map((sb) => `${sb.source} ${sb.mountpoint} ${sb.fstype} ${sb.options} 0 0\n`)
    .join('');
}

function sysctlNode(k: Kernel, ino: number, name: string, min: number): ProcNode {
  return fileNode(
    ino,
    0o644,
    0,
    () => ok(`${k.sysctl.get(name) ?? ''}\n`),
    (w, data) => {
      if (w.uid !== 0) return fail('EACCES');
      const text = data.trim();
      if (!/^-?\d+$/.test(text) || Number(text) < min) return fail('EINVAL');
      k.sysctl.set(name, String(Number(text)));
      k.emit('sysctl.set', { name, value: String(Number(text)) });
      return OK_VOID;
    },
  );
}

export function procRoot(k: Kernel): ProcNode {
  const fsDir = tableDir(PROC_INO_BASE + 20, 0o555, 0, () => ({
    'lease-break-time': sysctlNode(k, PROC_INO_BASE + 21, 'fs.lease-break-time', 0),
    'leases-enable': sysctlNode(k, PROC_INO_BASE + 22, 'fs.leases-enable', 0),
  }));
  const sysDir = tableDir(PROC_INO_BASE + 19, 0o555, 0, () => ({ fs: fsDir }));
  const fixed: Record<string, ProcNode> = {
    locks: textNode(PROC_INO_BASE + 1, 0o444, 0, () => renderLocks(k)),
    mounts: textNode(PROC_INO_BASE + 2, 0o444, 0, () => mountsText(k)),
    self: linkNode(PROC_INO_BASE + 3, 0, (r) => ok(String(r.pid))),
    sys: sysDir,
    uptime: textNode(PROC_INO_BASE + 4, 0o444, 0, () => {
      const up = k.clock.now() / NS_PER_SEC;
      return `${up.toFixed(2)} ${(up * 2).toFixed(2)}\n`;
    }),
    version: textNode(PROC_INO_BASE + 5, 0o444, 0, () => `Linux version ${k.release} (pinsim@pinsim) (gcc version 9.2.1 20190827 (Debian 9.2.1-4)) #1 SMP Fri Aug 9 22:58:33 UTC 2019\n`),
  };
  return dirNode(
    PROC_INO_BASE,
    0o555,
    0,
    () => [...[...k.procs.keys()].sort((a, b) => a - b).map(String), ...Object.keys(fixed)],
    (name) => (/^\d+$/.test(name) ? pidDir(k, Number(name)) : (fixed[name] ?? null)),
  );
}
