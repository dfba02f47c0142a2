// grep: print lines that match patterns (GNU grep 3.8): BRE/ERE/fixed/Perl-like patterns,
// counts, lists, context, -r, and GNU's exit statuses (0 selected, 1 none, 2 trouble).
import { defineTool, type ToolRun } from '../tool';
import { strerror } from '../common';
import { Output, openSource, readAll, ReadError } from './io';
import { parseOpts } from './opts';
import { escapeLiteral, RegexError, translate } from './regex';
import { searchSource, type SearchOptions, type SearchState } from './grep-search';
import { walk } from './walk';

const HELP = `Usage: grep [OPTION]... PATTERNS [FILE]...
Search for PATTERNS in each FILE.
Example: grep -i 'hello world' menu.h main.c
PATTERNS can contain multiple patterns separated by newlines.

Pattern selection and interpretation:
  -E, --extended-regexp     PATTERNS are extended regular expressions
  -F, --fixed-strings       PATTERNS are strings
  -G, --basic-regexp        PATTERNS are basic regular expressions
  -P, --perl-regexp         PATTERNS are Perl regular expressions
  -e, --regexp=PATTERNS     use PATTERNS for matching
  -f, --file=FILE           take PATTERNS from FILE
  -i, --ignore-case         ignore case distinctions in patterns and data
  -w, --word-regexp         match only whole words
  -x, --line-regexp         match only whole lines

Miscellaneous:
  -s, --no-messages         suppress error messages
  -v, --invert-match        select non-matching lines
      --help                display this help text and exit

Output control:
  -m, --max-count=NUM       stop after NUM selected lines
  -b, --byte-offset         print the byte offset with output lines
  -n, --line-number         print line number with output lines
  -H, --with-filename       print file name with output lines
  -h, --no-filename         suppress the file name prefix on output
  -o, --only-matching       show only nonempty parts of lines that match
  -q, --quiet, --silent     suppress all normal output
  -a, --text                equivalent to --binary-files=text
  -I                        equivalent to --binary-files=without-match
  -r, --recursive           like --directories=recurse
  -R, --dereference-recursive  likewise, but follow all symlinks
  -L, --files-without-match  print only names of FILEs with no selected lines
  -l, --files-with-matches  print only names of FILEs with selected lines
  -c, --count               print only a count of selected lines per FILE
  -Z, --null                print 0 byte after FILE name

Context control:
  -B, --before-context=NUM  print NUM lines of leading context
  -A, --after-context=NUM   print NUM lines of trailing context
  -C, --context=NUM         print NUM lines of output context
  -NUM                      same as --context=NUM
      --color[=WHEN]        use markers to highlight the matching strings

When FILE is '-', read standard input.  With no FILE, read '.' if
recursive, '-' otherwise.  With fewer than two FILEs, assume -h.
Exit status is 0 if any line is selected, 1 otherwise;
if any error occurs and -q is not given, the exit status is 2.
`;

const LONG = {
  'extended-regexp': ['E'], 'fixed-strings': ['F'], 'basic-regexp': ['G'], 'perl-regexp': ['P'],
  regexp: ['e', 'required'], file: ['f', 'required'], 'ignore-case': ['i'], 'no-ignore-case': ['no-i'],
  'word-regexp': ['w'], 'line-regexp': ['x'], 'no-messages': ['s'], 'invert-match': ['v'],
  'max-count': ['m', 'required'], 'line-number': ['n'], 'with-filename': ['H'], 'no-filename': ['h'],
  'only-matching': ['o'], 'byte-offset': ['b'], null: ['Z'], quiet: ['q'], silent: ['q'], text: ['a'], 'binary-files': ['binary-files', 'required'],
  recursive: ['r'], 'dereference-recursive': ['R'], 'files-without-match': ['L'], 'files-with-matches': ['l'],
  count: ['c'], 'before-context': ['B', 'required'], 'after-context': ['A', 'required'], context: ['C', 'required'],
  color: ['color', 'optional'], colour: ['color', 'optional'], 'line-buffered': ['line-buffered'],
  'group-separator': ['group-separator', 'required'], 'no-group-separator': ['no-group-separator'],
  include: ['include', 'required'], exclude: ['exclude', 'required'], 'exclude-dir': ['exclude-dir', 'required'],
} as const;

