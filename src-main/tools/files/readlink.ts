// readlink(1) and realpath(1) from coreutils 9.1: a link's target, or a name with every symbolic
// link, `.` and `..` resolved (canonicalize_filename_mode's three modes).
import { strerror, type Errno } from '../../host';
import { quotef, usageError } from '../common';

const badOption = (a: string): string => (a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a[1]}'`);
import type { ToolRun } from '../tool';
import { defineTool } from '../tool';

/** -f: all but the last component must exist; -e: all of them; -m: none. */
type Mode = 'f' | 'e' | 'm';
const MAX_LINKS = 40;

/** The absolute, link-free name of `path`, or the errno that stopped the walk. */
function canonicalize(t: ToolRun, path: string, mode: Mode): { path: string } | { errno: Errno } {
  const todo = (path.startsWith('/') ? path : `${t.cwd}/${path}`).split('/').filter(Boolean);
  const done: string[] = [];
  let links = 0;
  while (todo.length > 0) {
    const part = todo.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      done.pop();
      continue;
    }
    const here = `/${[...done, part].join('/')}`;
    const st = t.sys.lstat(here);
    if (!st.ok) {
      if (st.errno !== 'ENOENT' || mode === 'e' || (mode === 'f' && todo.length > 0)) return { errno: st.errno };
      done.push(part);
      continue;
    }
    if (st.value.type === 'lnk') {
      if (++links > MAX_LINKS) return { errno: 'ELOOP' };
      const target = t.sys.readlink(here);
      if (!target.ok) return { errno: target.errno };
      if (target.value.startsWith('/')) done.length = 0;
      todo.unshift(...target.value.split('/').filter(Boolean));
      continue;
    }
    if (todo.length > 0 && st.value.type !== 'dir' && mode !== 'm') return { errno: 'ENOTDIR' };
    done.push(part);
  }
  return { path: `/${done.join('/')}` };
}

export const readlink = defineTool({
  name: 'readlink',
  summary: 'print resolved symbolic links or canonical file names',
  help: `Usage: readlink [OPTION]... FILE...
Print value of a symbolic link or canonical file name

  -f, --canonicalize            canonicalize by following every symlink in
                                every component of the given name recursively;
                                all but the last component must exist
  -e, --canonicalize-existing   canonicalize by following every symlink in
                                every component of the given name recursively,
                                all components must exist
  -m, --canonicalize-missing    canonicalize by following every symlink in
                                every component of the given name recursively,
                                without requirements on components existence
  -n, --no-newline              do not output the trailing delimiter
  -q, --quiet
  -s, --silent                  suppress most error messages (on by default)
  -v, --verbose                 report error messages
  -z, --zero                    end each output line with NUL, not newline
      --help     display this help and exit
`,
  async run(t) {
    let mode: Mode | undefined;
    let verbose = false;
    let end = '\n';
    let newline = true;
    const files: string[] = [];
    const LONG: Record<string, string> = { '--canonicalize': 'f', '--canonicalize-existing': 'e', '--canonicalize-missing': 'm', '--no-newline': 'n', '--quiet': 'q', '--silent': 's', '--verbose': 'v', '--zero': 'z' };
    for (const a of t.args) {
      const flags = LONG[a] ?? (/^-[femnqsvz]+$/.test(a) ? a.slice(1) : undefined);
      if (flags === undefined) {
        if (a.startsWith('-') && a !== '-') return usageError(t, badOption(a));
        files.push(a);
        continue;
      }
      for (const c of flags) {
        if (c === 'f' || c === 'e' || c === 'm') mode = c;
        else if (c === 'n') newline = false;
        else if (c === 'v') verbose = true;
        else if (c === 'q' || c === 's') verbose = false;
        else if (c === 'z') end = '\0';
      }
    }
    if (files.length === 0) return usageError(t, 'missing operand');
    if (files.length > 1 && !newline) {
      await t.err('readlink: ignoring --no-newline with multiple arguments\n');
      newline = true;
    }
    let status = 0;
    for (const f of files) {
      const r = mode ? canonicalize(t, f, mode) : ((x) => (x.ok ? { path: x.value } : { errno: x.errno }))(t.sys.readlink(f));
      if ('errno' in r) {
        if (verbose) await t.err(`readlink: ${quotef(f)}: ${strerror(r.errno)}\n`);
        status = 1;
      } else await t.out(r.path + (newline ? end : ''));
    }
    return status;
  },
});

export const realpath = defineTool({
  name: 'realpath',
  summary: 'print the resolved path',
  help: `Usage: realpath [OPTION]... FILE...
Print the resolved absolute file name;
all but the last component must exist

  -e, --canonicalize-existing  all components of the path must exist
  -m, --canonicalize-missing   no path components need exist or be a directory
  -q, --quiet                  suppress most error messages
  -z, --zero                   end each output line with NUL, not newline
      --help     display this help and exit
`,
  async run(t) {
    let mode: Mode = 'f';
    let quiet = false;
    let end = '\n';
    const files: string[] = [];
    for (const a of t.args) {
      if (a === '-e' || a === '--canonicalize-existing') mode = 'e';
      else if (a === '-m' || a === '--canonicalize-missing') mode = 'm';
      else if (a === '-q' || a === '--quiet') quiet = true;
      else if (a === '-z' || a === '--zero') end = '\0';
      else if (a.startsWith('-') && a !== '-') return usageError(t, badOption(a));
      else files.push(a);
    }
    if (files.length === 0) return usageError(t, 'missing operand');
    let status = 0;
    for (const f of files) {
      const r = canonicalize(t, f, mode);
      if ('errno' in r) {
        if (!quiet) await t.err(`realpath: ${quotef(f)}: ${strerror(r.errno)}\n`);
        status = 1;
      } else await t.out(r.path + end);
    }
    return status;
  },
});
