// A command's text as bash prints it in job listings and notices (print_cmd.c): blanks collapsed
// and redirections in its own spelling — `2>/dev/null` shows as `2> /dev/null`, `>&2` as `1>&2`.

/** Copies one quoted or escaped piece starting at `i`; returns where it ends. */
function quoted(src: string, i: number): number {
  const c = src[i];
  if (c === '\\') return Math.min(src.length, i + 2);
  if (c === "'") {
    const end = src.indexOf("'", i + 1);
    return end < 0 ? src.length : end + 1;
  }
  if (c === '"') {
    let j = i + 1;
    while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
    return Math.min(src.length, j + 1);
  }
  return i;
}

export function commandString(src: string): string {
  let out = '';
  let i = 0;
  let wordStart = true;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      while (i < src.length && /[ \t\n]/.test(src[i]!)) i++;
      if (out && i < src.length) out += ' ';
      wordStart = true;
      continue;
    }
    const m = c === '<' || c === '>' || c === '&' || (wordStart && /\d/.test(c)) ? /^(\d*)(&>>|<<<|&>|>>|>\||<>|>&|<&|>|<)/.exec(src.slice(i)) : null;
    if (m && (wordStart || !m[1]) && !(m[2] === '<' && src[i + m[0].length] === '<')) {
      if (!wordStart) out += ' ';
      const fd = m[1] ? Number(m[1]) : undefined;
      const op = m[2]!;
      i += m[0].length;
      const input = op.startsWith('<') && op !== '<<<' ? op !== '<>' : op === '<<<';
      const dflt = input ? 0 : 1;
      if ((op === '>&' || op === '<&') && /^(\d+|-)/.test(src.slice(i))) {
        out += `${fd ?? dflt}${op}`;
      } else {
        out += (op.startsWith('&') || fd === undefined || fd === dflt ? '' : String(fd)) + op + ' ';
        while (i < src.length && /[ \t]/.test(src[i]!)) i++;
      }
      wordStart = false;
      continue;
    }
    const end = quoted(src, i);
    out += src.slice(i, end > i ? end : i + 1);
    i = end > i ? end : i + 1;
    wordStart = false;
  }
  return out;
}
