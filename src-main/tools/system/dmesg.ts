// dmesg(1) from util-linux 2.38.1. There is no /dev/kmsg on this host, so it reads the ring
// buffer the way it falls back to on such kernels: syslog(2) SYSLOG_ACTION_READ_ALL, then parses
// the `<PRI>[sec.usec] text` records. -c and -C clear with SYSLOG_ACTION_CLEAR (CAP_SYSLOG).
import { strerror, type Errno } from '../../host';
import * as S from '../../host/log/syslog';
import { defineTool, type ToolRun } from '../tool';
import { readWhole } from '../common';
import { gmtime, strftime } from './time';
import { DMESG_USAGE, FACILITIES, LEVELS, parseOpts, type DmesgOpts } from './dmesg-opts';

interface Rec {
  fac: number;
  lev: number;
  sec: number;
  usec: number;
  text: string;
}

function parseRecords(buf: string): Rec[] {
  return buf
    .split('\n')
    .filter((l) => l !== '')
    .map((line) => {
      const m = /^<(\d+)>\[\s*(\d+)\.(\d+)\] ?(.*)$/s.exec(line);
      if (!m) return { fac: -1, lev: -1, sec: 0, usec: 0, text: line };
      const pri = Number(m[1]);
      return { fac: pri >> 3, lev: pri & 7, sec: Number(m[2]), usec: Number(m[3]), text: m[4]! };
    });
}

async function fail(t: ToolRun, what: string, errno: Errno): Promise<number> {
  await t.err(`dmesg: ${what}: ${strerror(errno)}\n`);
  return 1;
}

/** dmesg_get_boot_time(): now less CLOCK_BOOTTIME, in whole seconds as record_time() uses them. */
async function bootTime(t: ToolRun): Promise<number> {
  const up = await readWhole(t, '/proc/uptime');
  const upSec = up.ok ? Number(up.value.split(' ')[0]) : 0;
  return Math.floor(t.host.wallNs() / 1e9 - upSec);
}

function render(recs: Rec[], o: DmesgOpts, boot: number): string {
  let out = '';
  let last: Rec | null = null;
  let lastMinute = '';
  for (const r of recs) {
    if (o.levels && (r.fac < 0 || !o.levels.has(r.lev))) continue;
    if (o.facilities && (r.fac < 0 || !o.facilities.has(r.fac))) continue;
    const us6 = String(r.usec).padStart(6, '0');
    if (o.raw) {
      out += `<${(r.fac << 3) | r.lev}>[${String(r.sec).padStart(5)}.${us6}] ${r.text}\n`;
      continue;
    }
    const delta = last ? r.sec - last.sec + (r.usec - last.usec) / 1e6 : 0;
    const fp = o.decode && r.fac >= 0 ? `${(FACILITIES[r.fac] ?? '').padEnd(6)}:${(LEVELS[r.lev] ?? '').padEnd(6)}: ` : '';
    const tm = gmtime(boot + r.sec);
    let ts = '';
    switch (o.time) {
      case 'ctime':
        ts = `[${strftime('%a %b %e %H:%M:%S %Y', tm)}${o.delta ? ` <${delta.toFixed(6).padStart(12)}>` : ''}] `;
        break;
      case 'time':
        ts = `[${String(r.sec).padStart(5)}.${us6}${o.delta ? ` <${delta.toFixed(6).padStart(12)}>` : ''}] `;
        break;
      case 'delta':
        ts = `[<${delta.toFixed(6).padStart(12)}>] `;
        break;
      case 'iso':
        ts = `${strftime('%Y-%m-%dT%H:%M:%S', tm)},${us6}+00:00 `;
        break;
      case 'reltime': {
        const minute = strftime('%b%e %H:%M', tm);
        if (minute !== lastMinute) ts = `[${minute}] `;
        else ts = delta < 10 ? `[  +${delta.toFixed(6)}] ` : `[ +${delta.toFixed(6).padStart(9)}] `;
        lastMinute = minute;
        break;
      }
      case 'none':
        break;
    }
    last = r;
    out += `${fp}${ts}${r.text}\n`;
  }
  return out;
}

async function run(t: ToolRun): Promise<number> {
  const o = await parseOpts(t);
  if (typeof o === 'number') return o;
  if (o.action === 'console-off' || o.action === 'console-on' || o.action === 'console-level') {
    const type = o.action === 'console-off' ? S.SYSLOG_ACTION_CONSOLE_OFF : o.action === 'console-on' ? S.SYSLOG_ACTION_CONSOLE_ON : S.SYSLOG_ACTION_CONSOLE_LEVEL;
    const r = t.sys.syslog(type, o.consoleLevel);
    return r.ok ? 0 : fail(t, 'klogctl failed', r.errno);
  }
  if (o.action === 'clear') {
    const r = t.sys.syslog(S.SYSLOG_ACTION_CLEAR);
    return r.ok ? 0 : fail(t, 'clear kernel buffer failed', r.errno);
  }
  // get_syslog_buffer_size(), then one READ_ALL with room for the whole ring.
  const size = t.sys.syslog(S.SYSLOG_ACTION_SIZE_BUFFER);
  const r = t.sys.syslog(S.SYSLOG_ACTION_READ_ALL, (size.ok && size.value.n > 0 ? size.value.n : 16384) + 8);
  if (!r.ok) return fail(t, 'read kernel buffer failed', r.errno);
  const boot = o.time === 'ctime' || o.time === 'reltime' || o.time === 'iso' ? await bootTime(t) : 0;
  await t.out(render(parseRecords(r.value.data), o, boot));
  if (o.action === 'read-clear') {
    const c = t.sys.syslog(S.SYSLOG_ACTION_CLEAR);
    if (!c.ok) return fail(t, 'clear kernel buffer failed', c.errno);
  }
  return 0;
}

export const dmesg = defineTool({
  name: 'dmesg',
  summary: 'print or control the kernel ring buffer',
  help: DMESG_USAGE,
  run,
});