const USAGE = `Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`;

export const grep = defineTool({
  name: 'grep',
  summary: 'print lines that match patterns',
  help: HELP,
  async run(t) {
    const p = parseOpts(t.args, { short: '0123456789A:B:C:EFGHILPRabce:f:hilm:noqrsvwxyZ', long: LONG });
    if (!p.ok) {
      await t.err(`grep: ${p.message}\n${USAGE}`);
      return 2;
    }
    let syntax: 'G' | 'E' | 'F' | 'P' = 'G';
    const patterns: string[] = [];
    let fromOpts = false;
    const f = { i: false, v: false, w: false, x: false, c: false, l: false, L: false, q: false, s: false, o: false, n: false, b: false, Z: false, r: false, R: false, H: null as boolean | null };
    let maxCount = Infinity;
    let before = -1;
    let after = -1;
    let digits = '';
    let binary: SearchOptions['binary'] = 'binary';
    let groupSeparator: string | null = '--';
    const include: string[] = [];
    const exclude: string[] = [];
    const num = (v: string | undefined, what: string): number | string => {
      const n = Number(v);
      return /^\d+$/.test(v ?? '') ? n : `invalid ${what} argument`;
    };
    for (const [k, v] of p.opts) {
      if (/^\d$/.test(k)) {
        digits += k;
        before = after = Number(digits);
        continue;
      }
      digits = '';
      switch (k) {
        case 'E': case 'F': case 'G': case 'P': syntax = k; break;
        case 'e': patterns.push(...v!.split('\n')); fromOpts = true; break;
        case 'f': {
          const o = await openSource(t, v!);
          if (!o.ok) return complainExit(t, `${v}: ${strerror(o.errno)}`);
          const text = await readAll(o.src);
          await o.src.close();
          patterns.push(...(text === '' ? [] : text.replace(/\n$/, '').split('\n')));
          fromOpts = true;
          break;
        }
        case 'i': case 'y': f.i = true; break;
        case 'no-i': f.i = false; break;
        case 'v': case 'w': case 'x': case 'c': case 'l': case 'L': case 'q': case 's': case 'o': case 'n': case 'b': case 'Z': f[k] = true; break;
        case 'r': f.r = true; break;
        case 'R': f.r = f.R = true; break;
        case 'H': f.H = true; break;
        case 'h': f.H = false; break;
        case 'a': binary = 'text'; break;
        case 'I': binary = 'without-match'; break;
        case 'binary-files':
          if (v !== 'binary' && v !== 'text' && v !== 'without-match') return complainExit(t, 'unknown binary-files type');
          binary = v;
          break;
        case 'm': {
          const n = num(v, 'max count');
          if (typeof n === 'string') return complainExit(t, n);
          maxCount = n;
          break;
        }
        case 'A': case 'B': case 'C': {
          const n = num(v, 'context length');
          if (typeof n === 'string') return complainExit(t, `${v}: ${n}`);
          if (k !== 'A') before = n;
          if (k !== 'B') after = n;
          break;
        }
        case 'group-separator': groupSeparator = v!; break;
        case 'no-group-separator': groupSeparator = null; break;
        case 'include': include.push(v!); break;
        case 'exclude': exclude.push(v!); break;
      }
    }
    const operands = [...p.operands];
    if (!fromOpts) {
      if (operands.length === 0) {
        await t.err(USAGE);
        return 2;
      }
      patterns.push(...operands.shift()!.split('\n'));
    }
    let re: RegExp;
    let reAll: RegExp;
    try {
      const src = patternSource(patterns, syntax, f.w, f.x);
      const flags = `s${f.i ? 'i' : ''}`;
      re = new RegExp(src, flags);
      reAll = new RegExp(src, flags + 'g');
    } catch (e) {
      if (e instanceof RegexError || e instanceof SyntaxError) return complainExit(t, e instanceof RegexError ? e.message : 'Invalid regular expression');
      throw e;
    }
    const files = operands.length ? operands : [f.r ? '.' : '-'];
    const implicitDot = f.r && operands.length === 0;
    const withName = f.H ?? (files.length > 1 || f.r);
    const mode: SearchOptions['mode'] = f.q ? 'quiet' : f.l ? 'list' : f.L ? 'unlisted' : f.c ? 'count' : 'lines';
    const out = new Output((s) => t.out(s));
    const state: SearchState = { printedAny: false };
    let anySelected = false;
    let trouble = false;
    const problem = async (msg: string) => {
      trouble = true;
      if (!f.s) await t.err(`grep: ${msg}\n`);
    };

    const searchOne = async (name: string, shown: string): Promise<boolean> => {
      const o = await openSource(t, name);
      if (!o.ok) {
        await problem(`${shown}: ${strerror(o.errno)}`);
        return false;
      }
      const label = name === '-' ? '(standard input)' : shown;
      try {
        const r = await searchSource(o.src, {
          re, reAll, invert: f.v, mode, only: f.o, number: f.n, byteOffset: f.b, nullName: f.Z, label: withName ? label : null,
          maxCount, before: Math.max(before, 0), after: Math.max(after, 0), binary, groupSeparator,
        }, out, state);
        if (r.selected > 0) anySelected = true;
        const nameEnd = f.Z ? '\0' : '\n';
        if (mode === 'count') out.write(`${withName ? label + (f.Z ? '\0' : ':') : ''}${r.selected}\n`);
        if (mode === 'list' && r.selected > 0) out.write(label + nameEnd);
        if (mode === 'unlisted' && r.selected === 0) out.write(label + nameEnd);
        await out.flush();
        if (r.binaryMatched && !f.s) await t.err(`grep: ${label}: binary file matches\n`);
        return mode === 'quiet' && r.selected > 0;
      } catch (e) {
        if (!(e instanceof ReadError)) throw e;
        await out.flush();
        await problem(`${shown}: ${strerror(e.errno)}`);
        return false;
      } finally {
        await o.src.close();
      }
    };

    for (const file of files) {
      if (maxCount === 0) break;
      if (f.r && file !== '-') {
        let stop = false;
        await walk(t, file, { followAll: f.R, include, exclude }, async (path, err) => {
          if (stop) return;
          const shown = implicitDot ? path.replace(/^\.\//, '') : path;
          if (err) await problem(`${shown}: ${strerror(err)}`);
          else stop = await searchOne(path, shown);
        });
        if (stop) break;
        continue;
      }
      if (await searchOne(file, file)) break;
    }
    await out.flush();
    if (f.q && anySelected) return 0;
    return trouble ? 2 : anySelected ? 0 : 1;
  },
});

async function complainExit(t: ToolRun, msg: string): Promise<number> {
  await t.err(`grep: ${msg}\n`);
  return 2;
}

/** All patterns as one JS source: alternatives, renumbered groups, -w/-x wrappers. */
export function patternSource(patterns: readonly string[], syntax: 'G' | 'E' | 'F' | 'P', word: boolean, line: boolean): string {
  if (patterns.length === 0) return '(?!)';
  let groups = 0;
  const parts = patterns.map((p) => {
    if (syntax === 'F') return escapeLiteral(p);
    if (syntax === 'P') return p;
    const tr = translate(p, { extended: syntax === 'E' }, groups);
    groups += tr.groups;
    return tr.source;
  });
  const body = parts.length === 1 ? parts[0]! : parts.map((s) => `(?:${s})`).join('|');
  if (line) return `^(?:${body})$`;
  if (word) return `(?<!\\w)(?:${body})(?!\\w)`;
  return body;
}
