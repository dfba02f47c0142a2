// Shell patterns: matching (case, [[ == ]], ${x#pat}) and pathname expansion over a ShellFs.

import type { ShellFs } from './fs';

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: 'A-Za-z0-9_', cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~', graph: '!-~',
};

const cache = new Map<string, RegExp>();

/** Whether a pattern (backslash marks quoted characters) has an unquoted wildcard. */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Escape text so that it matches only itself as a pattern. */
export function quotePattern(s: string): string {
  return s.replace(/[\\*?[\]]/g, '\\$&');
}

/** Remove the backslashes that quote characters in a pattern. */
export function unquotePattern(s: string): string {
  return s.replace(/\\(.)/gs, '$1');
}

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? '\\' + c : c;
}

/** Regular-expression source for a pattern, unanchored. */
export function patternSource(pattern: string): string {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      re += escapeRe(pattern[++i] ?? '\\');
    } else if (c === '*') {
      re += '[\\s\\S]*';
    } else if (c === '?') {
      re += '[\\s\\S]';
    } else if (c === '[') {
      const b = bracket(pattern, i);
      if (b) {
        re += b.re;
        i = b.end;
      } else re += '\\[';
    } else re += escapeRe(c);
  }
  return re;
}

function bracket(p: string, start: number): { re: string; end: number } | null {
  let i = start + 1;
  let neg = false;
  if (p[i] === '!' || p[i] === '^') {
    neg = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < p.length; i++) {
    const c = p[i]!;
    if (c === ']' && !first) return { re: `[${neg ? '^' : ''}${body}]`, end: i };
    first = false;
    if (c === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      const cls = close > 0 ? CLASSES[p.slice(i + 2, close)] : undefined;
      if (cls !== undefined) {
        body += cls;
        i = close + 1;
        continue;
      }
    }
    if (c === '\\') {
      body += escapeRe(p[++i] ?? '\\');
      continue;
    }
    body += c === '-' && p[i + 1] !== ']' && body !== '' ? '-' : escapeRe(c);
  }
  return null;
}

export function patternRegex(pattern: string, flags = ''): RegExp {
  const key = flags + '\0' + pattern;
  let re = cache.get(key);
  if (!re) {
    if (cache.size > 500) cache.clear();
    re = new RegExp('^' + patternSource(pattern) + '$', flags);
    cache.set(key, re);
  }
  return re;
}

export function matchPattern(pattern: string, text: string, nocase = false): boolean {
  return patternRegex(pattern, nocase ? 'i' : '').test(text);
}

/**
 * Pathname expansion of one pattern: matches sorted, hidden names only for patterns that
 * start with a dot; an empty array when nothing matches (the caller keeps the word).
 */
export async function expandPathname(pattern: string, cwd: string, fs: ShellFs): Promise<string[]> {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let paths: string[] = [absolute ? '/' : ''];
  for (let i = absolute ? 1 : 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const last = i === segs.length - 1;
    const next: string[] = [];
    for (const base of paths) {
      const dir = base === '' ? cwd : base;
      const join = (name: string): string => (base === '' ? name : base === '/' ? '/' + name : base + '/' + name);
      if (!hasGlob(seg)) {
        const path = join(unquotePattern(seg));
        if (last || (await isDir(fs, resolve(cwd, path)))) next.push(path);
        continue;
      }
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch {
        continue;
      }
      const re = patternRegex(seg);
      const dots = seg.startsWith('.') || seg.startsWith('\\.');
      for (const name of names) {
        if (name.startsWith('.') && !dots) continue;
        if (re.test(name)) next.push(join(name));
      }
    }
    paths = next;
    if (paths.length === 0) return [];
  }
  if (!hasGlob(pattern)) return [];
  const existing: string[] = [];
  for (const p of paths) if (await exists(fs, resolve(cwd, p))) existing.push(p);
  return existing.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function resolve(cwd: string, p: string): string {
  return p.startsWith('/') ? p : (cwd === '/' ? '' : cwd) + '/' + p;
}

async function isDir(fs: ShellFs, path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).type === 'dir';
  } catch {
    return false;
  }
}

async function exists(fs: ShellFs, path: string): Promise<boolean> {
  try {
    await (fs.lstat ? fs.lstat(path) : fs.stat(path));
    return true;
  } catch {
    return false;
  }
}
