// sort: sort lines of text files (GNU coreutils 9.1, LC_ALL=C byte order), stable merge of keys
// with the last-resort whole-line comparison unless -s or -u.
import { defineTool } from '../tool';
import { complain, strerror, usageError } from '../common';
import { openSource, openWrite, readAll, ReadError, writeAll } from './io';
import { parseOpts } from './opts';
import { compareKey, keyText, lastResort, NO_ORDER, parseKey, type Key, type Ordering } from './sort-keys';

const HELP = `Usage: sort [OPTION]... [FILE]...
Write sorted concatenation of all FILE(s) to standard output.

With no FILE, or when FILE is -, read standard input.

Ordering options:

  -b, --ignore-leading-blanks  ignore leading blanks
  -d, --dictionary-order      consider only blanks and alphanumeric characters
  -f, --ignore-case           fold lower case to upper case characters
  -g, --general-numeric-sort  compare according to general numerical value
  -i, --ignore-nonprinting    consider only printable characters
  -M, --month-sort            compare (unknown) < 'JAN' < ... < 'DEC'
  -h, --human-numeric-sort    compare human readable numbers (e.g., 2K 1G)
  -n, --numeric-sort          compare according to string numerical value
  -r, --reverse               reverse the result of comparisons
  -V, --version-sort          natural sort of (version) numbers within text

Other options:

  -c, --check               check for sorted input; do not sort
  -k, --key=KEYDEF          sort via a key; KEYDEF gives location and type
  -o, --output=FILE         write result to FILE instead of standard output
  -s, --stable              stabilize sort by disabling last-resort comparison
  -t, --field-separator=SEP  use SEP instead of non-blank to blank transition
  -u, --unique              output only the first of an equal run
      --help        display this help and exit

KEYDEF is F[.C][OPTS][,F[.C][OPTS]] for start and stop position, where F is a
field number and C a character position in the field; both are origin 1, and
the stop position defaults to the line's end.
`;

const LONG = {
  'ignore-leading-blanks': ['b'], 'dictionary-order': ['d'], 'ignore-case': ['f'], 'general-numeric-sort': ['g'],
  'ignore-nonprinting': ['i'], 'month-sort': ['M'], 'human-numeric-sort': ['h'], 'numeric-sort': ['n'], reverse: ['r'],
  'version-sort': ['V'], check: ['c'], key: ['k', 'required'], output: ['o', 'required'], stable: ['s'],
  'field-separator': ['t', 'required'], unique: ['u'], 'buffer-size': ['S', 'required'], 'temporary-directory': ['T', 'required'],
  parallel: ['parallel', 'required'], merge: ['m'],
} as const;

export const sort = defineTool({
  name: 'sort',
  summary: 'sort lines of text files',
  help: HELP,
  async run(t) {
    const p = parseOpts(t.args, { short: 'bcCdfghiMmnrsuVk:o:t:S:T:', long: LONG });
    if (!p.ok) return usageError(t, p.message, 2);
    const global: Ordering = { ...NO_ORDER };
    const keySpecs: string[] = [];
    let tab: string | null = null;
    let output: string | null = null;
    let unique = false;
    let stable = false;
    let check: 'none' | 'loud' | 'quiet' = 'none';
    for (const [k, v] of p.opts) {
      if ('bdfghiMnrV'.includes(k) && k.length === 1) global[k as keyof Ordering] = true;
      else if (k === 'k') keySpecs.push(v!);
      else if (k === 't') {
        const sep = v === '\\0' ? '\0' : v!;
        if (sep.length !== 1) return complain(t, sep === '' ? 'empty tab' : `multi-character tab '${sep}'`, 2);
        tab = sep;
      } else if (k === 'o') output = v!;
      else if (k === 'u') unique = true;
      else if (k === 's') stable = true;
      else if (k === 'c') check = 'loud';
      else if (k === 'C') check = 'quiet';
    }
    const keys: Key[] = [];
    for (const s of keySpecs) {
      const k = parseKey(s, global);
      if (typeof k === 'string') return complain(t, k, 2);
      keys.push(k);
    }
    if (keys.length === 0) keys.push({ ...global, sField: 1, sChar: 1, eField: 0, eChar: 0, eb: global.b });
    const byKeys = (a: string, b: string): number => {
      for (const k of keys) {
        const c = compareKey(keyText(a, k, tab), keyText(b, k, tab), k);
        if (c !== 0) return k.r ? -c : c;
      }
      return 0;
    };
    const cmp = (a: string, b: string): number => {
      const c = byKeys(a, b);
      if (c !== 0 || stable || unique) return c;
      const l = lastResort(a, b);
      return global.r ? -l : l;
    };

    const files = p.operands.length ? p.operands : ['-'];
    const lines: string[] = [];
    for (const f of files) {
      const o = await openSource(t, f);
      if (!o.ok) {
        await t.err(`sort: cannot read: ${f}: ${strerror(o.errno)}\n`);
        return 2;
      }
      let text: string;
      try {
        text = await readAll(o.src);
      } catch (e) {
        if (!(e instanceof ReadError)) throw e;
        await t.err(`sort: read failed: ${f}: ${strerror(e.errno)}\n`);
        return 2;
      } finally {
        await o.src.close();
      }
      if (text === '') continue;
      const ls = text.split('\n');
      if (ls[ls.length - 1] === '') ls.pop();
      for (const l of ls) lines.push(l);
    }

    if (check !== 'none') {
      for (let i = 1; i < lines.length; i++) {
        const c = cmp(lines[i - 1]!, lines[i]!);
        if (c > 0 || (unique && c === 0)) {
          if (check === 'loud') await t.err(`sort: ${files[0]}:${i + 1}: disorder: ${lines[i]}\n`);
          return 1;
        }
      }
      return 0;
    }

    lines.sort(cmp);
    let result = lines;
    if (unique) result = lines.filter((l, i) => i === 0 || byKeys(lines[i - 1]!, l) !== 0);
    const text = result.length ? result.join('\n') + '\n' : '';
    if (output === null) {
      if (text) await t.out(text);
      return 0;
    }
    const o = await openWrite(t, output, false);
    if (!o.ok) {
      await t.err(`sort: open failed: ${output}: ${strerror(o.errno)}\n`);
      return 2;
    }
    const err = await writeAll(t, o.fd, text);
    await t.settle(t.sys.close(o.fd));
    if (err) {
      await t.err(`sort: write failed: ${output}: ${strerror(err)}\n`);
      return 2;
    }
    return 0;
  },
});
