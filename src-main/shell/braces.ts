// Brace expansion ({a,b}, {1..10}, {a..e}, {01..10..2}) of the plain text of a word.

import type { Word, WordPart } from './ast';

/**
 * The words a word becomes. Braces are expanded inside each unquoted text part on its own;
 * a brace pair split across quoting or an expansion stays literal.
 */
export function expandBraces(w: Word): Word[] {
  const idx = w.parts.findIndex((p) => p.t === 'lit' && p.v.includes('{'));
  if (idx < 0) return [w];
  const lit = w.parts[idx] as { t: 'lit'; v: string };
  const alts = expandBraceText(lit.v);
  if (!alts) return [w];
  const rest: Word = { parts: w.parts.slice(idx + 1) };
  const head = w.parts.slice(0, idx);
  const out: Word[] = [];
  for (const alt of alts) {
    for (const tail of expandBraces(rest)) {
      const parts: WordPart[] = [...head];
      if (alt) parts.push({ t: 'lit', v: alt });
      parts.push(...tail.parts);
      out.push({ parts });
    }
  }
  return out;
}

/** All strings a text expands to, or null when it holds no valid brace expression. */
export function expandBraceText(s: string): string[] | null {
  for (let open = s.indexOf('{'); open >= 0; open = s.indexOf('{', open + 1)) {
    if (open > 0 && s[open - 1] === '$') continue;
    const close = matchingBrace(s, open);
    if (close < 0) return null;
    const inner = s.slice(open + 1, close);
    const items = sequence(inner) ?? commaItems(inner);
    if (!items) continue;
    const prefix = s.slice(0, open);
    const suffixes = expandBraceText(s.slice(close + 1)) ?? [s.slice(close + 1)];
    const out: string[] = [];
    for (const item of items) {
      const inners = expandBraceText(item) ?? [item];
      for (const i of inners) for (const suf of suffixes) out.push(prefix + i + suf);
    }
    return out;
  }
  return null;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function commaItems(inner: string): string[] | null {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      items.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  if (items.length === 0) return null;
  items.push(inner.slice(start));
  return items;
}

function sequence(inner: string): string[] | null {
  const num = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(inner);
  if (num) {
    const [a, b] = [Number(num[1]), Number(num[2])];
    const step = Math.abs(Number(num[3] ?? 1)) || 1;
    const width = /^-?0\d/.test(num[1]!) || /^-?0\d/.test(num[2]!) ? Math.max(num[1]!.length, num[2]!.length) : 0;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
      const digits = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0');
      out.push((v < 0 ? '-' : '') + digits);
    }
    return out;
  }
  const chr = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(inner);
  if (chr) {
    const [a, b] = [chr[1]!.charCodeAt(0), chr[2]!.charCodeAt(0)];
    const step = Math.abs(Number(chr[3] ?? 1)) || 1;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) out.push(String.fromCharCode(v));
    return out;
  }
  return null;
}
