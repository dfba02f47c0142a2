// coreutils' mode_compile + mode_adjust: an octal mode, or `[ugoa]*[-+=][rwxXst]*` clauses
// separated by commas, applied to a file's current mode (chmod) or a new one's (mkdir -m).

/**
 * `base`: the mode the clauses change; `umask` filters clauses that name nobody (`+x`);
 * `isDir`: X sets execute bits for directories, or where some execute bit is set already.
 */
export function applyMode(spec: string, base: number, umask: number, isDir: boolean): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = base;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) return null;
    const who = m[1] === '' ? 0o7777 & ~umask : [...m[1]!].reduce((w, c) => w | (c === 'u' ? 0o4700 : c === 'g' ? 0o2070 : c === 'o' ? 0o1007 : 0o7777), 0);
    let bits = 0;
    for (const c of m[3]!) {
      if (c === 'X' && !isDir && (mode & 0o111) === 0) continue;
      bits |= c === 'r' ? 0o444 : c === 'w' ? 0o222 : c === 'x' || c === 'X' ? 0o111 : c === 's' ? 0o6000 : 0o1000;
    }
    bits &= who;
    mode = m[2] === '+' ? mode | bits : m[2] === '-' ? mode & ~bits : (mode & ~who) | bits;
  }
  return mode;
}
