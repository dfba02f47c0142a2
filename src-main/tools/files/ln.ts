// ln(1) from coreutils 9.1, symbolic links only: `ln -s TARGET LINK`, `ln -s TARGET... DIR`,
// -f, -n, -T, -v. Hard links are not in the kernel model (an inode has one name), which ln says.
import { strerror } from '../../host';
import { quoteaf, quotef, usageError } from '../common';
import { getopt } from '../getopt';
import { defineTool, type ToolRun } from '../tool';

const HELP = `Usage: ln [OPTION]... [-T] TARGET LINK_NAME
  or:  ln [OPTION]... TARGET
  or:  ln [OPTION]... TARGET... DIRECTORY
Create a link to TARGET with the name LINK_NAME, or links to each TARGET in DIRECTORY.
Symbolic links only here: pinsim's kernel model gives every inode one name.

  -f, --force                 remove existing destination files
  -n, --no-dereference        treat LINK_NAME as a normal file if
                                it is a symbolic link to a directory
  -s, --symbolic              make symbolic links instead of hard links
  -T, --no-target-directory   treat LINK_NAME as a normal file always
  -v, --verbose               print name of each linked file
      --help        display this help and exit
`;

const LONG = [
  { name: 'force', arg: 'none', key: 'f' },
  { name: 'no-dereference', arg: 'none', key: 'n' },
  { name: 'symbolic', arg: 'none', key: 's' },
  { name: 'no-target-directory', arg: 'none', key: 'T' },
  { name: 'verbose', arg: 'none', key: 'v' },
] as const;

const base = (p: string) => p.replace(/\/+$/, '').slice(p.replace(/\/+$/, '').lastIndexOf('/') + 1);

async function link(t: ToolRun, target: string, name: string, force: boolean, verbose: boolean): Promise<boolean> {
  if (force) {
    const st = t.sys.lstat(name);
    if (st.ok && st.value.type === 'dir') {
      await t.err(`ln: ${quotef(name)}: cannot overwrite directory\n`);
      return false;
    }
    if (st.ok) t.sys.unlink(name);
  }
  const r = t.sys.symlink(target, name);
  if (!r.ok) {
    await t.err(`ln: failed to create symbolic link ${quoteaf(name)}: ${strerror(r.errno)}\n`);
    return false;
  }
  if (verbose) await t.out(`${quoteaf(name)} -> ${quoteaf(target)}\n`);
  return true;
}

export const ln = defineTool({
  name: 'ln',
  summary: 'make links between files',
  help: HELP,
  async run(t) {
    const p = getopt(t.args, { short: 'fnsTv', long: LONG });
    if (!p.ok) return usageError(t, p.message);
    const on = new Set(p.opts.map((o) => o.key));
    const files = p.operands;
    if (files.length === 0) return usageError(t, 'missing file operand');
    if (!on.has('s')) {
      await t.err(`ln: hard links are not in pinsim's kernel model (an inode has one name); use ln -s\n`);
      return 1;
    }
    const force = on.has('f');
    const verbose = on.has('v');
    const noDeref = on.has('n');
    // One operand: the link goes into the current directory, named `./BASENAME` in messages.
    if (files.length === 1) return (await link(t, files[0]!, `./${base(files[0]!)}`, force, verbose)) ? 0 : 1;
    const last = files[files.length - 1]!;
    const st = noDeref ? t.sys.lstat(last) : t.sys.stat(last);
    const intoDir = !on.has('T') && st.ok && st.value.type === 'dir';
    if (!intoDir) {
      if (files.length > 2) {
        await t.err(`ln: target ${quoteaf(last)}${st.ok ? ' is not a directory' : `: ${strerror(st.errno)}`}\n`);
        return 1;
      }
      return (await link(t, files[0]!, last, force, verbose)) ? 0 : 1;
    }
    let ok = true;
    for (const target of files.slice(0, -1)) ok = (await link(t, target, `${last.replace(/\/+$/, '')}/${base(target)}`, force, verbose)) && ok;
    return ok ? 0 : 1;
  },
});
