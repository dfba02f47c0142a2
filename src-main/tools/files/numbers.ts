// Number arguments as coreutils' xdectoumax and util-linux's strtosize read them.

const POW: Record<string, number> = { K: 1, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8 };

/**
 * coreutils counts (head/tail -n/-c, dd): digits then an optional multiplier, `b` 512, `K`/`KiB`
 * 1024, `kB`/`KB` 1000, and so on up to Y; `units` lists the single-letter units the tool also
 * takes (dd adds `c` 1 and `w` 2). Null when the text is not such a number.
 */
export function parseCount(s: string, units = 'b'): number | null {
  const m = /^(\d+)(?:([bcw])|([kKmMGTPEZY])(iB|B)?)?$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  if (m[2]) return units.includes(m[2]) ? n * (m[2] === 'b' ? 512 : m[2] === 'w' ? 2 : 1) : null;
  if (!m[3]) return n;
  const p = POW[m[3].toUpperCase()]!;
  return n * (m[4] === 'B' ? 1000 ** p : 1024 ** p);
}

/** util-linux strtosize(): `4096`, `4K`, `4KiB` (1024), `4KB` (1000), `1.5M`, case-insensitive letters. */
export function strtosize(s: string): number | null {
  const m = /^(\d+)(?:\.(\d+))?(?:([KMGTPEZYkmgtpezy])(iB|ib|B|b)?)?$/.exec(s);
  if (!m) return null;
  if (m[2] && !m[3]) return null;
  const base = m[4] === 'B' || m[4] === 'b' ? 1000 : 1024;
  const unit = m[3] ? base ** POW[m[3].toUpperCase()]! : 1;
  const frac = m[2] ? Math.floor(Number(`0.${m[2]}`) * unit) : 0;
  return Number(m[1]) * unit + frac;
}

/** xfsprogs cvtnum(): strtoll base 0 (`4096`, `0x1000`, `010` octal) and one unit letter. */
export function cvtnum(s: string, blocksize = 4096, sectsize = 512): number | null {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)(.*)$/.exec(s);
  if (!m) return null;
  const digits = m[2]!;
  const n = (m[1] === '-' ? -1 : 1) * (/^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits.startsWith('0') ? parseInt(digits, 8) : Number(digits));
  const unit = m[3]!;
  if (unit === '') return n;
  if (unit.length !== 1) return null;
  const mult: Record<string, number> = { b: blocksize, s: sectsize, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50, e: 2 ** 60 };
  const f = mult[unit.toLowerCase()];
  return f === undefined ? null : n * f;
}
