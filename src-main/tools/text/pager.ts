// less and more when standard output is not a terminal (always, for a host's tools): they copy
// their input as cat does; more heads each file with its name, as util-linux more does.
import { defineTool, type ToolRun } from '../tool';
import { strerror } from '../common';
import { openSource, ReadError } from './io';

async function copy(t: ToolRun, name: string): Promise<string | null> {
  const o = await openSource(t, name);
  if (!o.ok) return strerror(o.errno);
  try {
    for (let c = await o.src.read(); c !== null; c = await o.src.read()) await t.out(c);
    return null;
  } catch (e) {
    if (e instanceof ReadError) return strerror(e.errno);
    throw e;
  } finally {
    await o.src.close();
  }
}

function operands(args: readonly string[]): string[] {
  // Options (-R, -S, -N, +G, -p pattern…) change only the interactive display.
  const files: string[] = [];
  let noMore = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!noMore && a === '--') noMore = true;
    else if (!noMore && /^-[bhjkoOpPtTxyz]$/.test(a)) i++;
    else if (!noMore && a.length > 1 && (a.startsWith('-') || a.startsWith('+'))) continue;
    else files.push(a);
  }
  return files;
}

export const less = defineTool({
  name: 'less',
  summary: 'opposite of more',
  help: `Usage: less [options] [file]...\n\n  When standard output is not a terminal, less copies its input as cat does.\n`,
  async run(t) {
    const files = operands(t.args);
    for (const f of files.length ? files : ['-']) {
      const st = f === '-' ? null : t.sys.stat(f);
      if (st?.ok && st.value.type === 'dir') {
        await t.out(`${f} is a directory\n`);
        continue;
      }
      const err = await copy(t, f);
      if (err) await t.out(`${f}: ${err}\n`);
    }
    return 0;
  },
});

export const more = defineTool({
  name: 'more',
  summary: 'display the contents of a file in a terminal',
  help: `Usage:\n more [options] <file>...\n\nDisplay the contents of a file in a terminal.\n`,
  async run(t) {
    const files = operands(t.args);
    if (files.length === 0) {
      await copy(t, '-');
      return 0;
    }
    for (const f of files) {
      const st = t.sys.stat(f);
      if (!st.ok) {
        await t.err(`more: cannot open ${f}: ${strerror(st.errno)}\n`);
        continue;
      }
      if (st.value.type === 'dir') {
        await t.out(`\n*** ${f}: directory ***\n\n`);
        continue;
      }
      await t.out(`::::::::::::::\n${f}\n::::::::::::::\n`);
      const err = await copy(t, f);
      if (err) await t.err(`more: cannot open ${f}: ${err}\n`);
    }
    return 0;
  },
});
