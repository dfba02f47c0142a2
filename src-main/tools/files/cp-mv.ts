// cp(1) and mv(1) from coreutils 9.1: SOURCE DEST or SOURCE... DIRECTORY; cp -r/-a/-p and
// --reflink (FICLONE through the kernel, so a pinned or leased source is the kernel's call);
// mv renames, and across filesystems copies everything then removes the source.
import { defineTool, type ToolRun } from '../tool';
import { quoteaf, strerror } from '../common';
import { getopt, type Opt } from '../getopt';
import { copyPath, isUnder, lastComponent, type CopyOptions } from './copy';
import { joinPath } from './filemode';
import { removePath } from './remove';

/** The (source, destination) pairs of the operands, or an error already printed. */
async function plan(t: ToolRun, tool: 'cp' | 'mv', files: readonly string[], targetDir: string | null): Promise<Array<[string, string]> | null> {
  const usage = async (msg: string) => {
    await t.err(`${tool}: ${msg}\nTry '${tool} --help' for more information.\n`);
    return null;
  };
  if (targetDir !== null) {
    const st = t.sys.stat(targetDir);
    if (!st.ok || st.value.type !== 'dir') {
      await t.err(`${tool}: target directory ${quoteaf(targetDir)}: ${strerror(st.ok ? 'ENOTDIR' : st.errno)}\n`);
      return null;
    }
    if (!files.length) return usage('missing file operand');
    return files.map((f) => [f, joinPath(targetDir, lastComponent(f))]);
  }
  if (files.length === 0) return usage('missing file operand');
  if (files.length === 1) return usage(`missing destination file operand after ${quoteaf(files[0]!)}`);
  const last = files[files.length - 1]!;
  const st = t.sys.stat(last);
  if (st.ok && st.value.type === 'dir') return files.slice(0, -1).map((f) => [f, joinPath(last, lastComponent(f))]);
  if (files.length > 2) {
    await t.err(`${tool}: target ${quoteaf(last)}: ${strerror(st.ok ? 'ENOTDIR' : st.errno)}\n`);
    return null;
  }
  return [[files[0]!, last]];
}

function targetOf(opts: readonly Opt[]): string | null {
  let dir: string | null = null;
  for (const o of opts) if (o.key === 't') dir = o.value ?? '';
  return dir;
}

export const cp = defineTool({
  name: 'cp',
  summary: 'copy files and directories',
  help: `Usage: cp [OPTION]... [-T] SOURCE DEST
  or:  cp [OPTION]... SOURCE... DIRECTORY
  or:  cp [OPTION]... -t DIRECTORY SOURCE...
Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.

Mandatory arguments to long options are mandatory for short options too.
  -a, --archive                same as -dR --preserve=all
  -p                           same as --preserve=mode,ownership,timestamps
  -R, -r, --recursive          copy directories recursively
      --reflink[=WHEN]         control clone/CoW copies. See below
  -t, --target-directory=DIRECTORY  copy all SOURCE arguments into DIRECTORY
  -v, --verbose                explain what is being done
      --help        display this help and exit

When --reflink[=always] is specified, perform a lightweight copy, where the
data blocks are copied only when modified.  If this is not possible the copy
fails, or if --reflink=auto is specified, fall back to a standard copy.
Use --reflink=never to ensure a standard copy is performed.
`,
  async run(t) {
    const p = getopt(t.args, {
      short: 'apRrt:vdf',
      long: [
        { name: 'archive', arg: 'none', key: 'a' },
        { name: 'recursive', arg: 'none', key: 'r' },
        { name: 'reflink', arg: 'optional' },
        { name: 'target-directory', arg: 'required', key: 't' },
        { name: 'verbose', arg: 'none', key: 'v' },
        { name: 'force', arg: 'none', key: 'f' },
        { name: 'preserve', arg: 'optional' },
      ],
    });
    if (!p.ok) {
      await t.err(`cp: ${p.message}\nTry 'cp --help' for more information.\n`);
      return 1;
    }
    const o: CopyOptions = { tool: 'cp', recursive: false, preserve: false, reflink: 'auto', verbose: false };
    for (const { key, value } of p.opts) {
      if (key === 'a') o.recursive = o.preserve = true;
      else if (key === 'r' || key === 'R') o.recursive = true;
      else if (key === 'p' || key === 'preserve') o.preserve = true;
      else if (key === 'v') o.verbose = true;
      else if (key === 'reflink') {
        const when = value ?? 'always';
        if (when !== 'always' && when !== 'auto' && when !== 'never') {
          await t.err(`cp: invalid argument ‘${when}’ for ‘--reflink’\nValid arguments are:\n  - ‘auto’\n  - ‘always’\n  - ‘never’\nTry 'cp --help' for more information.\n`);
          return 1;
        }
        o.reflink = when;
      }
    }
    const pairs = await plan(t, 'cp', p.operands, targetOf(p.opts));
    if (!pairs) return 1;
    let ok = true;
    for (const [src, dst] of pairs) ok = (await copyPath(t, o, src, dst)) && ok;
    return ok ? 0 : 1;
  },
});

