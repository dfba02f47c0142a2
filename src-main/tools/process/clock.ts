// Calendar arithmetic for the host's wall clock (UTC, the host's zone) without the machine's Date:
// what localtime_r(), strftime() and ctime() give the process tools.
import { gmtime as utc } from '../system/time';

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export interface Tm {
  year: number;
  /** 0–11 */
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  /** day of the year, 0–365 */
  yday: number;
  /** 0 = Sunday */
  wday: number;
}

/** gmtime() of whole seconds since the epoch: the tools' one calendar (system/time.ts). */
export function gmtime(seconds: number): Tm {
  const t = utc(Math.floor(seconds));
  return { year: t.year, mon: t.mon, mday: t.mday, hour: t.hour, min: t.min, sec: t.sec, yday: t.yday, wday: t.wday };
}

export const p2 = (n: number): string => String(n).padStart(2, '0');

/** ctime(): `Mon Aug 19 09:24:09 2019` (without the newline). */
export function ctime(seconds: number): string {
  const t = gmtime(seconds);
  return `${WEEKDAYS[t.wday]} ${MONTHS[t.mon]} ${String(t.mday).padStart(2)} ${p2(t.hour)}:${p2(t.min)}:${p2(t.sec)} ${t.year}`;
}

/** Seconds since the epoch of the host's wall clock (what time(2) returns there). */
export function hostTime(wallNs: number): number {
  return Math.floor(wallNs / 1e9);
}
