// rm(1) from coreutils 9.1 (remove.c over fts): unlink files, rmdir directories after their
// contents with -r, -d for empty directories, -f to ignore missing files, -v to tell.
import { defineTool, type ToolRun } from '../tool';
import { quoteaf, strerror } from '../common';
import { getopt } from '../getopt';
import { joinPath } from './filemode';

export interface RemoveOptions {
  tool: string;
  recursive: boolean;
  emptyDirs: boolean;
  force: boolean;
  verbose: boolean;
}

async function complainRm(t: ToolRun, o: RemoveOptions, path: string, errno: Parameters<typeof strerror>[0]): Promise<false> {
  await t.err(`${o.tool}: cannot remove ${quoteaf(path)}: ${strerror(errno)}\n`);
  return false;
}

/** Removes `path` (a command-line operand when `top`); false after printing an error. */
export async function removePath(t: ToolRun, o: RemoveOptions, path: string, top = true): Promise<boolean> {
  const st = t.sys.lstat(path);
  if (!st.ok) {
    if (o.force && st.errno === 'ENOENT') return true;
    return complainRm(t, o, path, st.errno);
  }
  if (st.value.type !== 'dir') {
    const r = t.sys.unlink(path);
    if (!r.ok) return o.force && r.errno === 'ENOENT' ? true : complainRm(t, o, path, r.errno);
    if (o.verbose) await t.out(`removed ${quoteaf(path)}\n`);
    return true;
  }
  if (top && /(^|\/)\.\.?\/*$/.test(path)) {
    await t.err(`${o.tool}: refusing to remove '.' or '..' directory: skipping ${quoteaf(path)}\n`);
    return false;
  }
  const root = t.sys.stat('/');
  if (top && root.ok && root.value.ino === st.value.ino && root.value.dev.major === st.value.dev.major && root.value.dev.minor === st.value.dev.minor) {
    await t.err(`${o.tool}: it is dangerous to operate recursively on ${quoteaf(path)}\n${o.tool}: use --no-preserve-root to override this failsafe\n`);
    return false;
  }
  if (!o.recursive) {
    if (!o.emptyDirs) return complainRm(t, o, path, 'EISDIR');
    const list = t.sys.readdir(path);
    if (list.ok && list.value.length > 0) return complainRm(t, o, path, 'ENOTEMPTY');
  } else {
    const list = t.sys.readdir(path);
    if (!list.ok) return complainRm(t, o, path, list.errno);
    let ok = true;
    for (const e of list.value) ok = (await removePath(t, o, joinPath(path, e.name), false)) && ok;
    if (!ok) return false;
  }
  const r = t.sys.rmdir(path);
  if (!r.ok) return complainRm(t, o, path, r.errno);
  if (o.verbose) await t.out(`removed directory ${quoteaf(path)}\n`);
  return true;
}

export const rm = defineTool({
  name: 'rm',
  summary: 'remove files or directories',
  help: `Usage: rm [OPTION]... [FILE]...
Remove (unlink) the FILE(s).

  -f, --force           ignore nonexistent files and arguments, never prompt
  -r, -R, --recursive   remove directories and their contents recursively
  -d, --dir             remove empty directories
  -v, --verbose         explain what is being done
      --help        display this help and exit

By default, rm does not remove directories.  Use the --recursive (-r or -R)
option to remove each listed directory, too, along with all of its contents.

To remove a file whose name starts with a '-', for example '-foo',
use one of these commands:
  rm -- -foo

  rm ./-foo
`,
  async run(t) {
    const p = getopt(t.args, {
      short: 'dfirvIR',
      long: [
        { name: 'force', arg: 'none', key: 'f' },
        { name: 'recursive', arg: 'none', key: 'r' },
        { name: 'dir', arg: 'none', key: 'd' },
        { name: 'verbose', arg: 'none', key: 'v' },
        { name: 'interactive', arg: 'optional', key: 'I' },
      ],
    });
    if (!p.ok) {
      await t.err(`rm: ${p.message}\nTry 'rm --help' for more information.\n`);
      return 1;
    }
    const o: RemoveOptions = { tool: 'rm', recursive: false, emptyDirs: false, force: false, verbose: false };
    for (const { key } of p.opts) {
      if (key === 'f') o.force = true;
      else if (key === 'r' || key === 'R') o.recursive = true;
      else if (key === 'd') o.emptyDirs = true;
      else if (key === 'v') o.verbose = true;
      else if (key === 'i' || key === 'I') o.force = false;
    }
    if (!p.operands.length) {
      if (o.force) return 0;
      await t.err(`rm: missing operand\nTry 'rm --help' for more information.\n`);
      return 1;
    }
    let ok = true;
    for (const f of p.operands) ok = (await removePath(t, o, f)) && ok;
    return ok ? 0 : 1;
  },
});
