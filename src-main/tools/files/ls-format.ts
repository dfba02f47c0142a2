// ls's listing of one batch of files (the command-line files, or one directory): GNU ls 9.1's
// sorting and its long format, whose column widths are the widest value of the batch.
import type { Stat } from '../../host';
import { humanReadable, HUMAN_H } from './human';
import { modeString } from './filemode';
import { lsTime } from './timefmt';
import type { IdNames } from './ids';
import { formatColumns } from './ls-columns';

export interface LsEntry {
  name: string;
  /** Inode from getdents when no stat was needed. */
  ino: number;
  type: Stat['type'];
  st: Stat | null;
  /** Symlink target (long format). */
  link?: string;
}

export interface LsOptions {
  long: boolean;
  human: boolean;
  inode: boolean;
  numeric: boolean;
  sort: 'name' | 'time' | 'size' | 'none';
  reverse: boolean;
  /** Names in columns on a line this wide (-C, the default on a terminal); else one per line. */
  columns?: number;
}

const byName = (a: LsEntry, b: LsEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function sortEntries(entries: LsEntry[], o: LsOptions): void {
  if (o.sort === 'none') return;
  const cmp =
    o.sort === 'time' ? (a: LsEntry, b: LsEntry) => (b.st?.mtimeNs ?? 0) - (a.st?.mtimeNs ?? 0) || byName(a, b)
    : o.sort === 'size' ? (a: LsEntry, b: LsEntry) => (b.st?.size ?? 0) - (a.st?.size ?? 0) || byName(a, b)
    : byName;
  entries.sort(o.reverse ? (a, b) => cmp(b, a) : cmp);
}

const isDev = (st: Stat) => st.type === 'chr' || st.type === 'blk';

/** `total N` of a directory: st_blocks summed, in 1K units (or -h), rounded up. */
export function totalLine(entries: readonly LsEntry[], o: LsOptions): string {
  const blocks = entries.reduce((n, e) => n + (e.st?.blocks ?? 0), 0);
  return `total ${o.human ? humanReadable(blocks, HUMAN_H, 512, 1) : humanReadable(blocks, 0, 512, 1024)}\n`;
}

export function formatEntries(entries: readonly LsEntry[], o: LsOptions, ids: IdNames | null, nowNs: number): string {
  const inoW = o.inode ? Math.max(0, ...entries.map((e) => String(e.st?.ino ?? e.ino).length)) : 0;
  const lines: string[] = [];
  if (!o.long && o.columns !== undefined) {
    return formatColumns(entries.map((e) => (o.inode ? `${String(e.st?.ino ?? e.ino).padStart(inoW)} ${e.name}` : e.name)), o.columns);
  }
  if (!o.long) {
    for (const e of entries) lines.push(o.inode ? `${String(e.st?.ino ?? e.ino).padStart(inoW)} ${e.name}\n` : `${e.name}\n`);
    return lines.join('');
  }
  const userName = (st: Stat) => (o.numeric ? undefined : ids?.user(st.uid));
  const groupName = (st: Stat) => (o.numeric ? undefined : ids?.group(st.gid));
  const user = (st: Stat) => userName(st) ?? String(st.uid);
  const group = (st: Stat) => groupName(st) ?? String(st.gid);
  // A name is left-aligned, a bare number (no such user) right-aligned, as format_user_or_group.
  const col = (name: string | undefined, id: number, w: number) => (name === undefined ? String(id).padStart(w) : name.padEnd(w));
  const size = (st: Stat) => (o.human ? humanReadable(st.size, HUMAN_H) : String(st.size));
  let nlinkW = 0;
  let userW = 0;
  let groupW = 0;
  let majW = 0;
  let minW = 0;
  let sizeW = 0;
  for (const e of entries) {
    const st = e.st;
    if (!st) continue;
    nlinkW = Math.max(nlinkW, String(st.nlink).length);
    userW = Math.max(userW, user(st).length);
    groupW = Math.max(groupW, group(st).length);
    if (isDev(st)) {
      majW = Math.max(majW, String(st.rdev.major).length);
      minW = Math.max(minW, String(st.rdev.minor).length);
      sizeW = Math.max(sizeW, majW + 2 + minW);
    } else sizeW = Math.max(sizeW, size(st).length);
  }
  for (const e of entries) {
    const st = e.st;
    const ino = o.inode ? `${String(st?.ino ?? e.ino).padStart(inoW)} ` : '';
    if (!st) {
      lines.push(`${ino}${'?'.repeat(10)} ${'?'.padStart(nlinkW)} ${'?'.padEnd(userW)} ${'?'.padEnd(groupW)} ${'?'.padStart(sizeW)} ${'?'.padStart(12)} ${e.name}\n`);
      continue;
    }
    const sz = isDev(st) ? `${String(st.rdev.major).padStart(majW + Math.max(0, sizeW - (majW + 2 + minW)))}, ${String(st.rdev.minor).padStart(minW)}` : size(st).padStart(sizeW);
    const link = st.type === 'lnk' && e.link !== undefined ? ` -> ${e.link}` : '';
    lines.push(`${ino}${modeString(st)} ${String(st.nlink).padStart(nlinkW)} ${col(userName(st), st.uid, userW)} ${col(groupName(st), st.gid, groupW)} ${sz} ${lsTime(st.mtimeNs, nowNs)} ${e.name}${link}\n`);
  }
  return lines.join('');
}
