// `ndctl list` (ndctl 76, ndctl/list.c and ndctl/json.c) on a 5.3 kernel's sysfs: namespaces by
// default, -R regions (with their namespaces when -N is given too), -D dimms, -X device-dax.
import type { ToolRun } from '../tool';
import { REGIONS, displayArray, hexval, jsonPretty, present, size, type Json, type Region } from './pmem';
import { ndTool, parseNd, usageText, type NdOpt } from './ndopts';
import { daxRegionJson } from './daxctl';

const OPTS: readonly NdOpt[] = [
  { short: 'r', long: 'region', kind: 'string', argh: 'region-id', help: 'filter by region' },
  { short: 'd', long: 'dimm', kind: 'string', argh: 'dimm-id', help: 'filter by dimm' },
  { short: 'n', long: 'namespace', kind: 'string', argh: 'namespace-id', help: 'filter by namespace id' },
  { short: 'm', long: 'mode', kind: 'string', argh: 'namespace-mode', help: 'filter by namespace mode' },
  { short: 'D', long: 'dimms', kind: 'bool', help: 'include dimm info' },
  { short: 'R', long: 'regions', kind: 'bool', help: 'include region info' },
  { short: 'N', long: 'namespaces', kind: 'bool', help: 'include namespace info (default)' },
  { short: 'X', long: 'device-dax', kind: 'bool', help: 'include device-dax info' },
  { short: 'i', long: 'idle', kind: 'bool', help: 'include idle devices' },
  { short: 'u', long: 'human', kind: 'bool', help: 'use human friendly number formats ' },
  { short: 'v', long: 'verbose', kind: 'incr', help: 'increase output detail' },
];
const USAGE = 'ndctl list [<options>]';
const NO_COMMAND =
  "\n usage: ndctl [--version] [--help] COMMAND [ARGS]\n\n\n See 'ndctl help COMMAND' for more information on a specific command.\n ndctl --list-cmds to see all available commands\n\n";
/** util_nsmode(): the names a mode filter accepts. */
const MODES: Record<string, string> = { fsdax: 'fsdax', memory: 'fsdax', devdax: 'devdax', dax: 'devdax', sector: 'sector', safe: 'sector', raw: 'raw' };

interface Flags {
  human: boolean;
  verbose: boolean;
  dax: boolean;
}

/** util_namespace_to_json(). */
function namespaceJson(r: Region, f: Flags): Json {
  const ns = r.ns;
  const o: Record<string, Json> = { dev: ns.dev, mode: ns.mode, map: 'dev', size: size(ns.size, f.human), uuid: ns.uuid };
  if (ns.mode === 'devdax') {
    if (f.dax) o.daxregion = daxRegionJson(r, { human: f.human, devices: true, path: false });
    else if (ns.chardev) o.chardev = ns.chardev;
  } else o.sector_size = 512;
  o.align = ns.align;
  if (ns.blockdev) o.blockdev = ns.blockdev;
  if (f.verbose) Object.assign(o, { numa_node: 0, target_node: 0 });
  return o;
}

/** region_to_json(); a 5.3 kernel has no region `align` attribute, so that key is absent. */
function regionJson(r: Region, f: Flags, dimms: boolean): Record<string, Json> {
  const o: Record<string, Json> = {
    dev: r.dev,
    size: size(r.size, f.human),
    available_size: size(0, f.human),
    max_available_extent: size(0, f.human),
    type: 'pmem',
  };
  if (f.verbose) Object.assign(o, { numa_node: 0, target_node: 0 });
  o.iset_id = hexval(r.isetId, f.human);
  if (dimms) o.mappings = [{ dimm: r.dimm.dev, offset: hexval(0, f.human), length: hexval(r.size, f.human), position: 0 }];
  o.persistence_domain = 'unknown';
  return o;
}

function dimmJson(r: Region, f: Flags): Json {
  return { dev: r.dimm.dev, id: r.dimm.id, handle: hexval(r.dimm.handle, f.human), phys_id: hexval(0, f.human) };
}

async function list(t: ToolRun, args: readonly string[]): Promise<number> {
  const v = await parseNd(t, USAGE, OPTS, args);
  if (typeof v === 'number') return v;
  let { regions, namespaces, dimms } = { regions: !!v.regions, namespaces: !!v.namespaces, dimms: !!v.dimms };
  let dax = !!v['device-dax'];
  const verbose = Number(v.verbose ?? 0);
  if (!regions && !namespaces && !dimms) {
    regions = v.region !== undefined;
    dimms = v.dimm !== undefined;
  }
  if (verbose >= 2) regions = dimms = true;
  if (verbose >= 1) namespaces = dax = true;
  if (!regions && !namespaces && !dimms) namespaces = true;
  const f: Flags = { human: !!v.human, verbose: verbose > 0, dax };
  const modeArg = v.mode ?? (dax && !v.namespaces && !v.regions && !v.dimms ? 'dax' : undefined);
  const mode = modeArg === undefined ? undefined : (MODES[String(modeArg)] ?? String(modeArg));

  const jd: Json[] = [];
  const jr: Json[] = [];
  const jn: Json[] = [];
  for (const r of REGIONS) {
    if (v.region !== undefined && v.region !== r.dev && v.region !== String(r.id)) continue;
    if (v.dimm !== undefined && v.dimm !== r.dimm.dev) continue;
    if (dimms) jd.push(dimmJson(r, f));
    const nsOk =
      namespaces && present(t, r.ns) && (v.namespace === undefined || v.namespace === r.ns.dev) && (mode === undefined || mode === r.ns.mode);
    if (regions) {
      const o = regionJson(r, f, dimms);
      if (nsOk) o.namespaces = [namespaceJson(r, f)];
      jr.push(o);
    } else if (nsOk) jn.push(namespaceJson(r, f));
  }
  const parts = [jd.length > 0, jr.length > 0, jn.length > 0].filter(Boolean).length;
  if (parts > 1) {
    const platform: Record<string, Json> = {};
    if (jd.length) platform.dimms = jd;
    if (jr.length) platform.regions = jr;
    if (jn.length) platform.namespaces = jn;
    await t.out(`${jsonPretty(platform)}\n`);
  } else await t.out(displayArray(jd.length ? jd : jr.length ? jr : jn, f.human));
  return 0;
}

export const ndctl = ndTool({
  name: 'ndctl',
  summary: 'Manage "libnvdimm" subsystem devices (Non-volatile Memory)',
  noCommand: NO_COMMAND,
  usage: usageText(USAGE, OPTS),
  list,
});

