// date(1) from coreutils on the host's virtual wall clock (UTC). Setting the clock is the
// simulator's business (simctl), so operands other than +FORMAT are dates it cannot parse.
import { NS_PER_SEC } from '../../host';
import { defineTool, type ToolRun } from '../tool';
import { complain, strerror, usageError } from '../common';
import { gmtime, now, strftime, type Tm } from './time';

const ISO: Record<string, string> = {
  date: '%Y-%m-%d',
  hours: '%Y-%m-%dT%H%:z',
  minutes: '%Y-%m-%dT%H:%M%:z',
  seconds: '%Y-%m-%dT%H:%M:%S%:z',
  ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
};

/** The few date strings admins type: @SECONDS, now/today/yesterday/tomorrow, YYYY-MM-DD [HH:MM[:SS]]. */
export function parseDate(s: string, current: Tm): Tm | null {
  const text = s.trim().toLowerCase();
  const at = /^@(-?\d+)$/.exec(text);
  if (at) return gmtime(Number(at[1]));
  const shift: Record<string, number> = { now: 0, today: 0, yesterday: -86400, tomorrow: 86400 };
  if (text in shift) return gmtime(current.epoch + shift[text]!, current.nsec);
  if (text === '') return gmtime(current.epoch - (current.epoch % 86400));
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return null;
  // days_from_civil
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  return gmtime(days * 86400 + h * 3600 + mi * 60 + se);
}

async function run(t: ToolRun): Promise<number> {
  let dateStr: string | undefined;
  let ref: string | undefined;
  let format: string | undefined;
  const args = [...t.args];
  const operands: string[] = [];
  while (args.length) {
    const a = args.shift()!;
    if (a === '-u' || a === '--utc' || a === '--universal') continue;
    else if (a === '-d' || a === '--date') {
      if (!args.length) return usageError(t, "option requires an argument -- 'd'");
      dateStr = args.shift()!;
    } else if (a.startsWith('--date=')) dateStr = a.slice(7);
    else if (a.startsWith('-d')) dateStr = a.slice(2);
    else if (a === '-r' || a === '--reference') {
      if (!args.length) return usageError(t, "option requires an argument -- 'r'");
      ref = args.shift()!;
    } else if (a.startsWith('--reference=')) ref = a.slice(12);
    else if (a === '-R' || a === '--rfc-email') format = '%a, %d %b %Y %H:%M:%S %z';
    else if (a === '-I' || a.startsWith('-I') || a === '--iso-8601' || a.startsWith('--iso-8601=')) {
      const spec = a.startsWith('--') ? (a.split('=')[1] ?? 'date') : a.slice(2) || 'date';
      const key = Object.keys(ISO).find((k) => k.startsWith(spec));
      if (!key) return complain(t, `invalid argument ‘${spec}’ for ‘--iso-8601’\nValid arguments are:\n  - ‘hours’\n  - ‘minutes’\n  - ‘date’\n  - ‘seconds’\n  - ‘ns’\nTry 'date --help' for more information.`);
      format = ISO[key];
    } else if (a === '--') operands.push(...args.splice(0));
    else if (a.startsWith('--')) return usageError(t, `unrecognized option '${a}'`);
    else if (a.startsWith('-') && a.length > 1) return usageError(t, `invalid option -- '${a[1]}'`);
    else operands.push(a);
  }
  for (const op of operands) {
    if (op.startsWith('+') && format === undefined) format = op.slice(1);
    else if (op.startsWith('+')) return usageError(t, `extra operand ‘${op}’`);
    else return complain(t, `invalid date ‘${op}’`);
  }
  let tm = now(t);
  if (dateStr !== undefined) {
    const d = parseDate(dateStr, tm);
    if (!d) return complain(t, `invalid date ‘${dateStr}’`);
    tm = d;
  } else if (ref !== undefined) {
    const st = t.sys.stat(ref);
    if (!st.ok) return complain(t, `${ref}: ${strerror(st.errno)}`);
    const sec = Math.floor(st.value.mtimeNs / NS_PER_SEC);
    tm = gmtime(sec, st.value.mtimeNs - sec * NS_PER_SEC);
  }
  await t.out(`${strftime(format ?? '%a %b %e %H:%M:%S %Z %Y', tm)}\n`);
  return 0;
}

export const date = defineTool({
  name: 'date',
  summary: 'print or set the system date and time',
  help: `Usage: date [OPTION]... [+FORMAT]
Display the current time in the given FORMAT.

Mandatory arguments to long options are mandatory for short options too.
  -d, --date=STRING          display time described by STRING, not 'now'
  -I[FMT], --iso-8601[=FMT]  output date/time in ISO 8601 format.
                               FMT='date' for date only (the default),
                               'hours', 'minutes', 'seconds', or 'ns'
                               for date and time to the indicated precision.
                               Example: 2006-08-14T02:34:56-06:00
  -R, --rfc-email            output date and time in RFC 5322 format.
                               Example: Mon, 14 Aug 2006 02:34:56 -0600
  -r, --reference=FILE       display the last modification time of FILE
  -u, --utc, --universal     print or set Coordinated Universal Time (UTC)
      --help     display this help and exit

FORMAT controls the output.  Interpreted sequences are:

  %%   a literal %
  %a   locale's abbreviated weekday name (e.g., Sun)
  %b   locale's abbreviated month name (e.g., Jan)
  %d   day of month (e.g., 01)
  %e   day of month, space padded; same as %_d
  %F   full date; same as %Y-%m-%d
  %H   hour (00..23)
  %M   minute (00..59)
  %N   nanoseconds (000000000..999999999)
  %s   seconds since 1970-01-01 00:00:00 UTC
  %S   second (00..60)
  %T   time; same as %H:%M:%S
  %Y   year
  %z   +hhmm numeric time zone (e.g., -0400)
  %Z   alphabetic time zone abbreviation (e.g., EDT)
`,
  run,
});