async function move(t: ToolRun, src: string, dst: string, verbose: boolean): Promise<boolean> {
  const say = async (s: string) => t.err(`mv: ${s}\n`).then(() => false);
  const sr = t.sys.lstat(src);
  if (!sr.ok) return say(`cannot stat ${quoteaf(src)}: ${strerror(sr.errno)}`);
  const dr = t.sys.lstat(dst);
  if (dr.ok) {
    const same = dr.value.ino === sr.value.ino && dr.value.dev.major === sr.value.dev.major && dr.value.dev.minor === sr.value.dev.minor;
    if (same) return say(`${quoteaf(src)} and ${quoteaf(dst)} are the same file`);
    if (dr.value.type === 'dir' && sr.value.type !== 'dir') return say(`cannot overwrite directory ${quoteaf(dst)} with non-directory`);
    if (dr.value.type !== 'dir' && sr.value.type === 'dir') return say(`cannot overwrite non-directory ${quoteaf(dst)} with directory ${quoteaf(src)}`);
  }
  if (sr.value.type === 'dir' && isUnder(t, sr.value, dst)) return say(`cannot move ${quoteaf(src)} to a subdirectory of itself, ${quoteaf(dst)}`);
  const r = t.sys.rename(src, dst);
  if (r.ok) {
    if (verbose) await t.out(`renamed ${quoteaf(src)} -> ${quoteaf(dst)}\n`);
    return true;
  }
  if (r.errno !== 'EXDEV') return say(`cannot move ${quoteaf(src)} to ${quoteaf(dst)}: ${strerror(r.errno)}`);
  // Another filesystem: replace the target by a full copy, then remove the source.
  if (dr.ok) {
    const u = dr.value.type === 'dir' ? t.sys.rmdir(dst) : t.sys.unlink(dst);
    if (!u.ok && u.errno !== 'ENOENT') return say(`inter-device move failed: ${quoteaf(src)} to ${quoteaf(dst)}; unable to remove target: ${strerror(u.errno)}`);
  }
  const copied = await copyPath(t, { tool: 'mv', recursive: true, preserve: true, reflink: 'auto', verbose: false }, src, dst);
  if (!copied) return false;
  if (verbose) await t.out(`copied ${quoteaf(src)} -> ${quoteaf(dst)}\n`);
  return removePath(t, { tool: 'mv', recursive: true, emptyDirs: false, force: false, verbose: false }, src);
}

export const mv = defineTool({
  name: 'mv',
  summary: 'move (rename) files',
  help: `Usage: mv [OPTION]... [-T] SOURCE DEST
  or:  mv [OPTION]... SOURCE... DIRECTORY
  or:  mv [OPTION]... -t DIRECTORY SOURCE...
Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.

Mandatory arguments to long options are mandatory for short options too.
  -f, --force                  do not prompt before overwriting
  -t, --target-directory=DIRECTORY  move all SOURCE arguments into DIRECTORY
  -v, --verbose                explain what is being done
      --help        display this help and exit
`,
  async run(t) {
    const p = getopt(t.args, {
      short: 'ft:v',
      long: [
        { name: 'force', arg: 'none', key: 'f' },
        { name: 'target-directory', arg: 'required', key: 't' },
        { name: 'verbose', arg: 'none', key: 'v' },
      ],
    });
    if (!p.ok) {
      await t.err(`mv: ${p.message}\nTry 'mv --help' for more information.\n`);
      return 1;
    }
    const verbose = p.opts.some((o) => o.key === 'v');
    const pairs = await plan(t, 'mv', p.operands, targetOf(p.opts));
    if (!pairs) return 1;
    let ok = true;
    for (const [src, dst] of pairs) ok = (await move(t, src, dst, verbose)) && ok;
    return ok ? 0 : 1;
  },
});
