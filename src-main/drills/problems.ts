// Where a scenario file is wrong: from a path inside the parsed YAML to the line and column of
// the node at fault, and from zod's issues to messages that say what was expected.
import { isMap, type Document, type LineCounter, type Node } from 'yaml';
import type { z } from 'zod';
import { discriminatorValues, fieldsAt, optionKeys, valueAt } from './schema-walk';

export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Where in the scenario, e.g. `objectives[1].check.truncate_succeeded`; '' for the whole file. */
  where: string;
  message: string;
}

export type Path = ReadonlyArray<PropertyKey>;

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.where ? `${p.where}: ` : ''}${p.message}`;
}

export function pathText(path: Path): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : `${out ? '.' : ''}${String(k)}`;
  return out;
}

/** Positions of nodes by path; a missing node falls back to its nearest existing ancestor. */
export class Locator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** The node at `path`, or at the key `key` of the mapping there (an unknown or misspelt field). */
  at(path: Path, key?: string): { line: number; column: number } {
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
      if (!node?.range) continue;
      const keyNode = n === path.length && key !== undefined ? keyOf(node, key) : undefined;
      return this.pos((keyNode ?? node).range![0]);
    }
    return { line: 1, column: 1 };
  }

  pos(offset: number): { line: number; column: number } {
    const p = this.lines.linePos(offset);
    return { line: p.line, column: p.col };
  }
}

function keyOf(node: Node, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
  return (pair?.key as Node | undefined) ?? undefined;
}

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : typeof v === 'string' ? `"${v}"` : String(v));

/**
 * Turns zod issues into problems. A union of one-key mappings (predicates, selectors) is reported
 * through the branch whose key the trainer wrote, so the message points inside it.
 */
export function issueProblems(
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  at: (path: Path, key?: string) => { line: number; column: number },
  file: string,
  base: Path = [],
): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    const value = valueAt(data, path);
    const make = (p: Path, message: string, key?: string): Problem => ({ file, ...at(p, key), where: pathText(key === undefined ? p : [...p, key]), message });
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push(make(path, `unknown field "${key}"${expectedKeys(schema, data, path, key)}`, key));
        break;
      case 'invalid_union': {
        const disc = (issue as { discriminator?: string }).discriminator;
        if (disc) {
          // zod reports a bad discriminator at the key itself.
          const at = path[path.length - 1] === disc ? path.slice(0, -1) : path;
          const got = valueAt(data, [...at, disc]);
          out.push(make([...at, disc], `${got === undefined ? 'missing' : `unknown ${describe(got)}`}; expected one of ${discriminatorValues(schema, data, at, disc).join(', ')}`));
          break;
        }
        const branch = chosenBranch(issue.errors, value);
        if (branch) out.push(...issueProblems(schema, branch, data, at, file, path));
        else out.push(make(path, unionMessage(schema, data, path, issue, value)));
        break;
      }
      case 'invalid_type':
        out.push(make(path, value === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}, got ${describe(value)}`));
        break;
      default:
        out.push(make(path, value === undefined ? `missing (${plain(issue.message)})` : plain(issue.message)));
    }
  }
  return out;
}

/** The branch the value was meant for: the only one whose own keys it uses. */
function chosenBranch(errors: readonly (readonly z.core.$ZodIssue[])[], value: unknown): readonly z.core.$ZodIssue[] | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const fitting = errors.filter((b) => !b.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0));
  return fitting.length === 1 ? fitting[0]! : null;
}

function unionMessage(schema: z.ZodType, data: unknown, path: Path, issue: z.core.$ZodIssue, value: unknown): string {
  const keys = optionKeys(schema, data, path);
  const custom = plain(issue.message);
  const expected = custom === 'Invalid input' ? (keys.length > 0 ? `a mapping with one of ${keys.join(', ')}` : 'something else') : custom.replace(/^expected /, '');
  if (value === undefined) return `missing (expected ${expected})`;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && keys.length > 1) {
    const got = Object.keys(value);
    const what = got.length === 0 ? 'an empty mapping' : got.length > 1 ? `several keys (${got.join(', ')})` : `"${got[0]}"${didYouMean(got[0]!, keys)}`;
    return `expected exactly one of ${keys.join(', ')}; got ${what}`;
  }
  return custom === 'Invalid input' ? `unexpected ${describe(value)}` : custom;
}

function expectedKeys(schema: z.ZodType, data: unknown, path: Path, key: string): string {
  const fields = fieldsAt(schema, data, path);
  return fields ? `${didYouMean(key, fields)}; expected one of ${fields.join(', ')}` : '';
}

/** A near miss (one or two letters off) among the names expected. */
function didYouMean(got: string, names: readonly string[]): string {
  const near = names.find((n) => distance(got, n) <= 2);
  return near ? ` (did you mean "${near}"?)` : '';
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** zod's "Invalid input: expected string, received number" → "expected string, received number". */
function plain(message: string): string {
  return message.replace(/^Invalid (input|option): /, '').replace(/^Too (small|big): /, '');
}

