// Calendar arithmetic for the host's wall clock (UTC, the host's zone) without the machine's Date:
// what localtime_r(), strftime() and ctime() give the process tools.

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

/** gmtime() of whole seconds since the epoch (H. Hinnant's civil_from_days). */
export function gmtime(seconds: number): Tm {
  const s = Math.floor(seconds);
  const days = Math.floor(s / 86400);
  const sod = s - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const mday = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][month - 1]!;
  const yday = before + mday - 1 + (leap && month > 2 ? 1 : 0);
  return { year, mon: month - 1, mday, hour: Math.floor(sod / 3600), min: Math.floor((sod % 3600) / 60), sec: sod % 60, yday, wday: (((days + 4) % 7) + 7) % 7 };
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
