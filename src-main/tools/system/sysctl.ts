// sysctl(8) from procps-ng 4.0.2: reads and writes /proc/sys/… as the calling process, so the
// kernel's file permissions decide (root only for writes), and walks the tree for -a.
import { abi } from '../../host';
import { defineTool, type ToolRun } from '../tool';
import { readWhole, strerror } from '../common';

const PROC = '/proc/sys/';

const USAGE = `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
      --dry-run        Print the key and values but do not write
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
`;

interface Opts {
  printName: boolean;
  newline: boolean;
  ignore: boolean;
  namesOnly: boolean;
  quiet: boolean;
  dryRun: boolean;
  pattern: RegExp | null;
}

/** slashdot(): `fs/lease-break-time` and `fs.lease-break-time` name the same key. */
const dotted = (name: string) => name.replace(/\//g, '.');
const pathOf = (name: string) => PROC + name.replace(/\./g, '/');

async function readSetting(t: ToolRun, o: Opts, name: string): Promise<number> {
  const path = pathOf(name);
  const out = dotted(name);
  const st = t.sys.stat(path);
  if (!st.ok) {
    if (o.ignore) return 0;
    await t.err(`sysctl: cannot stat ${path}: ${strerror(st.errno)}\n`);
    return 1;
  }
  if ((st.value.mode & 0o400) === 0) return 0;
  if (st.value.type === 'dir') return displayAll(t, o, `${path}/`);
  if (o.pattern && !o.pattern.test(out)) return 0;
  if (o.namesOnly) {
    await t.out(`${out}\n`);
    return 0;
  }
  const r = await readWhole(t, path);
  if (!r.ok) {
    if (r.errno === 'EACCES') await t.err(`sysctl: permission denied on key '${out}'\n`);
    else if (r.errno === 'ENOENT') await t.err(`sysctl: "${out}" is an unknown key\n`);
    else await t.err(`sysctl: reading key "${out}": ${strerror(r.errno)}\n`);
    return 1;
  }
  const text = r.value.endsWith('\n') || r.value === '' ? r.value : `${r.value}\n`;
  if (o.printName) await t.out(`${out} = ${text}`);
  else await t.out(o.newline ? text : text.replace(/\n/g, ''));
  return 0;
}

async function displayAll(t: ToolRun, o: Opts, dir: string): Promise<number> {
  const list = t.sys.readdir(dir);
  if (!list.ok) {
    await t.err(`sysctl: unable to open directory "${dir}"\n`);
    return 1;
  }
  let rc = 0;
  for (const e of list.value) {
    const path = `${dir}${e.name}`;
    const st = t.sys.stat(path);
    if (!st.ok) await t.err(`sysctl: cannot stat ${path}: ${strerror(st.errno)}\n`);
    else if (st.value.type === 'dir') await displayAll(t, o, `${path}/`);
    else rc |= await readSetting(t, o, path.slice(PROC.length));
  }
  return rc;
}

/** parse_setting_line(): `key = value`, `-key = value` (failures ignored), `-key` (excluded). */
function parseLine(line: string): { key: string; value: string; ignore: boolean } | 'skip' | 'invalid' {
  const text = line.trim();
  if (text.length < 2 || text.startsWith('#') || text.startsWith(';')) return 'skip';
  const eq = text.indexOf('=');
  if (eq < 0) return text.startsWith('-') ? 'skip' : 'invalid';
  const ignore = text.startsWith('-');
  return { key: text.slice(ignore ? 1 : 0, eq).trim(), value: text.slice(eq + 1).trim(), ignore };
}

async function writeArg(t: ToolRun, o: Opts, arg: string, where = 'command line', line = 0): Promise<number> {
  if (o.pattern && !o.pattern.test(arg.trim())) return 0;
  const s = parseLine(arg);
  if (s === 'skip') return 0;
  if (s === 'invalid') {
    await t.err(`sysctl: ${where}(${line}): invalid syntax, continuing...\n`);
    return 1;
  }
  return writeSetting(t, o, s.key, s.value, s.ignore);
}

/** -p: settings from files (default /etc/sysctl.conf), `-` being standard input. */
async function preload(t: ToolRun, o: Opts, files: readonly string[]): Promise<number> {
  let rc = 0;
  for (const f of files) {
    let text: string;
    if (f === '-') {
      text = '';
      for (let c = await t.stdin.read(); c !== null; c = await t.stdin.read()) text += c;
    } else {
      const r = await readWhole(t, f);
      if (!r.ok) {
        await t.err(`sysctl: cannot open "${f}": ${strerror(r.errno)}\n`);
        return 1;
      }
      text = r.value;
    }
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) if (lines[i]!.length >= 2) rc |= await writeArg(t, o, lines[i]!, f, i + 1);
  }
  return rc;
}

