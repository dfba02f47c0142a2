// Times as the exports print them: virtual time as an offset from boot, wall time in UTC.

/** 12.345678 s → "+12.346 s". */
export function offset(ns: number): string {
  return `+${(ns / 1e9).toFixed(3)} s`;
}

/** A span of virtual time: "850 ms", "12.3 s", "4 min 05 s", "2 h 03 min". */
export function duration(ns: number): string {
  const s = Math.max(0, ns) / 1e9;
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(Math.floor(s % 60)).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** "2024-05-01T10:00:03.123Z" → "10:00:03.123". */
export function clockTime(iso: string): string {
  return iso.slice(11, 23);
}

/** "2024-05-01T10:00:03.123Z" → "2024-05-01 10:00:03 UTC". */
export function wallDate(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
