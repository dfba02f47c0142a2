// Answers several designs give the same way: "allow / proceed / complete", and the wait channel
// of a layout change over busy DAX pages.
import type { CloseVerdict, LayoutVerdict, Verdict } from './policy';
import type { Inode } from '../vfs/inode';

export const ALLOW: Verdict = { allow: true };
export const PROCEED: LayoutVerdict = { action: 'proceed' };
export const COMPLETE: CloseVerdict = { action: 'complete' };

/** Where a layout change sleeps while pinned DAX pages are busy (dax_layout_busy_page callers). */
export function daxBusyWchan(inode: Inode): string {
  return inode.sb.fstype === 'xfs' ? 'xfs_break_dax_layouts' : 'ext4_break_layouts';
}
