// mkdir(1) and touch(1) from coreutils 9.1. mkdir: -p parents, -m MODE (octal or u+rwx-style),
// -v. touch: open(O_WRONLY|O_CREAT|O_NONBLOCK) then utimensat, so it breaks leases and may fail
// as an open does; -c, -a, -m, -d DATE, -t STAMP, -r FILE.
import { abi } from '../../host';
import { defineTool, type ToolRun } from '../tool';
import { quoteaf, strerror } from '../common';
import { getopt } from '../getopt';
import { civil, fromCivil } from './timefmt';
import { applyMode } from './mode';

const UMASK = 0o022;

async function makeDir(t: ToolRun, path: string, parents: boolean, mode: number | null, verbose: boolean): Promise<boolean> {
  const fail = async (errno: Parameters<typeof strerror>[0]) => {
    await t.err(`mkdir: cannot create directory ‘${path}’: ${strerror(errno)}\n`);
    return false;
  };
  const created = async (p: string) => (verbose ? t.out(`mkdir: created directory ${quoteaf(p)}\n`) : undefined);
  if (parents) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (prefix === '' || /(^|\/)\.\.?$/.test(prefix)) continue;
      const r = t.sys.mkdir(prefix, 0o777);
      if (r.ok) await created(prefix);
      else if (r.errno !== 'EEXIST') return fail(r.errno);
    }
  }
  const r = t.sys.mkdir(path, mode ?? 0o777);
  if (!r.ok) {
    const st = t.sys.stat(path);
    if (parents && r.errno === 'EEXIST' && st.ok && st.value.type === 'dir') return true;
    return fail(r.errno);
  }
  if (mode !== null && mode & ~(0o777 & ~UMASK)) t.sys.chmod(path, mode);
  await created(path);
  return true;
}

export const mkdir = defineTool({
  name: 'mkdir',
  summary: 'make directories',
  help: `Usage: mkdir [OPTION]... DIRECTORY...
Create the DIRECTORY(ies), if they do not already exist.

Mandatory arguments to long options are mandatory for short options too.
  -m, --mode=MODE   set file mode (as in chmod), not a=rwx - umask
  -p, --parents     no error if existing, make parent directories as needed,
                    with their file modes unaffected by any -m option.
  -v, --verbose     print a message for each created directory
      --help        display this help and exit
`,
  async run(t) {
    const p = getopt(t.args, {
      short: 'm:pv',
      long: [
        { name: 'mode', arg: 'required', key: 'm' },
        { name: 'parents', arg: 'none', key: 'p' },
        { name: 'verbose', arg: 'none', key: 'v' },
      ],
    });
    if (!p.ok) return usage(t, 'mkdir', p.message);
    let parents = false;
    let verbose = false;
    let mode: number | null = null;
    for (const o of p.opts) {
      if (o.key === 'p') parents = true;
      else if (o.key === 'v') verbose = true;
      else {
        mode = applyMode(o.value ?? '', 0o777 & ~UMASK, UMASK, true);
        if (mode === null) {
          await t.err(`mkdir: invalid mode ‘${o.value}’\n`);
          return 1;
        }
      }
    }
    if (!p.operands.length) return usage(t, 'mkdir', 'missing operand');
    let ok = true;
    for (const d of p.operands) ok = (await makeDir(t, d, parents, mode, verbose)) && ok;
    return ok ? 0 : 1;
  },
});

async function usage(t: ToolRun, tool: string, message: string): Promise<number> {
  await t.err(`${tool}: ${message}\nTry '${tool} --help' for more information.\n`);
  return 1;
}

/** touch -d: `@SECONDS`, `now`, `YYYY-MM-DD[ HH:MM[:SS[.frac]]]` (UTC). */
function parseDate(s: string, now: number): number | null {
  const str = s.trim();
  if (str === 'now' || str === '') return now;
  const at = /^@(-?\d+)(?:\.(\d{1,9}))?$/.exec(str);
  if (at) return Number(at[1]) * 1e9 + Number((at[2] ?? '').padEnd(9, '0') || 0);
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/.exec(str);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = ''] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 60) return null;
  return fromCivil(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec), Number(frac.padEnd(9, '0') || 0));
}

