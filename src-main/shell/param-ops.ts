// The operators of ${name OP word}: defaults, assignment, errors, pattern removal and replacement, substrings, case.

import type { ParamPart } from './ast';
import { ExpansionError, type Expander } from './expand';
import { patternRegex, patternSource } from './glob';

export async function applyParamOp(
  ex: Expander,
  p: ParamPart,
  name: string,
  value: string | undefined,
  list: string[] | null,
): Promise<string> {
  const op = p.op!;
  const arg = p.arg ?? [];
  const colon = op.length === 2 && op.startsWith(':');
  const missing = value === undefined || (colon && value === '');
  switch (op) {
    case ':-': case '-':
      return missing ? ex.string(arg) : value!;
    case ':+': case '+':
      return missing ? '' : ex.string(arg);
    case ':=': case '=': {
      if (!missing) return value!;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || p.index) throw new ExpansionError(`$${name}: cannot assign in this way`);
      const v = await ex.string(arg);
      ex.assign(name, v);
      return v;
    }
    case ':?': case '?': {
      if (!missing) return value!;
      const msg = arg.length ? await ex.string(arg) : value === undefined && !colon ? 'parameter not set' : 'parameter null or not set';
      throw new ExpansionError(`${name}: ${msg}`);
    }
  }
  const items = list ?? [value ?? ''];
  let mapped: string[];
  switch (op) {
    case '#': case '##': case '%': case '%%': {
      const pat = await ex.pattern(arg);
      mapped = items.map((s) => removeAffix(s, pat, op));
      break;
    }
    case '/': case '//': case '/#': case '/%': {
      const pat = await ex.pattern(arg);
      const rep = p.arg2 ? await ex.string(p.arg2) : '';
      mapped = items.map((s) => replace(s, pat, rep, op));
      break;
    }
    case ':': {
      const offset = Number(await ex.arith(arg));
      const length = p.arg2 ? Number(await ex.arith(p.arg2)) : undefined;
      if (list) {
        // For $@ the offset counts from $0: ${@:1} is all of them.
        const all = p.name === '@' || p.name === '*' ? [ex.argv0(), ...list] : list;
        const start = offset < 0 ? Math.max(0, all.length + offset) : offset;
        if (p.name === '@' || p.name === '*') return all.slice(start, length === undefined ? undefined : start + length).join(' ');
        return list.slice(start, length === undefined ? undefined : start + length).join(' ');
      }
      return substring(value ?? '', offset, length);
    }
    case '^^': mapped = items.map((s) => s.toUpperCase()); break;
    case ',,': mapped = items.map((s) => s.toLowerCase()); break;
    case '^': mapped = items.map((s) => s.charAt(0).toUpperCase() + s.slice(1)); break;
    case ',': mapped = items.map((s) => s.charAt(0).toLowerCase() + s.slice(1)); break;
    default:
      throw new ExpansionError(`\${${name}${op}}: bad substitution`);
  }
  return mapped.join(' ');
}

function removeAffix(s: string, pat: string, op: string): string {
  const re = patternRegex(pat);
  const n = s.length;
  if (op === '#') {
    for (let i = 0; i <= n; i++) if (re.test(s.slice(0, i))) return s.slice(i);
  } else if (op === '##') {
    for (let i = n; i >= 0; i--) if (re.test(s.slice(0, i))) return s.slice(i);
  } else if (op === '%') {
    for (let i = n; i >= 0; i--) if (re.test(s.slice(i))) return s.slice(0, i);
  } else {
    for (let i = 0; i <= n; i++) if (re.test(s.slice(i))) return s.slice(0, i);
  }
  return s;
}

function replace(s: string, pat: string, rep: string, op: string): string {
  if (pat === '') return s;
  const src = patternSource(pat);
  const re = new RegExp(op === '/#' ? `^(?:${src})` : op === '/%' ? `(?:${src})$` : src, op === '//' ? 'g' : '');
  return s.replace(re, () => rep);
}

function substring(s: string, offset: number, length: number | undefined): string {
  const chars = [...s];
  const start = offset < 0 ? Math.max(0, chars.length + offset) : offset;
  if (length === undefined) return chars.slice(start).join('');
  const end = length < 0 ? chars.length + length : start + length;
  if (end < start) throw new ExpansionError(`${length}: substring expression < 0`);
  return chars.slice(start, end).join('');
}
