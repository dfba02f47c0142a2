// `close-blocks`: Dave Chinner's answer to zombie leases (seed 003 #6, #9, #23, #24) on top of
// rfc-v2 — the last close of a leased file whose pins remain sleeps (locks_remove_lease) until the
// pins go, unless the process is dying; and the pins may only be passed by SCM_RIGHTS to a
// process that holds a layout lease on the file itself.
import type { Policy } from './policy';
import type { Inode } from '../vfs/inode';
import type { Process } from '../task/process';
import type { OpenFile } from '../fd/file';
import { rfcV2 } from './rfc-v2';
import { ALLOW, COMPLETE } from './common';

/**
 * The process holds a layout lease on `inode` through one of its own descriptors — or is being
 * sent the lease's file in the same message (Dave Chinner, 003 #24: "duplicating the lease fd and
 * passing it by SCM_RIGHTS first").
 */
function holdsLayoutLease(task: Process, inode: Inode, batch: readonly OpenFile[]): boolean {
  return inode.leases.some((l) => l.layout && (batch.includes(l.file) || task.fds.fdsOf(l.file).length > 0));
}

export const closeBlocks: Policy = {
  name: 'close-blocks',
  summary: 'as rfc-v2; the last close of a leased file with pins blocks; passing pins needs a lease',
  source: 'seed 003: Dave Chinner #6, #9, #23, #24',

  pin: rfcV2.pin,
  layoutChange: rfcV2.layoutChange,
  releaseLease: rfcV2.releaseLease,

  lastClose(req) {
    // #9: "we can decide not to block based on the fact the process is about to be reaped";
    // "If the app doesn't play by the rules, it hangs in close() until it is killed."
    if (req.fatal || req.file.leases.every((l) => l.pinRefs === 0)) return COMPLETE;
    return { action: 'wait', wchan: 'locks_remove_lease' };
  },

  passFd(req) {
    // #23: "Passing the RDMA context dependent on a file layout lease to another process that
    // doesn't have a file layout lease ... should be considered a violation of the layout lease."
    const pins = req.file.uverbs?.filePins ?? [];
    for (const fp of pins) {
      if (!fp.inode.isDax) continue;
      if (req.receivers.some((r) => !holdsLayoutLease(r, fp.inode, req.batch))) return { allow: false, errno: 'EPERM' };
    }
    return ALLOW;
  },
};