/** touch -t: `[[CC]YY]MMDDhhmm[.ss]`. */
function parseStamp(s: string, now: number): number | null {
  const m = /^(\d{2})?(\d{2})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(s);
  if (!m) return null;
  const [, a, b, mo, d, h, mi, sec = '0'] = m;
  const year = a && b ? Number(a + b) : a ? (Number(a) < 69 ? 2000 : 1900) + Number(a) : civil(now).year;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59) return null;
  return fromCivil(year, Number(mo), Number(d), Number(h), Number(mi), Number(sec));
}

export const touch = defineTool({
  name: 'touch',
  summary: 'change file timestamps',
  help: `Usage: touch [OPTION]... FILE...
Update the access and modification times of each FILE to the current time.

A FILE argument that does not exist is created empty, unless -c or -h
is supplied.

Mandatory arguments to long options are mandatory for short options too.
  -a                     change only the access time
  -c, --no-create        do not create any files
  -d, --date=STRING      parse STRING and use it instead of current time
  -m                     change only the modification time
  -r, --reference=FILE   use this file's times instead of current time
  -t STAMP               use [[CC]YY]MMDDhhmm[.ss] instead of current time
      --help        display this help and exit
`,
  async run(t) {
    const p = getopt(t.args, {
      short: 'acd:mr:t:',
      long: [
        { name: 'no-create', arg: 'none', key: 'c' },
        { name: 'date', arg: 'required', key: 'd' },
        { name: 'reference', arg: 'required', key: 'r' },
      ],
    });
    if (!p.ok) return usage(t, 'touch', p.message);
    let noCreate = false;
    let which = 0;
    let atime: number | 'now' = 'now';
    let mtime: number | 'now' = 'now';
    const now = t.host.wallNs();
    for (const o of p.opts) {
      const v = o.value ?? '';
      if (o.key === 'c') noCreate = true;
      else if (o.key === 'a') which |= 1;
      else if (o.key === 'm') which |= 2;
      else if (o.key === 'r') {
        const st = t.sys.stat(v);
        if (!st.ok) {
          await t.err(`touch: failed to get attributes of ${quoteaf(v)}: ${strerror(st.errno)}\n`);
          return 1;
        }
        atime = st.value.atimeNs;
        mtime = st.value.mtimeNs;
      } else {
        const when = o.key === 'd' ? parseDate(v, now) : parseStamp(v, now);
        if (when === null) {
          await t.err(`touch: invalid date format ‘${v}’\n`);
          return 1;
        }
        atime = mtime = when;
      }
    }
    if (!p.operands.length) return usage(t, 'touch', 'missing file operand');
    let status = 0;
    for (const f of p.operands) {
      let openErr: Parameters<typeof strerror>[0] | null = null;
      if (!noCreate) {
        const o = await t.settle(t.sys.open(f, abi.O_WRONLY | abi.O_CREAT | abi.O_NONBLOCK | abi.O_NOCTTY, 0o666));
        if (o.ok) await t.settle(t.sys.close(o.value));
        else openErr = o.errno;
      }
      const r = t.sys.utimensat(f, which === 2 ? 'omit' : atime, which === 1 ? 'omit' : mtime);
      if (r.ok) continue;
      if (openErr && openErr !== 'EISDIR') await t.err(`touch: cannot touch ${quoteaf(f)}: ${strerror(openErr)}\n`);
      else if (noCreate && r.errno === 'ENOENT') continue;
      else await t.err(`touch: setting times of ${quoteaf(f)}: ${strerror(r.errno)}\n`);
      status = 1;
    }
    return status;
  },
});
