// coreutils' mode_compile + mode_adjust (lib/modechange.c): an octal mode, or comma-separated
// `[ugoa]*([-+=]([rwxXst]*|[ugo]))+` clauses, applied to a file's current mode (chmod) or to a
// new one's (mkdir -m).

const SUID_SGID = 0o6000;
const ALL = 0o7777;
const WHO: Record<string, number> = { u: 0o4700, g: 0o2070, o: 0o1007, a: ALL };

/**
 * `base`: the mode the clauses change; `umask` masks what clauses that name nobody (`+x`, `=r`)
 * set; `isDir`: X means execute for directories, or where some execute bit is set already, and a
 * directory keeps its set-user-ID and set-group-ID bits unless the mode names them (`00755` or
 * `g-s` clear them, `755` does not).
 */
export function applyMode(spec: string, base: number, umask: number, isDir: boolean): number | null {
  const octal = /^[0-7]{1,5}$/.exec(spec);
  if (octal) {
    const value = parseInt(spec, 8);
    if (value > ALL) return null;
    const keep = isDir && spec.length < 5 ? base & SUID_SGID & ~value : 0;
    return value | keep;
  }
  let mode = base;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)((?:[-+=](?:[ugo]|[rwxXst]*))+)$/.exec(clause);
    if (!m) return null;
    const named = [...m[1]!].reduce((w, c) => w | WHO[c]!, 0);
    const who = named || ALL & ~umask;
    for (const op of m[2]!.match(/[-+=](?:[ugo]|[rwxXst]*)/g)!) {
      const perm = op.slice(1);
      let bits = 0;
      if (/^[ugo]$/.test(perm)) {
        // A copy (`g=u`): that class's current rwx, for every class the clause names.
        const shift = perm === 'u' ? 6 : perm === 'g' ? 3 : 0;
        bits = ((mode >> shift) & 7) * 0o111;
      } else {
        for (const c of perm) {
          if (c === 'X' && !isDir && (mode & 0o111) === 0) continue;
          bits |= c === 'r' ? 0o444 : c === 'w' ? 0o222 : c === 'x' || c === 'X' ? 0o111 : c === 's' ? SUID_SGID : 0o1000;
        }
      }
      bits &= who;
      if (op[0] === '+') mode |= bits;
      else if (op[0] === '-') mode &= ~bits;
      else {
        // `=` clears what the clause names (everything when it names nobody), except a
        // directory's set-ID bits when the clause does not mention them.
        let cleared = named || ALL;
        if (isDir && !perm.includes('s')) cleared &= ~SUID_SGID;
        mode = (mode & ~cleared) | bits;
      }
    }
  }
  return mode;
}
