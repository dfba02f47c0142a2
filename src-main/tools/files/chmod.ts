// chmod(1) from coreutils 9.1: octal or symbolic modes, -R, -v, -c, -f; `chmod -w FILE` takes
// -w as a mode, as coreutils does.
import { quoteaf, strerror, usageError } from '../common';
import { defineTool, type ToolRun } from '../tool';
import { modeString } from './filemode';
import { applyMode } from './mode';

const UMASK = 0o022;
const HELP = `Usage: chmod [OPTION]... MODE[,MODE]... FILE...
  or:  chmod [OPTION]... OCTAL-MODE FILE...
Change the mode of each FILE to MODE.

  -c, --changes          like verbose but report only when a change is made
  -f, --silent, --quiet  suppress most error messages
  -v, --verbose          output a diagnostic for every file processed
  -R, --recursive        change files and directories recursively
      --help     display this help and exit

Each MODE is of the form '[ugoa]*([-+=]([rwxXst]*|[ugo]))+|[-+=][0-7]+'.
`;

interface Opts {
  recursive: boolean;
  report: 'none' | 'changes' | 'all';
  quiet: boolean;
}

const octal = (m: number) => (m & 0o7777).toString(8).padStart(4, '0');
const symbolic = (m: number) => modeString({ type: 'reg', mode: m }).slice(1);

async function change(t: ToolRun, o: Opts, spec: string, path: string, top: boolean): Promise<boolean> {
  const st = top ? t.sys.stat(path) : t.sys.lstat(path);
  if (!st.ok) {
    if (!o.quiet) await t.err(`chmod: cannot access ${quoteaf(path)}: ${strerror(st.errno)}\n`);
    return false;
  }
  // Recursion does not follow symbolic links, and chmod(2) on one would change its target.
  if (st.value.type === 'lnk') return true;
  const before = st.value.mode & 0o7777;
  const after = applyMode(spec, before, UMASK, st.value.type === 'dir')!;
  let ok = true;
  if (after !== before) {
    const r = t.sys.chmod(path, after);
    if (!r.ok) {
      if (!o.quiet) await t.err(`chmod: changing permissions of ${quoteaf(path)}: ${strerror(r.errno)}\n`);
      ok = false;
    }
  }
  if (ok && (o.report === 'all' || (o.report === 'changes' && after !== before))) {
    await t.out(after === before ? `mode of ${quoteaf(path)} retained as ${octal(before)} (${symbolic(before)})\n` : `mode of ${quoteaf(path)} changed from ${octal(before)} (${symbolic(before)}) to ${octal(after)} (${symbolic(after)})\n`);
  }
  if (o.recursive && st.value.type === 'dir') {
    const list = t.sys.readdir(path);
    if (!list.ok) {
      if (!o.quiet) await t.err(`chmod: cannot read directory ${quoteaf(path)}: ${strerror(list.errno)}\n`);
      return false;
    }
    for (const e of list.value) ok = (await change(t, o, spec, path.endsWith('/') ? path + e.name : `${path}/${e.name}`, false)) && ok;
  }
  return ok;
}

export const chmod = defineTool({
  name: 'chmod',
  summary: 'change file mode bits',
  help: HELP,
  async run(t) {
    const o: Opts = { recursive: false, report: 'none', quiet: false };
    let spec: string | undefined;
    const files: string[] = [];
    let options = true;
    for (const a of t.args) {
      if (options && a === '--') options = false;
      else if (options && /^-[rwxXst]+$/.test(a) && spec === undefined) spec = a;
      else if (options && a.startsWith('--')) {
        if (a === '--recursive') o.recursive = true;
        else if (a === '--verbose') o.report = 'all';
        else if (a === '--changes') o.report = 'changes';
        else if (a === '--silent' || a === '--quiet') o.quiet = true;
        else return usageError(t, `unrecognized option '${a}'`);
      } else if (options && /^-./.test(a)) {
        for (const c of a.slice(1)) {
          if (c === 'R') o.recursive = true;
          else if (c === 'v') o.report = 'all';
          else if (c === 'c') o.report = 'changes';
          else if (c === 'f') o.quiet = true;
          else return usageError(t, `invalid option -- '${c}'`);
        }
      } else if (spec === undefined) spec = a;
      else files.push(a);
    }
    if (spec === undefined) return usageError(t, 'missing operand');
    if (files.length === 0) return usageError(t, `missing operand after ‘${spec}’`);
    if (applyMode(spec, 0, UMASK, false) === null) return usageError(t, `invalid mode: ‘${spec}’`);
    let ok = true;
    for (const f of files) ok = (await change(t, o, spec, f, true)) && ok;
    return ok ? 0 : 1;
  },
});
