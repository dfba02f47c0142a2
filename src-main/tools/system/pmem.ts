// The host's NVDIMM topology as libndctl/libdaxctl find it in sysfs (kernel.md §2): three 16 GiB
// QEMU NVDIMMs, one region and one namespace each, and the json-c printer ndctl and daxctl use.
import type { ToolRun } from '../tool';

export interface Namespace {
  dev: string;
  mode: 'fsdax' | 'devdax';
  /** Usable size after the struct-page reservation (map=dev). */
  size: number;
  uuid: string;
  align: number;
  blockdev?: string;
  chardev?: string;
}

export interface Region {
  dev: string;
  id: number;
  size: number;
  isetId: number;
  dimm: { dev: string; id: string; handle: number };
  ns: Namespace;
}

const GIB16 = 17179869184;
/** 16 GiB less 256 MiB of struct pages and the 2 MiB-aligned info block: what /mnt/pmem's fs sees. */
export const NS_SIZE = 16909336576;

/** Listed newest first, as libndctl's list_add() of sysfs entries leaves them. */
export const REGIONS: readonly Region[] = [
  {
    dev: 'region2',
    id: 2,
    size: GIB16,
    isetId: 10250386129695830,
    dimm: { dev: 'nmem2', id: '8680-58341200', handle: 3 },
    ns: { dev: 'namespace2.0', mode: 'devdax', size: NS_SIZE, uuid: '5b4e1c66-3d0c-4b6e-9a8f-2f7e1c9a0b11', align: 4096, chardev: 'dax2.0' },
  },
  {
    dev: 'region1',
    id: 1,
    size: GIB16,
    isetId: 10249286618068054,
    dimm: { dev: 'nmem1', id: '8680-57341200', handle: 2 },
    ns: { dev: 'namespace1.0', mode: 'fsdax', size: NS_SIZE, uuid: 'c4f3e2a1-7b6d-4e58-9a0c-1d2e3f4a5b6c', align: 2097152, blockdev: 'pmem1' },
  },
  {
    dev: 'region0',
    id: 0,
    size: GIB16,
    isetId: 10248187106440278,
    dimm: { dev: 'nmem0', id: '8680-56341200', handle: 1 },
    ns: { dev: 'namespace0.0', mode: 'fsdax', size: NS_SIZE, uuid: '0a6a1ff2-9d2e-4c1a-8a04-5c6bd2a5f8d1', align: 2097152, blockdev: 'pmem0' },
  },
];

/** A namespace is enabled when the kernel has its block or char device: look in /dev as udev made it. */
export function present(t: ToolRun, ns: Namespace): boolean {
  return t.sys.stat(`/dev/${ns.blockdev ?? ns.chardev}`).ok;
}

/** The dax region's sysfs path, as daxctl prints it (the /sys/devices prefix trimmed). */
export function daxRegionPath(r: Region): string {
  return `/LNXSYSTM:00/LNXSYBUS:00/ACPI0012:00/ndbus0/${r.dev}/${r.ns.chardev ?? ''}`;
}

/** A value that prints in a special way: util_json_object_size/hex under --human. */
export class Human {
  constructor(readonly text: string) {}
}

export type Json = string | number | boolean | Human | Json[] | { [key: string]: Json };

/** json-c's string escaping, slash included (no JSON_C_TO_STRING_NOSLASHESCAPE). */
function str(s: string): string {
  const esc: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f' };
  return `"${s.replace(/["\\/\n\t\r\b\f]/g, (c) => esc[c]!)}"`;
}

/** json_object_to_json_string_ext(JSON_C_TO_STRING_PRETTY): two spaces, no space after ':'. */
export function jsonPretty(v: Json, level = 0): string {
  const pad = (n: number) => '  '.repeat(n);
  if (v instanceof Human) return v.text;
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (!v.length) return '[\n]';
    return `[\n${v.map((x) => pad(level + 1) + jsonPretty(x, level + 1)).join(',\n')}\n${pad(level)}]`;
  }
  const keys = Object.keys(v);
  if (!keys.length) return '{\n}';
  return `{\n${keys.map((k) => `${pad(level + 1)}${str(k)}:${jsonPretty(v[k]!, level + 1)}`).join(',\n')}\n${pad(level)}}`;
}

/** util_display_json_array(): an array, except that --human prints a lone element bare. */
export function displayArray(items: Json[], human: boolean): string {
  if (!items.length) return '';
  return `${jsonPretty(items.length === 1 && human ? items[0]! : items)}\n`;
}

/** display_size(): bytes, or "16.00 GiB (17.18 GB)" past 5000 KiB under --human. */
export function size(bytes: number, human: boolean): Json {
  if (!human || bytes < 5000 * 1024) return bytes;
  const two = bytes < 2 * 1024 ** 3;
  const c = two ? Math.floor((Math.floor((bytes * 200) / 2 ** 20) + 1) / 2) : Math.floor((Math.floor((bytes * 200) / 2 ** 30) + 1) / 2);
  const d = two ? Math.floor((Math.floor(bytes / 5000) + 1) / 2) : Math.floor((Math.floor(bytes / 5000000) + 1) / 2);
  const fmt = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
  return new Human(`"${fmt(c)} ${two ? 'MiB' : 'GiB'} (${fmt(d)} ${two ? 'MB' : 'GB'})"`);
}

/** display_hex() under --human. */
export function hexval(n: number, human: boolean): Json {
  // printf("%#llx"): no 0x prefix for zero.
  return human ? new Human(`"${n ? `0x${n.toString(16)}` : '0'}"`) : n;
}
