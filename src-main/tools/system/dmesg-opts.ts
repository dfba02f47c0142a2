// dmesg's command line (util-linux 2.38.1 sys-utils/dmesg.c main): getopt_long with the
// mutually exclusive groups of err_exclusive_options(), level and facility lists, usage text.
import type { ToolRun } from '../tool';

export const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
export const FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', 'res0', 'res1', 'res2', 'res3'];
const LEVEL_HELP = ['system is unusable', 'action must be taken immediately', 'critical conditions', 'error conditions', 'warning conditions', 'normal but significant condition', 'informational', 'debug-level messages'];
const FACILITY_HELP = ['kernel messages', 'random user-level messages', 'mail system', 'system daemons', 'security/authorization messages', 'messages generated internally by syslogd', 'line printer subsystem', 'network news subsystem'];

export interface DmesgOpts {
  action: 'read' | 'read-clear' | 'clear' | 'console-off' | 'console-on' | 'console-level';
  consoleLevel: number;
  time: 'time' | 'ctime' | 'reltime' | 'delta' | 'iso' | 'none';
  delta: boolean;
  decode: boolean;
  raw: boolean;
  levels: Set<number> | null;
  facilities: Set<number> | null;
}

export const DMESG_USAGE = `
Usage:
 dmesg [options]

Display or control the kernel ring buffer.

Options:
 -C, --clear                 clear the kernel ring buffer
 -c, --read-clear            read and clear all messages
 -D, --console-off           disable printing messages to console
 -E, --console-on            enable printing messages to console
 -f, --facility <list>       restrict output to defined facilities
 -H, --human                 human readable output
 -k, --kernel                display kernel messages
 -L, --color[=<when>]        colorize messages (auto, always or never)
                               colors are enabled by default
 -l, --level <list>          restrict output to defined levels
 -n, --console-level <level> set level of messages printed to console
 -P, --nopager               do not pipe output into a pager
 -r, --raw                   print the raw message buffer
 -S, --syslog                force to use syslog(2) rather than /dev/kmsg
 -s, --buffer-size <size>    buffer size to query the kernel ring buffer
 -u, --userspace             display userspace messages
 -x, --decode                decode facility and level to readable string
 -d, --show-delta            show time delta between printed messages
 -e, --reltime               show local time and time delta in readable format
 -T, --ctime                 show human-readable timestamp (may be inaccurate!)
 -t, --notime                don't show any timestamp with messages
     --time-format <format>  show timestamp using the given format:
                               [delta|reltime|ctime|notime|iso]
Suspending/resume will make ctime and iso timestamps inaccurate.

 -h, --help                  display this help
 -V, --version               display version

Supported log facilities:
${FACILITY_HELP.map((h, i) => ` ${FACILITIES[i]!.padStart(7)} - ${h}\n`).join('')}
Supported log levels (priorities):
${LEVEL_HELP.map((h, i) => ` ${LEVELS[i]!.padStart(7)} - ${h}\n`).join('')}
For more details see dmesg(1).
`;

const LONG: Record<string, string> = {
  clear: 'C', 'read-clear': 'c', 'console-off': 'D', 'console-on': 'E', facility: 'f', human: 'H', kernel: 'k', color: 'L',
  level: 'l', 'console-level': 'n', nopager: 'P', raw: 'r', syslog: 'S', 'buffer-size': 's', userspace: 'u', decode: 'x',
  'show-delta': 'd', reltime: 'e', ctime: 'T', notime: 't', version: 'V', 'time-format': '\u0001',
};
const WITH_ARG = new Set(['f', 'l', 'n', 's', '\u0001']);
/** The exclusive groups, in ASCII order as err_exclusive_options() walks them. */
const EXCL = ['CDEcnr', 'Hr', 'Lr', 'Tr', 'dr', 'er', 'rx', 'rt'];
const longName = (c: string) => Object.keys(LONG).find((k) => LONG[k] === c) ?? c;

function parseList(list: string, names: readonly string[]): Set<number> | string {
  const out = new Set<number>();
  for (const item of list.split(',')) {
    const n = /^\d+$/.test(item) ? Number(item) : names.indexOf(item.toLowerCase());
    if (n < 0 || n >= names.length) return item;
    out.add(n);
  }
  return out;
}

