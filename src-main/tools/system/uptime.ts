// uptime(1) from procps-ng 4.0.2: time of day, /proc/uptime, the logged-in users and
// /proc/loadavg, formatted as procps_uptime_sprint() does.
import { defineTool, type ToolRun } from '../tool';
import { readWhole } from '../common';
import { gmtime, now, strftime } from './time';

async function seconds(t: ToolRun): Promise<number> {
  const r = await readWhole(t, '/proc/uptime');
  return r.ok ? Number(r.value.split(/\s+/)[0]) : 0;
}

/** utmp is not kept: every terminal with a login shell on it is one USER_PROCESS entry. */
function users(t: ToolRun): number {
  return new Set(t.host.processes().filter((p) => p.tty !== null && p.state !== 'Z').map((p) => p.tty)).size;
}

/** procps_uptime_sprint_short(): each unit taken off in turn; minutes shown below one minute. */
export function pretty(up: number): string {
  let rest = up;
  const take = (unit: number): number => {
    if (rest <= unit) return 0;
    const n = Math.floor(rest / unit);
    rest -= n * unit;
    return n;
  };
  const counts: Array<[number, string, string]> = [
    [take(86400 * 365 * 10), 'decade', 'decades'],
    [take(86400 * 365), 'year', 'years'],
    [take(86400 * 7), 'week', 'weeks'],
    [take(86400), 'day', 'days'],
    [take(3600), 'hour', 'hours'],
  ];
  const parts = counts.filter(([n]) => n).map(([n, one, many]) => `${n} ${n > 1 ? many : one}`);
  const minutes = take(60);
  if (minutes || rest < 60) parts.push(`${minutes} ${minutes !== 1 ? 'minutes' : 'minute'}`);
  return `up ${parts.join(', ')}`;
}

export function classic(clock: string, up: number, nUsers: number, load: readonly string[]): string {
  const s = Math.floor(up);
  const days = Math.floor(s / 86400);
  const hours = Math.floor(s / 3600) % 24;
  const minutes = Math.floor(s / 60) % 60;
  let out = ` ${clock} up `;
  if (days) out += `${days} day${days !== 1 ? 's' : ''}, `;
  out += hours ? `${String(hours).padStart(2)}:${String(minutes).padStart(2, '0')}, ` : `${minutes} min, `;
  out += `${String(nUsers).padStart(2)} ${nUsers > 1 ? 'users' : 'user'},  load average: ${load.map((l) => Number(l).toFixed(2)).join(', ')}`;
  return out;
}

export const uptime = defineTool({
  name: 'uptime',
  summary: 'tell how long the system has been running',
  help: `
Usage:
 uptime [options]

Options:
 -p, --pretty   show uptime in pretty format
 -h, --help     display this help and exit
 -s, --since    system up since
 -V, --version  output version information and exit

For more details see uptime(1).
`,
  async run(t) {
    let mode: 'classic' | 'pretty' | 'since' = 'classic';
    for (const a of t.args) {
      if (a === '-p' || a === '--pretty') mode = mode === 'since' ? mode : 'pretty';
      else if (a === '-s' || a === '--since') mode = 'since';
      else if (a === '-h') {
        await t.out(uptime.help!);
        return 0;
      } else if (a === '-V' || a === '--version') {
        await t.out('uptime from procps-ng 4.0.2\n');
        return 0;
      } else {
        const opt = a.startsWith('--') ? `unrecognized option '${a}'` : a.startsWith('-') ? `invalid option -- '${a[1]}'` : null;
        await t.err(`${opt ? `uptime: ${opt}\n` : ''}${uptime.help!}`);
        return 1;
      }
    }
    const up = await seconds(t);
    const tm = now(t);
    if (mode === 'since') {
      await t.out(`${strftime('%Y-%m-%d %H:%M:%S', gmtime(Math.floor(tm.epoch + tm.nsec / 1e9 - up + 0.5)))}\n`);
    } else if (mode === 'pretty') {
      await t.out(`${pretty(up)}\n`);
    } else {
      const la = await readWhole(t, '/proc/loadavg');
      const load = la.ok ? la.value.split(/\s+/).slice(0, 3) : ['0', '0', '0'];
      await t.out(`${classic(strftime('%H:%M:%S', tm), up, users(t), load)}\n`);
    }
    return 0;
  },
});
