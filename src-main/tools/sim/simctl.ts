// `simctl`: the simulator's own controls, kept apart from the Linux surface — the design in force
// (kernel.md §4), the virtual clock (show, advance, speed) and the seed the host booted with.
import { NS_PER_MS, NS_PER_SEC, NS_PER_US } from '../../host';
import { defineTool, type ToolRun } from '../tool';
import { complain, usageError } from '../common';
import { gmtime, strftime } from '../system/time';

/** kernel.md §4's designs, in its order, each in one line. */
export const DESIGN_ORDER: ReadonlyArray<readonly [string, string]> = [
  ['rfc-v2', 'pins need an exclusive layout lease; truncate gets ETXTBSY'],
  ['longterm-disabled', 'mainline: long-term pins of fsdax pages are refused'],
  ['legacy-hang', 'pins need no lease; truncate waits for the pins to go'],
  ['close-blocks', 'as rfc-v2; the last close of a pinned leased file blocks'],
  ['fs-reject', 'the filesystem refuses pins where reflink is enabled'],
  ['immutable', 'pins only on a sealed block map; changing it: ETXTBSY'],
];

const UNITS: Record<string, number> = { ns: 1, us: NS_PER_US, ms: NS_PER_MS, s: NS_PER_SEC, m: 60 * NS_PER_SEC, h: 3600 * NS_PER_SEC, d: 86400 * NS_PER_SEC };

/** `30s`, `5m`, `100ms`, `1.5h`, `250us`; a bare number is seconds. Null when malformed. */
export function parseDuration(spec: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ns|us|ms|s|m|h|d)?$/.exec(spec);
  if (!m) return null;
  return Math.round(Number(m[1]) * UNITS[m[2] ?? 's']!);
}

/** 65.25 s → "65.250000000 s", the way /proc/uptime would print it at ns precision. */
function seconds(ns: number): string {
  const s = Math.floor(ns / NS_PER_SEC);
  return `${s}.${String(ns - s * NS_PER_SEC).padStart(9, '0')} s`;
}

function speedText(speed: number): string {
  return speed === 0 ? 'paused' : `${speed}x`;
}

async function policy(t: ToolRun, name: string | undefined): Promise<number> {
  const available = t.host.policies();
  const known = [...DESIGN_ORDER.filter(([n]) => available.includes(n)), ...available.filter((n) => !DESIGN_ORDER.some(([d]) => d === n)).map((n) => [n, ''] as const)];
  if (name === undefined) {
    // Padded for every design of §4, so the column does not move as designs are added.
    const width = Math.max(...[...DESIGN_ORDER, ...known].map(([n]) => n.length)) + 2;
    await t.out(known.map(([n, what]) => `${n === t.host.policyName ? '*' : ' '} ${what ? n.padEnd(width) + what : n}`.trimEnd() + '\n').join(''));
    return 0;
  }
  const before = t.host.policyName;
  if (!t.host.setPolicy(name).ok) return complain(t, `unknown policy '${name}'; known: ${known.map(([n]) => n).join(', ')}`, 2);
  await t.out(before === name ? `policy: ${name} (already in force)\n` : `policy: ${name} (was ${before})\n`);
  return 0;
}

async function time(t: ToolRun): Promise<number> {
  const wall = t.host.wallNs();
  const sec = Math.floor(wall / NS_PER_SEC);
  const clock = strftime('%a %b %e %H:%M:%S %Z %Y', gmtime(sec, wall - sec * NS_PER_SEC));
  await t.out(`virtual time: ${seconds(t.host.now())} since boot\nwall clock:   ${clock}\nspeed:        ${speedText(t.env.sim.speed())}\n`);
  return 0;
}

async function advance(t: ToolRun, spec: string | undefined): Promise<number> {
  if (spec === undefined) return usageError(t, "'advance' needs a DURATION (for example 30s, 5m, 100ms)", 2);
  const ns = parseDuration(spec);
  if (ns === null) return complain(t, `invalid duration '${spec}' (for example 30s, 5m, 100ms)`, 2);
  t.host.advance(ns);
  await t.out(`virtual time: ${seconds(t.host.now())} since boot\n`);
  return 0;
}

async function speed(t: ToolRun, spec: string | undefined): Promise<number> {
  if (spec !== undefined) {
    const m = /^(\d+(?:\.\d+)?)x$/.exec(spec);
    if (spec !== 'pause' && (!m || !(Number(m[1]) > 0))) return complain(t, `invalid speed '${spec}' (pause, 1x, 10x, 100x)`, 2);
    t.env.sim.setSpeed(spec === 'pause' ? 0 : Number(m![1]));
  }
  await t.out(`speed: ${speedText(t.env.sim.speed())}\n`);
  return 0;
}

export const simctl = defineTool({
  name: 'simctl',
  summary: "the simulator's own controls: design in force, virtual clock, seed",
  help: `Usage: simctl COMMAND [ARGUMENT]
Control the simulation itself, apart from the host's Linux commands.

Commands:
  policy [NAME]             list the designs, the one in force marked *,
                            or switch the host to design NAME
  time                      show the virtual time since boot, the host's
                            wall clock and the clock speed
  advance DURATION          move the virtual clock forward, running every
                            timer that falls due (DURATION: 100ms, 30s, 5m,
                            2h, 1d; a bare number is seconds)
  speed [pause|1x|10x|100x] show or set how fast virtual time runs in a
                            live session (scripts run as fast as they can)
  seed                      print the seed the host was booted with

      --help     display this help and exit
`,
  async run(t) {
    const [cmd, arg, extra] = t.args;
    if (cmd === undefined) return usageError(t, 'missing command', 2);
    const max = cmd === 'time' || cmd === 'seed' ? 0 : 1;
    if ((max === 0 && arg !== undefined) || extra !== undefined) return usageError(t, `too many arguments for '${cmd}'`, 2);
    switch (cmd) {
      case 'policy':
        return policy(t, arg);
      case 'time':
        return time(t);
      case 'advance':
        return advance(t, arg);
      case 'speed':
        return speed(t, arg);
      case 'seed':
        await t.out(`${t.env.sim.seed}\n`);
        return 0;
      default:
        return usageError(t, `unknown command '${cmd}'`, 2);
    }
  },
});
