// Calendar formatting of the host's wall-clock times (UTC, the host's zone) for ls -l and stat,
// without the machine's Date: days-from-civil arithmetic on the virtual clock.
import { gmtime } from '../system/time';

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface Civil {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0–999999999 */
  nsec: number;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** Splits wall-clock ns (a double, exact only to its own precision) into seconds and ns. */
export function splitNs(ns: number): { sec: number; nsec: number } {
  const big = BigInt(Math.round(ns));
  const s = big / 1_000_000_000n;
  let rem = big % 1_000_000_000n;
  let sec = Number(s);
  if (rem < 0n) {
    rem += 1_000_000_000n;
    sec -= 1;
  }
  return { sec, nsec: Number(rem) };
}

/** UTC calendar date of wall-clock ns since the epoch, from the tools' one calendar (system/time.ts). */
export function civil(ns: number): Civil {
  const { sec, nsec } = splitNs(ns);
  const t = gmtime(sec, nsec);
  return { year: t.year, month: t.mon + 1, day: t.mday, hour: t.hour, minute: t.min, second: t.sec, nsec };
}

/** A Gregorian year's average seconds, halved: ls's "six months ago". */
const SIX_MONTHS_NS = (31556952 / 2) * 1e9;

/**
 * ls -l's date column: `%b %e %H:%M` within the past six months, else `%b %e  %Y`. A time equal
 * to "now" counts as recent: on a real machine the clock has always moved on by the time ls runs.
 */
export function lsTime(whenNs: number, nowNs: number): string {
  const c = civil(whenNs);
  const head = `${MONTHS[c.month - 1]} ${String(c.day).padStart(2)}`;
  const recent = nowNs - SIX_MONTHS_NS < whenNs && whenNs <= nowNs;
  return recent ? `${head} ${p2(c.hour)}:${p2(c.minute)}` : `${head}  ${c.year}`;
}

/** stat's %x/%y/%z: `2019-08-19 09:24:09.000000000 +0000`. */
export function statTime(ns: number): string {
  const c = civil(ns);
  return `${c.year}-${p2(c.month)}-${p2(c.day)} ${p2(c.hour)}:${p2(c.minute)}:${p2(c.second)}.${String(c.nsec).padStart(9, '0')} +0000`;
}

/** Wall-clock ns of a UTC calendar time (H. Hinnant's days_from_civil). */
export function fromCivil(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, nsec = 0): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  return (days * 86400 + hour * 3600 + minute * 60 + second) * 1e9 + nsec;
}
