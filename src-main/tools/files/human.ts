// Human-readable sizes exactly as the real tools round them: gnulib's human_readable (ls -h, df,
// du, dd), util-linux's size_to_human_string (fallocate -v) and xfsprogs' cvtstr (xfs_io).

export const HUMAN = {
  ceiling: 0,
  roundToNearest: 1,
  floor: 2,
  groupDigits: 4,
  suppressPointZero: 8,
  autoscale: 16,
  base1024: 32,
  spaceBeforeUnit: 64,
  SI: 128,
  B: 256,
} as const;

/** `-h` of ls, df, du: autoscale, SI letters, powers of 1024, rounded up. */
export const HUMAN_H = HUMAN.autoscale | HUMAN.SI | HUMAN.base1024;

const POWER = ['', 'K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y', 'R', 'Q'];

/** gnulib human_readable(n, opts, from_block_size, to_block_size), integer arithmetic path. */
export function humanReadable(n: number, opts: number, from = 1, to = 1): string {
  const style = opts & 3;
  const base = opts & HUMAN.base1024 ? 1024 : 1000;
  let amt: number;
  let tenths = 0;
  let rounding = 0;
  let exponent = -1;
  if (to <= from && from % to === 0) amt = n * (from / to);
  else if (from !== 0 && to % from === 0) {
    const divisor = to / from;
    const r10 = (n % divisor) * 10;
    const r2 = (r10 % divisor) * 2;
    amt = Math.floor(n / divisor);
    tenths = Math.floor(r10 / divisor);
    rounding = r2 < divisor ? (0 < r2 ? 1 : 0) : 2 + (divisor < r2 ? 1 : 0);
  } else {
    return humanFloat(n * (from / to), opts);
  }
  let frac = '';
  if (opts & HUMAN.autoscale) {
    exponent = 0;
    if (base <= amt) {
      do {
        const r10 = (amt % base) * 10 + tenths;
        const r2 = (r10 % base) * 2 + (rounding >> 1);
        amt = Math.floor(amt / base);
        tenths = Math.floor(r10 / base);
        rounding = r2 < base ? (r2 + rounding !== 0 ? 1 : 0) : 2 + (base < r2 + rounding ? 1 : 0);
        exponent++;
      } while (base <= amt && exponent < POWER.length - 1);
      if (amt < 10) {
        if (style === HUMAN.roundToNearest ? 2 < rounding + (tenths & 1) : style === HUMAN.ceiling && 0 < rounding) {
          tenths++;
          rounding = 0;
          if (tenths === 10) {
            amt++;
            tenths = 0;
          }
        }
        if (amt < 10 && (tenths || !(opts & HUMAN.suppressPointZero))) {
          frac = `.${tenths}`;
          tenths = rounding = 0;
        }
      }
    }
  }
  if (style === HUMAN.roundToNearest ? 5 < tenths + (0 < rounding + (amt & 1) ? 1 : 0) : style === HUMAN.ceiling && 0 < tenths + rounding) {
    amt++;
    if (opts & HUMAN.autoscale && amt === base && exponent < POWER.length - 1) {
      exponent++;
      if (!(opts & HUMAN.suppressPointZero)) frac = '.0';
      amt = 1;
    }
  }
  let out = String(amt) + frac;
  if (opts & HUMAN.SI) {
    if (exponent < 0) {
      exponent = 0;
      for (let power = 1; power < to; power *= base) if (++exponent === POWER.length - 1) break;
    }
    out += suffix(exponent, opts);
  }
  return out;
}

function suffix(exponent: number, opts: number): string {
  let out = '';
  if ((exponent || opts & HUMAN.B) && opts & HUMAN.spaceBeforeUnit) out += ' ';
  if (exponent) out += !(opts & HUMAN.base1024) && exponent === 1 ? 'k' : POWER[exponent];
  if (opts & HUMAN.B) out += (opts & HUMAN.base1024 && exponent ? 'i' : '') + 'B';
  return out;
}

/** gnulib's floating-point fallback, taken when the block sizes do not divide (dd's rate). */
function humanFloat(damt: number, opts: number): string {
  const base = opts & HUMAN.base1024 ? 1024 : 1000;
  const up = (v: number) => ((opts & 3) === HUMAN.ceiling ? Math.ceil(v) : (opts & 3) === HUMAN.floor ? Math.floor(v) : v);
  if (!(opts & HUMAN.autoscale)) return up(damt).toFixed(0) + (opts & HUMAN.SI ? suffix(0, opts) : '');
  let e = 1;
  let exponent = 0;
  do {
    e *= base;
    exponent++;
  } while (e * base <= damt && exponent < POWER.length - 1);
  const v = damt / e;
  let buf = up(v).toFixed(1);
  if (1 + 2 + (opts & HUMAN.base1024 ? 0 : 1) < buf.length || (opts & HUMAN.suppressPointZero && buf.endsWith('0'))) buf = (up(v * 10) / 10).toFixed(0);
  return buf + (opts & HUMAN.SI ? suffix(exponent, opts) : '');
}

/** util-linux size_to_human_string(SIZE_SUFFIX_3LETTER | SIZE_SUFFIX_SPACE): `4 KiB`, `1.5 MiB`. */
export function sizeToHumanString(bytes: number): string {
  let exp = 0;
  for (let shift = 10; shift <= 60; shift += 10) {
    if (bytes < 2 ** shift) break;
    exp = shift;
  }
  const letter = 'BKMGTPE'[exp / 10]!;
  const unit = 2 ** exp;
  let dec = exp ? Math.floor(bytes / unit) : bytes;
  let frac = exp ? bytes % unit : 0;
  const suffix = ` ${letter}${letter === 'B' ? '' : 'iB'}`;
  if (frac) {
    frac = Math.floor((frac * 1000) / unit);
    frac = Math.floor((frac + 50) / 100) * 10;
    if (frac === 100) {
      dec++;
      frac = 0;
    }
  }
  if (!frac) return `${dec}${suffix}`;
  let s = `${dec}.${String(frac).padStart(2, '0')}`;
  if (s.endsWith('0')) s = s.slice(0, -1);
  return s + suffix;
}

const UNITS: Array<[number, string]> = [
  [2 ** 60, 'EiB'],
  [2 ** 50, 'PiB'],
  [2 ** 40, 'TiB'],
  [2 ** 30, 'GiB'],
  [2 ** 20, 'MiB'],
  [2 ** 10, 'KiB'],
];

/** printf's `%.f`: exact binary value, ties to even. */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
}

/** xfsprogs cvtstr(): `4 KiB` for whole byte counts, `138.454 MiB` for rates. */
export function cvtstr(value: number): string {
  const precise = Number.isInteger(value) && Math.abs(value) < 2 ** 31;
  for (const [size, unit] of UNITS) {
    if (value >= size) return `${precise ? roundHalfEven(value / size) : (value / size).toFixed(3)} ${unit}`;
  }
  return `${value.toFixed(6)} bytes`;
}
