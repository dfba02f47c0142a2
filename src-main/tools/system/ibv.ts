// ibv_devices and ibv_devinfo from rdma-core 44 (libibverbs/examples/device_list.c, devinfo.c).
// ibv_devinfo opens the device like the real one, so it holds a uverbs context while it runs.
import { defineTool, type ToolRun } from '../tool';
import { HCA, NODE_GUID, PORT, deviceName, guidStr, odpCaps } from './hca';
import { verboseDevice, verbosePort } from './ibv-verbose';

const tab = (n: number) => '\t'.repeat(n);
const PORT_STATE: Record<number, string> = { 1: 'PORT_DOWN', 2: 'PORT_INIT', 3: 'PORT_ARMED', 4: 'PORT_ACTIVE' };
const MTU: Record<number, string> = { 1: '256', 2: '512', 3: '1024', 4: '2048', 5: '4096' };

export const ibvDevices = defineTool({
  name: 'ibv_devices',
  summary: 'list RDMA devices',
  help: `Usage: ibv_devices
List the RDMA devices of the host and their node GUIDs.
`,
  async run(t) {
    const name = deviceName(t.host);
    await t.out(`    ${'device'.padEnd(16)}\t   node GUID\n    ${'------'.padEnd(16)}\t----------------\n`);
    await t.out(`    ${name.padEnd(16)}\t${NODE_GUID.toString(16).padStart(16, '0')}\n`);
    return 0;
  },
});

function hcaText(t: ToolRun, verbose: boolean, port: number): string {
  const guid = guidStr(NODE_GUID);
  let s = `hca_id:\t${deviceName(t.host)}\n`;
  s += `\ttransport:\t\t\tInfiniBand (0)\n\tfw_ver:\t\t\t\t${HCA.fw}\n`;
  s += `\tnode_guid:\t\t\t${guid}\n\tsys_image_guid:\t\t\t${guid}\n`;
  s += `\tvendor_id:\t\t\t0x${HCA.vendorId.toString(16).padStart(4, '0')}\n\tvendor_part_id:\t\t\t${HCA.vendorPartId}\n`;
  s += `\thw_ver:\t\t\t\t0x${HCA.hwVer.toString(16).toUpperCase()}\n\tboard_id:\t\t\t${HCA.boardId}\n`;
  s += `\tphys_port_cnt:\t\t\t${HCA.ports}\n`;
  if (verbose) s += verboseDevice(odpCaps(t.host));
  for (let p = 1; p <= HCA.ports; p++) {
    if (port && p !== port) continue;
    s += `${tab(2)}port:\t${p}\n`;
    s += `${tab(3)}state:\t\t\t${PORT_STATE[PORT.state]} (${PORT.state})\n`;
    s += `${tab(3)}max_mtu:\t\t${MTU[PORT.maxMtu]} (${PORT.maxMtu})\n`;
    s += `${tab(3)}active_mtu:\t\t${MTU[PORT.activeMtu]} (${PORT.activeMtu})\n`;
    s += `${tab(3)}sm_lid:\t\t\t${PORT.smLid}\n${tab(3)}port_lid:\t\t${PORT.lid}\n`;
    s += `${tab(3)}port_lmc:\t\t0x${PORT.lmc.toString(16).padStart(2, '0')}\n${tab(3)}link_layer:\t\tInfiniBand\n`;
    if (verbose) s += verbosePort();
    s += '\n';
  }
  return s;
}

const USAGE = (argv0: string) => `Usage: ${argv0}             print the ca attributes

Options:
  -d, --ib-dev=<dev>     use IB device <dev> (default first device found)
  -i, --ib-port=<port>   use port <port> of IB device (default all ports)
  -l, --list             print only the IB devices names
  -v, --verbose          print all the attributes of the IB device(s)
`;

export const ibvDevinfo = defineTool({
  name: 'ibv_devinfo',
  summary: 'query RDMA devices',
  help: USAGE('ibv_devinfo'),
  async run(t) {
    let verbose = false;
    let dev: string | undefined;
    let port = 0;
    const args = [...t.args];
    const bad = async (msg: string) => {
      await t.err(`${t.argv[0]}: ${msg}\n`);
      await t.out(USAGE(t.argv[0]!));
      return 255;
    };
    while (args.length) {
      const a = args.shift()!;
      const val = (short: string, long: string): string | null => {
        if (a === short || a === long) return args.shift() ?? null;
        if (a.startsWith(`${long}=`)) return a.slice(long.length + 1);
        return a.slice(2);
      };
      if (a === '-v' || a === '--verbose') verbose = true;
      else if (a === '-l' || a === '--list') {
        await t.out(`1 HCA found:\n\t${deviceName(t.host)}\n\n`);
        return 0;
      } else if (a.startsWith('-d') || a.startsWith('--ib-dev')) {
        const v = val('-d', '--ib-dev');
        if (v === null) return bad("option requires an argument -- 'd'");
        dev = v;
      } else if (a.startsWith('-i') || a.startsWith('--ib-port')) {
        const v = val('-i', '--ib-port');
        if (v === null) return bad("option requires an argument -- 'i'");
        port = Number.parseInt(v, 10) || 0;
        if (port <= 0) {
          await t.out(USAGE(t.argv[0]!));
          return 1;
        }
      } else if (a.startsWith('--')) return bad(`unrecognized option '${a}'`);
      else return bad(`invalid option -- '${a[1] ?? ''}'`);
    }
    if (dev !== undefined && dev !== deviceName(t.host)) {
      await t.err(`IB device '${dev}' wasn't found\n`);
      return 255;
    }
    // ibv_open_device() + ibv_query_device_ex(): a context on uverbs0 for as long as it queries.
    const ctx = t.sys.ibv_open_device(deviceName(t.host));
    if (!ctx.ok) {
      await t.err('Failed to open device\n');
      return 1;
    }
    if (port > HCA.ports) {
      await t.err('Invalid port requested for device\n');
      await t.settle(t.sys.ibv_close_device(ctx.value));
      return 4;
    }
    await t.out(hcaText(t, verbose, port));
    await t.settle(t.sys.ibv_close_device(ctx.value));
    return 0;
  },
});
