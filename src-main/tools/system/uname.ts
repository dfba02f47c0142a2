// uname(1) from coreutils and hostname(1) from Debian's hostname package. The utsname fields are
// read where the kernel publishes them: /proc/sys/kernel/{ostype,hostname,osrelease,version}.
import { defineTool, type ToolRun } from '../tool';
import { complain, readWhole, usageError } from '../common';

/** The guest is x86_64; the kernel does not publish the machine in procfs. */
const MACHINE = 'x86_64';

async function sysKernel(t: ToolRun, name: string): Promise<string> {
  const r = await readWhole(t, `/proc/sys/kernel/${name}`);
  return r.ok ? r.value.replace(/\n$/, '') : '';
}

const LONG: Record<string, string> = {
  '--all': 'a',
  '--kernel-name': 's',
  '--nodename': 'n',
  '--kernel-release': 'r',
  '--kernel-version': 'v',
  '--machine': 'm',
  '--processor': 'p',
  '--hardware-platform': 'i',
  '--operating-system': 'o',
};

export const uname = defineTool({
  name: 'uname',
  summary: 'print system information',
  help: `Usage: uname [OPTION]...
Print certain system information.  With no OPTION, same as -s.

  -a, --all                print all information, in the following order,
                             except omit -p and -i if unknown:
  -s, --kernel-name        print the kernel name
  -n, --nodename           print the network node hostname
  -r, --kernel-release     print the kernel release
  -v, --kernel-version     print the kernel version
  -m, --machine            print the machine hardware name
  -p, --processor          print the processor type (non-portable)
  -i, --hardware-platform  print the hardware platform (non-portable)
  -o, --operating-system   print the operating system
      --help     display this help and exit
`,
  async run(t) {
    const want = new Set<string>();
    for (const a of t.args) {
      if (LONG[a]) want.add(LONG[a]);
      else if (a.startsWith('--')) return usageError(t, `unrecognized option '${a}'`);
      else if (a.startsWith('-') && a.length > 1) {
        for (const c of a.slice(1)) {
          if (!'asnrvmpio'.includes(c)) return usageError(t, `invalid option -- '${c}'`);
          want.add(c);
        }
      } else return usageError(t, `extra operand ‘${a}’`);
    }
    if (want.size === 0) want.add('s');
    const all = want.has('a');
    const fields: string[] = [];
    if (all || want.has('s')) fields.push(await sysKernel(t, 'ostype'));
    if (all || want.has('n')) fields.push(await sysKernel(t, 'hostname'));
    if (all || want.has('r')) fields.push(await sysKernel(t, 'osrelease'));
    if (all || want.has('v')) fields.push(await sysKernel(t, 'version'));
    if (all || want.has('m')) fields.push(MACHINE);
    // Debian's coreutils knows neither: -a leaves them out, -p and -i print "unknown".
    if (!all && want.has('p')) fields.push('unknown');
    if (!all && want.has('i')) fields.push('unknown');
    if (all || want.has('o')) fields.push('GNU/Linux');
    await t.out(`${fields.join(' ')}\n`);
    return 0;
  },
});

export const hostname = defineTool({
  name: 'hostname',
  summary: "show the system's host name",
  help: `Usage: hostname [-b] {hostname|-F file}         set host name (from file)
       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name
       hostname                                 display host name

       Program options:
    -s, --short            short host name
    -f, --fqdn, --long     long host name (FQDN)
`,
  async run(t) {
    let short = false;
    const names: string[] = [];
    for (const a of t.args) {
      if (a === '-s' || a === '--short') short = true;
      else if (a === '-f' || a === '--fqdn' || a === '--long') short = false;
      else if (a.startsWith('-')) return complain(t, `invalid option -- '${a.replace(/^-+/, '')}'`);
      else names.push(a);
    }
    // There is no sethostname(2): the host keeps the name it booted with, for root too.
    if (names.length) return complain(t, 'you must be root to change the host name');
    const name = await sysKernel(t, 'hostname');
    await t.out(`${short ? name.split('.')[0] : name}\n`);
    return 0;
  },
});
