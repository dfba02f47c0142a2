// The plain words of an explanation: each design in one sentence, lease kinds, page ranges, sizes.
import type { Lease } from '../lease/lease';

/** What each design of kernel.md §4 means for a truncate, as an admin needs to hear it. */
export const DESIGNS: Readonly<Record<string, string>> = {
  'rfc-v2':
    "a DAX file's pages can be pinned only under an exclusive layout lease (F_LAYOUT|F_EXCLUSIVE), and while such a lease exists — even after its holder closed the file — truncate, hole punch and copy-on-write of the file fail at once with ETXTBSY",
  'longterm-disabled': 'long-term pins of DAX file pages are refused (EOPNOTSUPP), so nothing on a DAX file is pinned; only leases can stand in the way',
  'legacy-hang': 'pins need no lease, and a truncate or hole punch over pinned DAX pages waits (it hangs) until the pins are gone',
  'close-blocks': 'as rfc-v2, and the last close of a leased file whose pages are pinned blocks until the pins go',
  'fs-reject': 'the filesystem refuses long-term pins where its configuration is unsafe (reflink, shared extents), and truncate of a pinned file fails with ETXTBSY',
  immutable: "pins are allowed only on a file whose block map is sealed (xfs_io -c seal, or a MAP_DIRECT mapping), and while it is sealed every block-map change fails with ETXTBSY",
};

export function leaseKind(lease: Lease): string {
  if (lease.layout) return lease.exclusive ? 'exclusive layout lease' : 'layout lease (breakable)';
  return lease.level === 'WRITE' ? 'write lease' : 'read lease';
}

/** "pages 0-255" / "page 7" / "pages 0-3, 8-11". */
export function pageRanges(segs: ReadonlyArray<{ first: number; last: number }>): string {
  const parts = segs.map((s) => (s.last - s.first === 1 ? `${s.first}` : `${s.first}-${s.last - 1}`));
  return `${segs.length === 1 && segs[0]!.last - segs[0]!.first === 1 ? 'page' : 'pages'} ${parts.join(', ')}`;
}

/** 1.0 GiB, 64 MiB, 12 KiB, 300 bytes. */
export function size(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  let v = bytes;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}
