// File modes and types as coreutils shows them: filemodestring() (`-rw-r--r--`) and stat's %F.
import type { Stat } from '../../host';

const TYPE_LETTER: Record<Stat['type'], string> = { reg: '-', dir: 'd', chr: 'c', blk: 'b', lnk: 'l', sock: 's' };

/** coreutils filemodestring without the trailing ACL column: `drwxrwxrwt`, `crw-rw-rw-`. */
export function modeString(st: Pick<Stat, 'type' | 'mode'>): string {
  const m = st.mode;
  const rwx = (shift: number, special: number, on: string, off: string) => {
    const r = m & (4 << shift) ? 'r' : '-';
    const w = m & (2 << shift) ? 'w' : '-';
    const x = m & (1 << shift);
    const s = m & special;
    return r + w + (s ? (x ? on : off) : x ? 'x' : '-');
  };
  return TYPE_LETTER[st.type] + rwx(6, 0o4000, 's', 'S') + rwx(3, 0o2000, 's', 'S') + rwx(0, 0o1000, 't', 'T');
}

/** stat's %F (gnulib file_type). */
export function fileTypeName(st: Pick<Stat, 'type' | 'size'>): string {
  switch (st.type) {
    case 'reg':
      return st.size === 0 ? 'regular empty file' : 'regular file';
    case 'dir':
      return 'directory';
    case 'chr':
      return 'character special file';
    case 'blk':
      return 'block special file';
    case 'lnk':
      return 'symbolic link';
    case 'sock':
      return 'socket';
  }
}

/** `dir/name` as coreutils' attach(): no prefix for `.`, no doubled slash. */
export function joinPath(dir: string, name: string): string {
  if (dir === '.') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}
