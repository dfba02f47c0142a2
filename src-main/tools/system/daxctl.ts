// `daxctl list` (ndctl 76, daxctl/list.c and daxctl/json.c): device-dax instances by default, -R
// their regions. A 5.3 kernel has no per-device `align` attribute, so devices print without it.
import type { ToolRun } from '../tool';
import { REGIONS, daxRegionPath, displayArray, present, size, type Json, type Region } from './pmem';
import { ndTool, parseNd, usageText, type NdOpt } from './ndopts';

const OPTS: readonly NdOpt[] = [
  { short: 'r', long: 'region', kind: 'string', argh: 'region-id', help: 'filter by region' },
  { short: 'd', long: 'dev', kind: 'string', argh: 'dev-id', help: 'filter by dax device instance name' },
  { short: 'D', long: 'devices', kind: 'bool', help: 'include dax device info' },
  { short: 'R', long: 'regions', kind: 'bool', help: 'include dax region info' },
  { short: 'i', long: 'idle', kind: 'bool', help: 'include idle devices' },
  { short: 'u', long: 'human', kind: 'bool', help: 'use human friendly number formats ' },
];
const USAGE = 'daxctl list [<options>]';
const NO_COMMAND =
  "\n usage: daxctl [--version] [--help] COMMAND [ARGS]\n\n\n See 'daxctl help COMMAND' for more information on a specific command.\n daxctl --list-cmds to see all available commands\n\n";

/** The dax regions: the regions whose namespace is in devdax mode and enabled. */
function daxRegions(t: ToolRun): Region[] {
  return REGIONS.filter((r) => r.ns.mode === 'devdax' && present(t, r.ns));
}

export function devJson(r: Region, human: boolean): Json {
  return { chardev: r.ns.chardev ?? '', size: size(r.ns.size, human), target_node: 0, mode: 'devdax' };
}

/** util_daxctl_region_to_json(); `path` is left out when ndctl nests it under a namespace. */
export function daxRegionJson(r: Region, o: { human: boolean; devices: boolean; path: boolean; dev?: string }): Json {
  const j: Record<string, Json> = {};
  if (o.path) j.path = daxRegionPath(r);
  j.id = r.id;
  j.size = size(r.ns.size, o.human);
  j.align = r.ns.align;
  if (o.devices && (o.dev === undefined || o.dev === r.ns.chardev)) j.devices = [devJson(r, o.human)];
  return j;
}

async function list(t: ToolRun, args: readonly string[]): Promise<number> {
  const v = await parseNd(t, USAGE, OPTS, args);
  if (typeof v === 'number') return v;
  let regions = !!v.regions;
  let devices = !!v.devices;
  const regionId = v.region === undefined ? -1 : Number.parseInt(String(v.region).replace(/^region/, ''), 10);
  if (!regions && !devices) {
    regions = regionId >= 0;
    devices = v.dev !== undefined;
  }
  if (!regions && !devices) devices = true;
  const human = !!v.human;
  const dev = v.dev === undefined ? undefined : String(v.dev);
  const jr: Json[] = [];
  const jd: Json[] = [];
  for (const r of daxRegions(t)) {
    if (regionId >= 0 && r.id !== regionId) continue;
    if (regions) jr.push(daxRegionJson(r, { human, devices, path: true, ...(dev === undefined ? {} : { dev }) }));
    else if (dev === undefined || dev === r.ns.chardev) jd.push(devJson(r, human));
  }
  await t.out(displayArray(jr.length ? jr : jd, human));
  return 0;
}

export const daxctl = ndTool({
  name: 'daxctl',
  summary: 'Provides enumeration and provisioning commands for the Linux kernel Device-DAX facility',
  noCommand: NO_COMMAND,
  usage: usageText(USAGE, OPTS),
  list,
});
