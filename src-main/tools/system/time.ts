// Broken-down UTC time and a strftime(3) for the C locale, on the host's virtual wall clock (the
// host runs in UTC, as /etc/localtime would say); tools may not use Date.
import { NS_PER_SEC } from '../../host';
import type { ToolRun } from '../tool';

export interface Tm {
  year: number;
  /** 0–11 */
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  /** 0 = Sunday */
  wday: number;
  /** 0–365 */
  yday: number;
  /** nanoseconds within the second, for %N */
  nsec: number;
  /** seconds since the epoch */
  epoch: number;
}

export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Howard Hinnant's civil_from_days. */
function civil(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function gmtime(epochSec: number, nsec = 0): Tm {
  const days = Math.floor(epochSec / 86400);
  const rem = epochSec - days * 86400;
  const { y, m, d } = civil(days);
  const starts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
  const yday = starts[m - 1]! + d - 1 + (m > 2 && leap(y) ? 1 : 0);
  return {
    year: y,
    mon: m - 1,
    mday: d,
    hour: Math.floor(rem / 3600),
    min: Math.floor((rem % 3600) / 60),
    sec: rem % 60,
    wday: (((days + 4) % 7) + 7) % 7,
    yday,
    nsec,
    epoch: epochSec,
  };
}

/** The host's wall clock now, broken down. */
export function now(t: ToolRun): Tm {
  const ns = t.host.wallNs();
  const sec = Math.floor(ns / NS_PER_SEC);
  return gmtime(sec, ns - sec * NS_PER_SEC);
}

/** ISO 8601 week number and week-based year (%V, %G). */
function isoWeek(tm: Tm): { week: number; year: number } {
  const wdayMon = (tm.wday + 6) % 7;
  const thursday = tm.yday - wdayMon + 3;
  const year = tm.year;
  if (thursday < 0) {
    const prev = year - 1;
    const prevDays = leap(prev) ? 366 : 365;
    return { week: Math.floor((thursday + prevDays) / 7) + 1, year: prev };
  }
  const days = leap(year) ? 366 : 365;
  if (thursday >= days) return { week: 1, year: year + 1 };
  return { week: Math.floor(thursday / 7) + 1, year };
}

type Pad = { width: number; fill: '0' | ' ' };

function conv(c: string, tm: Tm): [string, Pad | null] | null {
  const n = (v: number, width: number, fill: '0' | ' ' = '0'): [string, Pad] => [String(v), { width, fill }];
  const h12 = tm.hour % 12 === 0 ? 12 : tm.hour % 12;
  switch (c) {
    case 'a': return [DAYS[tm.wday]!.slice(0, 3), null];
    case 'A': return [DAYS[tm.wday]!, null];
    case 'b': case 'h': return [MONTHS[tm.mon]!.slice(0, 3), null];
    case 'B': return [MONTHS[tm.mon]!, null];
    case 'c': return [strftime('%a %b %e %H:%M:%S %Y', tm), null];
    case 'C': return n(Math.floor(tm.year / 100), 2);
    case 'd': return n(tm.mday, 2);
    case 'D': return [strftime('%m/%d/%y', tm), null];
    case 'e': return n(tm.mday, 2, ' ');
    case 'F': return [strftime('%Y-%m-%d', tm), null];
    case 'g': return n(isoWeek(tm).year % 100, 2);
    case 'G': return n(isoWeek(tm).year, 4);
    case 'H': return n(tm.hour, 2);
    case 'I': return n(h12, 2);
    case 'j': return n(tm.yday + 1, 3);
    case 'k': return n(tm.hour, 2, ' ');
    case 'l': return n(h12, 2, ' ');
    case 'm': return n(tm.mon + 1, 2);
    case 'M': return n(tm.min, 2);
    case 'n': return ['\n', null];
    case 'N': return [String(tm.nsec).padStart(9, '0'), null];
    case 'p': return [tm.hour < 12 ? 'AM' : 'PM', null];
    case 'P': return [tm.hour < 12 ? 'am' : 'pm', null];
    case 'r': return [strftime('%I:%M:%S %p', tm), null];
    case 'R': return [strftime('%H:%M', tm), null];
    case 's': return [String(tm.epoch), null];
    case 'S': return n(tm.sec, 2);
    case 't': return ['\t', null];
    case 'T': return [strftime('%H:%M:%S', tm), null];
    case 'u': return [String(tm.wday === 0 ? 7 : tm.wday), null];
    case 'U': return n(Math.floor((tm.yday + 7 - tm.wday) / 7), 2);
    case 'V': return n(isoWeek(tm).week, 2);
    case 'w': return [String(tm.wday), null];
    case 'W': return n(Math.floor((tm.yday + 7 - ((tm.wday + 6) % 7)) / 7), 2);
    case 'x': return [strftime('%m/%d/%y', tm), null];
    case 'X': return [strftime('%H:%M:%S', tm), null];
    case 'y': return n(tm.year % 100, 2);
    case 'Y': return [String(tm.year), null];
    case 'z': return ['+0000', null];
    case 'Z': return ['UTC', null];
    case '%': return ['%', null];
    default: return null;
  }
}

/** strftime with glibc's flags (`-` no padding, `_` spaces, `0` zeros, `^` upper case) and `%:z`. */
export function strftime(fmt: string, tm: Tm): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const m = /^([-_0^#]*)(\d*)(:*)([a-zA-Z%])/.exec(fmt.slice(i + 1));
    if (!m) {
      out += ch;
      continue;
    }
    const [whole, flags, width, colons, c] = m as unknown as [string, string, string, string, string];
    const r = colons ? (c === 'z' && colons.length === 1 ? (['+00:00', null] as const) : null) : conv(c, tm);
    if (!r) {
      out += `%${whole}`;
      i += whole.length;
      continue;
    }
    let [text, pad] = r;
    if (flags.includes('-')) pad = null;
    else if (pad && flags.includes('_')) pad = { ...pad, fill: ' ' };
    else if (pad && flags.includes('0')) pad = { ...pad, fill: '0' };
    const w = width ? Number(width) : (pad?.width ?? 0);
    const fill = pad?.fill ?? (flags.includes('_') ? ' ' : /^\d/.test(text) ? '0' : ' ');
    if (text.length < w && !flags.includes('-')) text = text.padStart(w, fill);
    if (flags.includes('^')) text = text.toUpperCase();
    out += text;
    i += whole.length;
  }
  return out;
}