async function writeSetting(t: ToolRun, o: Opts, key: string, value: string, ignoreFailure = false): Promise<number> {
  const path = pathOf(key);
  const name = dotted(key);
  const st = t.sys.stat(path);
  if (!st.ok) {
    if (o.ignore) return 0;
    await t.err(`sysctl: cannot stat ${path}: ${strerror(st.errno)}\n`);
    return 1;
  }
  if ((st.value.mode & 0o200) === 0 || st.value.type === 'dir') {
    // procps warns with whatever errno is left over and reports success.
    await t.err(`sysctl: setting key "${name}": ${strerror('EACCES')}\n`);
    return 0;
  }
  if (!o.dryRun) {
    const fd = await t.settle(t.sys.open(path, abi.O_WRONLY | abi.O_TRUNC));
    if (!fd.ok) {
      const ignoring = ignoreFailure ? ', ignoring' : '';
      if (fd.errno === 'EACCES' || fd.errno === 'EPERM' || fd.errno === 'EROFS') await t.err(`sysctl: permission denied on key "${name}"${ignoring}\n`);
      else await t.err(`sysctl: setting key "${name}"${ignoring}: ${strerror(fd.errno)}\n`);
      return ignoreFailure ? 0 : 1;
    }
    const w = await t.settle(t.sys.write(fd.value, `${value}\n`));
    await t.settle(t.sys.close(fd.value));
    if (!w.ok) {
      await t.err(`sysctl: setting key "${name}": ${strerror(w.errno)}\n`);
      return 1;
    }
  }
  if (o.quiet && !o.dryRun) return 0;
  if (o.namesOnly) await t.out(`${value}\n`);
  else if (o.printName) await t.out(`${name} = ${value}\n`);
  else await t.out(o.newline ? `${value}\n` : value);
  return 0;
}

export const sysctl = defineTool({
  name: 'sysctl',
  summary: 'configure kernel parameters at runtime',
  help: USAGE,
  async run(t) {
    const o: Opts = { printName: true, newline: true, ignore: false, namesOnly: false, quiet: false, dryRun: false, pattern: null };
    let write = false;
    let all = false;
    let load = false;
    const loadFiles: string[] = [];
    const operands: string[] = [];
    if (t.args.length === 0) {
      await t.err(USAGE);
      return 1;
    }
    const args = [...t.args];
    const long: Record<string, string> = { '--all': 'a', '--binary': 'b', '--ignore': 'e', '--names': 'N', '--values': 'n', '--quiet': 'q', '--write': 'w', '--help': 'h', '--version': 'V' };
    while (args.length) {
      const a = args.shift()!;
      if (a === '--') {
        operands.push(...args.splice(0));
        break;
      }
      if (a === '--dry-run') o.dryRun = true;
      else if (a === '--load' || a.startsWith('--load=') || /^-[pf]/.test(a)) {
        load = true;
        const f = a.startsWith('--load=') ? a.slice(7) : /^-[pf]./.test(a) ? a.slice(2) : undefined;
        if (f !== undefined) loadFiles.push(f);
      }
      else if (a === '--deprecated') continue;
      else if (a === '--pattern' || a.startsWith('--pattern=') || a.startsWith('-r')) {
        const p = a.startsWith('--pattern=') ? a.slice(10) : a.startsWith('-r') && a.length > 2 ? a.slice(2) : args.shift();
        if (p === undefined) {
          await t.err("sysctl: option requires an argument -- 'r'\n");
          await t.out(USAGE);
          return 0;
        }
        o.pattern = new RegExp(p);
      } else if (a.startsWith('--') && !long[a]) {
        await t.err(`sysctl: unrecognized option '${a}'\n`);
        await t.out(USAGE);
        return 0;
      } else if (a.startsWith('-') && a.length > 1) {
        for (const c of long[a] ?? a.slice(1)) {
          if (c === 'b') o.newline = o.printName = false;
          else if (c === 'n') o.printName = false;
          else if (c === 'e') o.ignore = true;
          else if (c === 'N') o.namesOnly = true;
          else if (c === 'w') write = true;
          else if (c === 'q') o.quiet = true;
          else if ('aAX'.includes(c)) all = true;
          else if ('ox'.includes(c)) continue;
          else if (c === 'V') return t.out('sysctl from procps-ng 4.0.2\n').then(() => 0);
          else if ('hd'.includes(c)) return t.out(USAGE).then(() => 0);
          else {
            // getopt's complaint, then Usage(stdout) for '?': exit status 0.
            await t.err(`sysctl: invalid option -- '${c}'\n`);
            await t.out(USAGE);
            return 0;
          }
        }
      } else operands.push(a);
    }
    if (all) return displayAll(t, o, PROC);
    if (load) return preload(t, o, loadFiles.length || operands.length ? [...loadFiles, ...operands] : ['/etc/sysctl.conf']);
    if (!operands.length) {
      await t.err("sysctl: no variables specified\nTry `sysctl --help' for more information.\n");
      return 1;
    }
    if (o.namesOnly && o.quiet) {
      await t.err("sysctl: options -N and -q cannot coexist\nTry `sysctl --help' for more information.\n");
      return 1;
    }
    let rc = 0;
    for (const a of operands) rc = write || a.includes('=') ? rc | (await writeArg(t, o, a)) : rc + (await readSetting(t, o, a));
    return rc;
  },
});
