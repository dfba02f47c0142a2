// The number and date formats the file tools share, checked against what coreutils, util-linux
// and xfsprogs print for the same values.
import { describe, expect, it } from 'vitest';
import { HUMAN, HUMAN_H, cvtstr, humanReadable, sizeToHumanString } from '../../../../src-main/tools/files/human';
import { civil, fromCivil, lsTime, statTime } from '../../../../src-main/tools/files/timefmt';
import { cvtnum, parseCount, strtosize } from '../../../../src-main/tools/files/numbers';
import { parseSize } from '../../../../src-main/tools/files/truncate';
import { gfmt, xferLine } from '../../../../src-main/tools/files/dd';
import { modeString } from '../../../../src-main/tools/files/filemode';

const BOOT = 1566206649e9; // 2019-08-19 09:24:09 UTC

describe('gnulib human_readable', () => {
  it('rounds -h sizes up, with one decimal below 10 (ls -lh, df -h, du -h)', () => {
    const h = (n: number) => humanReadable(n, HUMAN_H);
    expect([0, 13, 1023, 1024, 1025, 1536, 10 * 1024, 10 * 1024 + 1, 1048575, 1 << 30, 67108864].map(h)).toEqual(['0', '13', '1023', '1.0K', '1.1K', '1.5K', '10K', '11K', '1.0M', '1.0G', '64M']);
  });

  it('converts block counts between units, rounding up (ls total, df, du)', () => {
    expect(humanReadable(2097152 + 131072, 0, 512, 1024)).toBe('1114112');
    expect(humanReadable(1, 0, 512, 1024)).toBe('1');
    expect(humanReadable(4128256, 0, 4096, 1024)).toBe('16513024');
    expect(humanReadable(2228224, HUMAN_H, 512, 1)).toBe('1.1G');
  });

  it('gives dd its SI and IEC sizes and a rate rounded to nearest', () => {
    const o = HUMAN.autoscale | HUMAN.roundToNearest | HUMAN.spaceBeforeUnit | HUMAN.SI | HUMAN.B;
    expect(humanReadable(10485760, o)).toBe('10 MB');
    expect(humanReadable(10485760, o | HUMAN.base1024)).toBe('10 MiB');
    expect(humanReadable(3145728, o)).toBe('3.1 MB');
    expect(humanReadable(512, o)).toBe('512 B');
    expect(xferLine(512, 1e6)).toBe('512 bytes copied, 0.001 s, 512 kB/s\n');
    expect(xferLine(1000, 2e9)).toBe('1000 bytes (1.0 kB) copied, 2 s, 500 B/s\n');
    // A duration that does not divide 1 s takes gnulib's floating-point path, which always scales.
    expect(xferLine(1000, 1.5e9)).toBe('1000 bytes (1.0 kB) copied, 1.5 s, 0.7 kB/s\n');
    expect(xferLine(1048576, 1_234_567)).toBe('1048576 bytes (1.0 MB, 1.0 MiB) copied, 0.00123457 s, 849 MB/s\n');
    expect(xferLine(0, 0)).toBe('0 bytes copied, 0 s, Infinity B/s\n');
  });

  it('prints %g as glibc does', () => {
    expect([0.00123456789, 1.5e-5, 2, 123456789, 0.1].map(gfmt)).toEqual(['0.00123457', '1.5e-05', '2', '1.23457e+08', '0.1']);
  });
});

describe('util-linux and xfsprogs sizes', () => {
  it('size_to_human_string: `4 KiB`, one decimal rounded, trailing zero dropped', () => {
    expect([4096, 8000, 1572864, 2147483648, 1000, 0].map(sizeToHumanString)).toEqual(['4 KiB', '7.8 KiB', '1.5 MiB', '2 GiB', '1000 B', '0 B']);
  });

  it('cvtstr: whole counts with %.f (ties to even), rates with three decimals', () => {
    expect([4096, 1048576, 1536, 2560, 585142.857].map(cvtstr)).toEqual(['4 KiB', '1 MiB', '2 KiB', '2 KiB', '571.429 KiB']);
  });
});

describe('number arguments', () => {
  it('reads coreutils counts with their suffixes', () => {
    expect(['10', '2b', '1K', '1KiB', '1kB', '3M', '1G'].map((s) => parseCount(s))).toEqual([10, 1024, 1024, 1024, 1000, 3 << 20, 1 << 30]);
    expect(parseCount('2c')).toBeNull();
    expect(parseCount('2c', 'bcw')).toBe(2);
    expect(parseCount('x')).toBeNull();
  });

  it('reads util-linux sizes (fractions too) and xfs_io numbers (base 0, one unit letter)', () => {
    expect(['4096', '4k', '4KiB', '4KB', '1.5M', '2G'].map(strtosize)).toEqual([4096, 4096, 4096, 4000, 1572864, 2 * 2 ** 30]);
    expect(strtosize('-1')).toBeNull();
    expect(['4096', '0x1000', '010', '4k', '1m', '2b', '3s'].map((s) => cvtnum(s))).toEqual([4096, 4096, 8, 4096, 1048576, 8192, 1536]);
    expect(cvtnum('4kb')).toBeNull();
  });

  it('gives truncate its overflow diagnostic for 8E', () => {
    expect(parseSize('8E')).toEqual({ error: 'Invalid number: ‘8E’: Value too large for defined data type' });
    expect(parseSize('7E')).toEqual({ n: 7 * 2 ** 60 });
    expect(parseSize('x')).toEqual({ error: 'Invalid number: ‘x’' });
    expect(parseSize('-5')).toEqual({ n: -5 });
  });
});

describe('dates', () => {
  it('turns wall-clock ns into the UTC calendar and back', () => {
    expect(civil(BOOT)).toMatchObject({ year: 2019, month: 8, day: 19, hour: 9, minute: 24, second: 9 });
    expect(fromCivil(2019, 8, 19, 9, 24, 9)).toBe(BOOT);
    expect(civil(fromCivil(2000, 2, 29, 23, 59, 59))).toMatchObject({ year: 2000, month: 2, day: 29, second: 59 });
    expect(civil(-1e9)).toMatchObject({ year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59 });
  });

  it('shows ls dates with the time for the last six months, the year otherwise', () => {
    expect(lsTime(BOOT, BOOT)).toBe('Aug 19 09:24');
    expect(lsTime(fromCivil(2019, 3, 1), BOOT)).toBe('Mar  1 00:00');
    expect(lsTime(fromCivil(2018, 1, 2, 3, 4, 5), BOOT)).toBe('Jan  2  2018');
    expect(lsTime(BOOT + 86400e9, BOOT)).toBe('Aug 20  2019');
  });

  it('shows stat times to the nanosecond in +0000', () => {
    expect(statTime(BOOT + 123456789)).toMatch(/^2019-08-19 09:24:09\.1234567\d\d \+0000$/);
    expect(statTime(0)).toBe('1970-01-01 00:00:00.000000000 +0000');
  });
});

describe('modes', () => {
  it('renders setuid, setgid and sticky bits as ls does', () => {
    expect(modeString({ type: 'dir', mode: 0o41777 })).toBe('drwxrwxrwt');
    expect(modeString({ type: 'reg', mode: 0o104755 })).toBe('-rwsr-xr-x');
    expect(modeString({ type: 'reg', mode: 0o102644 })).toBe('-rw-r-Sr--');
    expect(modeString({ type: 'blk', mode: 0o60660 })).toBe('brw-rw----');
  });
});
