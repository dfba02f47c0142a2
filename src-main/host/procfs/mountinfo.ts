// /proc/<pid>/mountinfo (fs/proc_namespace.c show_mountinfo()): mount id, parent id, major:minor,
// root, mount point, per-mount options, a peer group, then `-`, type, source and super options.
// libmount reads it (lslocks names a file it cannot see by its mount point).
import type { Kernel } from '../kernel';
import { mountId } from './task-files';

/** Flags that belong to the mount (MNT_*) rather than to the superblock. */
const MOUNT_FLAGS = new Set(['rw', 'ro', 'nosuid', 'nodev', 'noexec', 'relatime', 'noatime', 'nodiratime', 'strictatime']);

export function mountinfoText(k: Kernel): string {
  const mounted = k.supers.filter((sb) => sb.mountpoint !== '');
  return mounted
    .map((sb, i) => {
      const opts = sb.options.split(',');
      const mnt = opts.filter((o) => MOUNT_FLAGS.has(o));
      const sup = [opts.includes('ro') ? 'ro' : 'rw', ...opts.filter((o) => !MOUNT_FLAGS.has(o))];
      const parent = sb.coveredInode ? mountId(sb.coveredInode.sb.id) : 1;
      return `${mountId(sb.id)} ${parent} ${sb.major}:${sb.minor} / ${sb.mountpoint} ${mnt.join(',')} shared:${i + 1} - ${sb.fstype} ${sb.source} ${sup.join(',')}\n`;
    })
    .join('');
}
