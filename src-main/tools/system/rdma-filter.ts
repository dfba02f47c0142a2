// rdma's `KEY VALUE` filters (rdma/utils.c rd_build_filter, rd_check_is_filtered): numbers,
// comma lists and open ranges a-b; `dev`/`link` name the device instead.
import type { ToolRun } from '../tool';

export interface Filters {
  dev?: string;
  readonly nums: ReadonlyArray<readonly [key: string, spec: string]>;
}

/** Filters that take names rather than numbers (qp type, states, addresses). */
const STRING_KEYS = new Set(['poll-ctx', 'type', 'path-mig-state', 'state', 'qp-type', 'ps', 'dev-type', 'transport-type', 'src-addr', 'dst-addr']);

/** A key matches any valid filter name it is a prefix of (strcmpx). */
const prefixOf = (key: string, name: string) => key.length <= name.length && name.startsWith(key);

export async function buildFilters(t: ToolRun, args: readonly string[], valid: readonly string[]): Promise<Filters | null> {
  const nums: Array<[string, string]> = [];
  let dev: string | undefined;
  if (args.length === 1) {
    await t.err(`No filter data was supplied to filter option ${args[0]}\n`);
    return null;
  }
  if (args.length % 2) {
    await t.err('There is filter option without data\n');
    return null;
  }
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]!;
    const value = args[i + 1]!;
    const name = valid.find((v) => prefixOf(key, v));
    if (!name) {
      await t.err(`Unsupported filter option: ${key}\n`);
      return null;
    }
    if (name === 'dev' || name === 'link') {
      dev = value.split('/')[0]!;
      continue;
    }
    if (STRING_KEYS.has(name)) continue; // only objects this host never has (QPs, CQs, CM IDs) use them
    if (!/^[0-9,-]*$/.test(value)) {
      await t.err(`${key} filter accepts "1234567890,-" characters only\n`);
      return null;
    }
    nums.push([name, value]);
  }
  return dev === undefined ? { nums } : { dev, nums };
}

/** rd_check_is_filtered(): does `spec` (n | a,b | a-b | mixes) leave `val` out? */
function excluded(spec: string, val: number): boolean {
  let left = 0;
  let range = false;
  let cur = 0;
  for (let i = 0; i < spec.length; ) {
    const m = /^\d+/.exec(spec.slice(i));
    if (m) {
      cur = Number(m[0]);
      if (cur === val || (range && left < val && val < cur)) return false;
      range = false;
      i += m[0].length;
    } else {
      if (spec[i] === '-') {
        left = cur;
        range = true;
      }
      i++;
    }
  }
  return true;
}

/**
 * True when an object is filtered out. `vals` holds the attributes the tool checks for this object
 * type; an attribute the kernel did not send (undefined) filters out whenever its key was asked for.
 */
export function isFiltered(f: Filters, vals: Readonly<Record<string, number | undefined>>): boolean {
  for (const [key, spec] of f.nums) {
    if (!(key in vals)) continue;
    const v = vals[key];
    if (v === undefined || excluded(spec, v >>> 0)) return true;
  }
  return false;
}
