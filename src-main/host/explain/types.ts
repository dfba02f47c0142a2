// The answer to "why is my truncate failing?" as data: the verdict for a layout change of one
// file, the chain from the file to the processes that hold it back, and the ways out. The `why`
// command renders it as text; the console's Why? panel shows the same chain, each link clickable.
import type { Errno } from '../abi/errno';

/** What a truncate or hole punch of the file would do now. */
export type VerdictKind = 'proceeds' | 'fails' | 'breaks' | 'waits' | 'not-a-file';

export interface Verdict {
  kind: VerdictKind;
  /** The errno a truncate gets at once (ETXTBSY, EAGAIN for truncate(1) on a classic lease…). */
  errno?: Errno;
  text: string;
}

export type LinkKind = 'file' | 'design' | 'lease' | 'pin' | 'context' | 'waiter' | 'note';

/** One link of the chain, in plain words; ids let a console make it clickable. */
export interface ChainLink {
  kind: LinkKind;
  text: string;
  /** Further lines shown under the link (the /proc/locks line, the holders of a context). */
  detail?: string[];
  pid?: number;
  fd?: number;
  mr?: number;
  lease?: number;
}

export type WayOutAction = 'dereg' | 'unlock' | 'close' | 'kill' | 'wait' | 'not-enough' | 'unseal' | 'unmap';

export interface WayOut {
  action: WayOutAction;
  text: string;
  /** A command an admin can type (`kill 7`), when there is one. */
  command?: string;
  pid?: number;
  fd?: number;
  mr?: number;
  /** False for what would NOT fix it on its own (a pid whose context another process shares). */
  fixes: boolean;
}

export interface Explanation {
  path: string;
  policy: string;
  verdict: Verdict;
  links: ChainLink[];
  waysOut: WayOut[];
}
