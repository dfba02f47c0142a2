// ndctl list and daxctl list (ndctl 76): json-c pretty printing and the host's NVDIMM topology.
import { describe, expect, it } from 'vitest';
import { sh } from './harness';
import { Human, jsonPretty, size } from '../../../../src-main/tools/system/pmem';

const NS0 = `  {
    "dev":"namespace0.0",
    "mode":"fsdax",
    "map":"dev",
    "size":16909336576,
    "uuid":"0a6a1ff2-9d2e-4c1a-8a04-5c6bd2a5f8d1",
    "sector_size":512,
    "align":2097152,
    "blockdev":"pmem0"
  }`;

describe('json-c printing', () => {
  it('indents by two, puts no space after colons and escapes slashes', () => {
    expect(jsonPretty([{ a: 1, b: { c: '/x"y' }, d: [true] }])).toBe('[\n  {\n    "a":1,\n    "b":{\n      "c":"\\/x\\"y"\n    },\n    "d":[\n      true\n    ]\n  }\n]');
  });

  it('formats sizes the way display_size() does under --human', () => {
    expect(size(4096, true)).toBe(4096);
    expect(size(16909336576, true)).toEqual(new Human('"15.75 GiB (16.91 GB)"'));
    expect(size(64 << 20, true)).toEqual(new Human('"64.00 MiB (67.11 MB)"'));
    expect(size(16909336576, false)).toBe(16909336576);
  });
});

describe('ndctl list', () => {
  it('lists the namespaces by default, newest region first', async () => {
    const { out, status } = await sh('ndctl list');
    expect(status).toBe(0);
    expect(out.endsWith(`},\n${NS0}\n]\n`)).toBe(true);
    expect(out).toContain(
      '  {\n    "dev":"namespace2.0",\n    "mode":"devdax",\n    "map":"dev",\n    "size":16909336576,\n    "uuid":"5b4e1c66-3d0c-4b6e-9a8f-2f7e1c9a0b11",\n    "chardev":"dax2.0",\n    "align":4096\n  },\n',
    );
    expect(JSON.parse(out).map((n: { dev: string }) => n.dev)).toEqual(['namespace2.0', 'namespace1.0', 'namespace0.0']);
  });

  it('nests namespaces under regions with -RN and adds dimms and mappings with -D', async () => {
    const { out } = await sh('ndctl list -RN -r region0; ndctl list -DR --region=0');
    const [a, b] = out.split(/\n(?=[[{])/);
    expect(JSON.parse(a!)).toEqual([
      {
        dev: 'region0', size: 17179869184, available_size: 0, max_available_extent: 0, type: 'pmem', iset_id: 10248187106440278, persistence_domain: 'unknown',
        namespaces: [JSON.parse(NS0)],
      },
    ]);
    expect(a).toContain('"iset_id":10248187106440278,');
    expect(JSON.parse(b!)).toEqual({
      dimms: [{ dev: 'nmem0', id: '8680-56341200', handle: 1, phys_id: 0 }],
      regions: [
        {
          dev: 'region0', size: 17179869184, available_size: 0, max_available_extent: 0, type: 'pmem', iset_id: 10248187106440278,
          mappings: [{ dimm: 'nmem0', offset: 0, length: 17179869184, position: 0 }], persistence_domain: 'unknown',
        },
      ],
    });
  });

  it('prints a lone namespace bare under --human, with daxregion for -X', async () => {
    const { out } = await sh('ndctl list -u -n namespace1.0; ndctl list -X');
    expect(out.startsWith('{\n  "dev":"namespace1.0",\n  "mode":"fsdax",\n  "map":"dev",\n  "size":"15.75 GiB (16.91 GB)",\n')).toBe(true);
    expect(out).toContain('[\n  {\n    "dev":"namespace2.0",\n    "mode":"devdax",\n    "map":"dev",\n    "size":16909336576,\n    "uuid":"5b4e1c66-3d0c-4b6e-9a8f-2f7e1c9a0b11",\n    "daxregion":{\n      "id":2,\n      "size":16909336576,\n      "align":4096,\n      "devices":[\n');
    expect(out.match(/"dev":"namespace/g)).toHaveLength(2);
  });

  it('fails like parse-options on unknown switches and operands', async () => {
    const { out } = await sh('ndctl list -Z; echo "[$?]"; ndctl list extra 2>&1 | head -2; ndctl frob; echo "[$?]"');
    expect(out.startsWith("  Error: unknown switch `Z'\n\n usage: ndctl list [<options>]\n\n    -r, --region <region-id>\n                          filter by region\n")).toBe(true);
    expect(out).toContain('    -R, --regions         include region info\n');
    expect(out).toContain('\n[129]\n  Error: unknown parameter "extra"\n\n');
    expect(out.endsWith("Unknown command: 'frob'\n[1]\n")).toBe(true);
  });

  it('leaves out a namespace whose device node is gone', async () => {
    const { out } = await sh('rm /dev/dax2.0; ndctl list | grep -c namespace; daxctl list; echo "[$?]"');
    expect(out).toBe('2\n[0]\n');
  });
});

describe('daxctl list', () => {
  it('lists the device-dax instance, and its region with -R', async () => {
    const { out } = await sh('daxctl list; daxctl list -R; daxctl list -RD -r 2');
    const dev = '{\n    "chardev":"dax2.0",\n    "size":16909336576,\n    "target_node":0,\n    "mode":"devdax"\n  }';
    const region = '"path":"\\/LNXSYSTM:00\\/LNXSYBUS:00\\/ACPI0012:00\\/ndbus0\\/region2\\/dax2.0",\n    "id":2,\n    "size":16909336576,\n    "align":4096';
    expect(out).toBe(
      `[\n  ${dev}\n]\n[\n  {\n    ${region}\n  }\n]\n[\n  {\n    ${region},\n    "devices":[\n      ${dev.replace(/\n/g, '\n    ')}\n    ]\n  }\n]\n`,
    );
  });
});