export async function parseOpts(t: ToolRun): Promise<DmesgOpts | number> {
  const o: DmesgOpts = { action: 'read', consoleLevel: 0, time: 'time', delta: false, decode: false, raw: false, levels: null, facilities: null };
  const seen: Array<string | null> = EXCL.map(() => null);
  const bad = async (msg: string) => {
    await t.err(`dmesg: ${msg}\nTry 'dmesg --help' for more information.\n`);
    return 1;
  };
  const args = [...t.args];
  while (args.length) {
    const a = args.shift()!;
    let opts: Array<[string, string | undefined]> = [];
    if (a === '--') break;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      const c = LONG[name];
      if (!c) return bad(`unrecognized option '${a}'`);
      const v = WITH_ARG.has(c) ? (inline ?? args.shift()) : inline;
      if (WITH_ARG.has(c) && v === undefined) return bad(`option '${a}' requires an argument`);
      opts = [[c, v]];
    } else if (a.startsWith('-') && a.length > 1) {
      for (let i = 1; i < a.length; i++) {
        const c = a[i]!;
        if (!'CcDdEefHkLlnPrSsTtuVx'.includes(c)) return bad(`invalid option -- '${c}'`);
        if (WITH_ARG.has(c)) {
          const v = i + 1 < a.length ? a.slice(i + 1) : args.shift();
          if (v === undefined) return bad(`option requires an argument -- '${c}'`);
          opts.push([c, v]);
          break;
        }
        opts.push([c, undefined]);
      }
    } else {
      await t.err("dmesg: bad usage\nTry 'dmesg --help' for more information.\n");
      return 1;
    }
    for (const [c, v] of opts) {
      for (let g = 0; g < EXCL.length; g++) {
        if (!EXCL[g]!.includes(c)) continue;
        if (seen[g] === null) seen[g] = c;
        else if (seen[g] !== c) {
          await t.err(`dmesg: mutually exclusive arguments:${[...EXCL[g]!].map((x) => ` --${longName(x)}`).join('')}\n`);
          return 1;
        }
      }
      if (c === 'C') o.action = 'clear';
      else if (c === 'c') o.action = 'read-clear';
      else if (c === 'D') o.action = 'console-off';
      else if (c === 'E') o.action = 'console-on';
      else if (c === 'n') {
        const l = parseList(v!, LEVELS);
        if (typeof l === 'string' || l.size !== 1) return bad(`unknown level '${v}'`);
        o.action = 'console-level';
        o.consoleLevel = [...l][0]! + 1;
      } else if (c === 'd') o.delta = true;
      else if (c === 'e' || c === 'H') o.time = 'reltime';
      else if (c === 'T') o.time = 'ctime';
      else if (c === 't') o.time = 'none';
      else if (c === 'x') o.decode = true;
      else if (c === 'r') o.raw = true;
      else if (c === 'k') o.facilities = new Set([...(o.facilities ?? []), 0]);
      else if (c === 'u') o.facilities = new Set([...(o.facilities ?? []), ...FACILITIES.keys()].filter((f) => f !== 0));
      else if (c === 'l' || c === 'f') {
        const l = parseList(v!, c === 'l' ? LEVELS : FACILITIES);
        if (typeof l === 'string') {
          await t.err(`dmesg: unknown ${c === 'l' ? 'level' : 'facility'} '${l}'\n`);
          return 1;
        }
        if (c === 'l') o.levels = new Set([...(o.levels ?? []), ...l]);
        else o.facilities = new Set([...(o.facilities ?? []), ...l]);
      } else if (c === 'V') {
        await t.out('dmesg from util-linux 2.38.1\n');
        return 0;
      } else if (c === '\u0001') {
        const f = { delta: 'delta', reltime: 'reltime', ctime: 'ctime', notime: 'none', iso: 'iso' }[v!] as DmesgOpts['time'] | undefined;
        if (!f) {
          await t.err(`dmesg: unknown time format: ${v}\n`);
          return 1;
        }
        o.time = f;
      }
    }
  }
  if (o.delta && o.time === 'iso') {
    await t.err('dmesg: --show-delta is ignored when used together with iso8601 time format\n');
    o.delta = false;
  } else if (o.delta && (o.time === 'none' || o.time === 'reltime')) o.time = 'delta';
  return o;
}
