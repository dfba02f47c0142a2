// grep's search of one input: selected lines, context, counts, -o parts and binary files, as GNU
// grep 3.8 prints them.
import { eachLines, type Output, type Source } from './io';

export interface SearchOptions {
  re: RegExp;
  /** The same expression with the g flag, for -o. */
  reAll: RegExp;
  invert: boolean;
  mode: 'lines' | 'count' | 'list' | 'unlisted' | 'quiet';
  only: boolean;
  number: boolean;
  /** -b: the byte offset of each line (of each part with -o). */
  byteOffset: boolean;
  /** -Z: a NUL, not ':' or '-', after the file name. */
  nullName: boolean;
  /** File name prefix (with -H or several files), or null. */
  label: string | null;
  maxCount: number;
  before: number;
  after: number;
  /** Print lines of binary files as text (-a); without-match skips them (-I). */
  binary: 'binary' | 'text' | 'without-match';
  groupSeparator: string | null;
}

export interface SearchResult {
  selected: number;
  /** A binary file whose match is reported as "binary file matches". */
  binaryMatched: boolean;
}

/** Shared across files: a separator goes between context groups, also of different files. */
export interface SearchState {
  printedAny: boolean;
}

export async function searchSource(src: Source, o: SearchOptions, out: Output, state: SearchState): Promise<SearchResult> {
  let selected = 0;
  let lineNo = 0;
  let binary = false;
  let binaryMatched = false;
  let lastPrinted = 0;
  let afterLeft = 0;
  const before: string[] = [];
  const context = o.before > 0 || o.after > 0;
  const printing = o.mode === 'lines';
  const stopEarly = o.mode === 'list' || o.mode === 'unlisted' || o.mode === 'quiet';

  let offset = 0;
  let lineStart = 0;
  const prefix = (n: number, sep: string, at = lineStart) =>
    (o.label !== null ? o.label + (o.nullName ? '\0' : sep) : '') + (o.number ? `${n}${sep}` : '') + (o.byteOffset ? `${at}${sep}` : '');
  /** GNU's `--` between groups of context, also between files. */
  const separate = (n: number) => {
    if (context && state.printedAny && o.groupSeparator !== null && (lastPrinted === 0 || n > lastPrinted + 1)) out.write(o.groupSeparator + '\n');
  };
  const emitLine = (n: number, text: string, sep: string, at = lineStart) => {
    separate(n);
    out.write(prefix(n, sep, at) + text + '\n');
    lastPrinted = n;
    state.printedAny = true;
  };

  let done = false;
  await eachLines(src, async (lines) => {
    const go = batch(lines);
    await out.flush();
    return go;
  });

  function batch(lines: string[]): boolean | undefined {
    if (!binary && o.binary !== 'text') {
      for (const l of lines) if (l.includes('\0')) binary = true;
      if (binary && o.binary === 'without-match') return false;
    }
    for (const line of lines) {
      lineNo++;
      lineStart = offset;
      offset += line.length + 1;
      if (done) {
        // After -m's last match: only trailing context remains.
        if (afterLeft <= 0 || binary) return false;
        emitLine(lineNo, line, '-');
        afterLeft--;
        continue;
      }
      o.re.lastIndex = 0;
      const hit = o.re.test(line) !== o.invert;
      if (!hit) {
        if (!printing || binary) continue;
        if (afterLeft > 0) {
          emitLine(lineNo, line, '-');
          afterLeft--;
        } else if (o.before > 0) {
          before.push(line);
          if (before.length > o.before) before.shift();
        }
        continue;
      }
      selected++;
      if (stopEarly) return false;
      if (printing) {
        if (binary) {
          binaryMatched = true;
          return false;
        }
        const first = lineNo - before.length;
        let at = lineStart - before.reduce((n, b) => n + b.length + 1, 0);
        before.forEach((b, k) => {
          emitLine(first + k, b, '-', at);
          at += b.length + 1;
        });
        before.length = 0;
        if (o.only) {
          if (!o.invert) onlyParts(line, lineNo);
        } else emitLine(lineNo, line, ':');
        afterLeft = o.after;
      }
      if (selected >= o.maxCount) {
        done = true;
        if (!printing || afterLeft <= 0) return false;
      }
    }
    return undefined;
  }

  function onlyParts(line: string, n: number): void {
    const re = o.reAll;
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      separate(n);
      out.write(prefix(n, ':', lineStart + m.index) + m[0] + '\n');
      lastPrinted = n;
      state.printedAny = true;
    }
  }

  return { selected, binaryMatched };
}
