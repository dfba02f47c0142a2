// basename and dirname (GNU coreutils 9.1).
import { defineTool } from '../tool';
import { usageError } from '../common';
import { parseOpts } from './opts';

export function baseOf(name: string, suffix = ''): string {
  if (name === '') return '';
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return suffix && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base;
}

export function dirOf(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return name.startsWith('/') ? '/' : '.';
  const at = trimmed.lastIndexOf('/');
  if (at < 0) return '.';
  const dir = trimmed.slice(0, at).replace(/\/+$/, '');
  // POSIX keeps a leading '//' as it is.
  return dir === '' ? (trimmed.startsWith('//') && !trimmed.startsWith('///') ? '//' : '/') : dir;
}

export const basename = defineTool({
  name: 'basename',
  summary: 'strip directory and suffix from filenames',
  help: `Usage: basename NAME [SUFFIX]
  or:  basename OPTION... NAME...
Print NAME with any leading directory components removed.
If specified, also remove a trailing SUFFIX.

  -a, --multiple       support multiple arguments and treat each as a NAME
  -s, --suffix=SUFFIX  remove a trailing SUFFIX; implies -a
  -z, --zero           end each output line with NUL, not newline
      --help        display this help and exit
`,
  async run(t) {
    const p = parseOpts(t.args, { short: 'as:z', long: { multiple: ['a'], suffix: ['s', 'required'], zero: ['z'] } });
    if (!p.ok) return usageError(t, p.message);
    let multiple = false;
    let suffix = '';
    let end = '\n';
    for (const [k, v] of p.opts) {
      if (k === 'a') multiple = true;
      else if (k === 's') {
        suffix = v!;
        multiple = true;
      } else if (k === 'z') end = '\0';
    }
    const ops = p.operands;
    if (ops.length === 0) return usageError(t, 'missing operand');
    if (!multiple) {
      if (ops.length > 2) return usageError(t, `extra operand '${ops[2]}'`);
      await t.out(baseOf(ops[0]!, ops[1] ?? '') + end);
      return 0;
    }
    await t.out(ops.map((o) => baseOf(o, suffix) + end).join(''));
    return 0;
  },
});

export const dirname = defineTool({
  name: 'dirname',
  summary: 'strip last component from file name',
  help: `Usage: dirname [OPTION] NAME...
Output each NAME with its last non-slash component and trailing slashes
removed; if NAME contains no /'s, output '.' (meaning the current directory).

  -z, --zero     end each output line with NUL, not newline
      --help     display this help and exit
`,
  async run(t) {
    const p = parseOpts(t.args, { short: 'z', long: { zero: ['z'] } });
    if (!p.ok) return usageError(t, p.message);
    if (p.operands.length === 0) return usageError(t, 'missing operand');
    const end = p.opts.length ? '\0' : '\n';
    await t.out(p.operands.map((o) => dirOf(o) + end).join(''));
    return 0;
  },
});
