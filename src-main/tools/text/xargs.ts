// xargs: build and execute command lines from standard input (GNU findutils 4.9): quoting, -0,
// -d, -n, -L, -I, -r, -t; each command a child process; GNU's exit statuses 123–127.
import { defineTool, type ToolRun } from '../tool';
import { usageError } from '../common';
import { parseOpts } from './opts';
import { hasProgram, runArgv } from './run';

const HELP = `Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...
Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.

Mandatory and optional arguments to long options are also
mandatory or optional for the corresponding short option.
  -0, --null                   items are separated by a null, not whitespace;
                                 disables quote and backslash processing and
                                 logical EOF processing
  -d, --delimiter=CHARACTER    items in input stream are separated by CHARACTER,
                                 not by whitespace; disables quote and backslash
                                 processing and logical EOF processing
  -E END                       set logical EOF string; if END occurs as a line
                                 of input, the rest of the input is ignored
  -I R                         same as --replace=R
  -i, --replace[=R]            replace R in INITIAL-ARGS with names read
                                 from standard input, split at newlines;
                                 if R is unspecified, assume {}
  -L, --max-lines=MAX-LINES    use at most MAX-LINES non-blank input lines per
                                 command line
  -n, --max-args=MAX-ARGS      use at most MAX-ARGS arguments per command line
  -P, --max-procs=MAX-PROCS    run at most MAX-PROCS processes at a time
  -r, --no-run-if-empty        if there are no arguments, then do not run COMMAND;
                                 if this option is not given, COMMAND will be
                                 run at least once
  -t, --verbose                print commands before executing them
      --help                   display this help and exit
`;

const LONG = {
  null: ['0'], eof: ['e', 'optional'], delimiter: ['d', 'required'], replace: ['i', 'optional'], 'max-lines': ['L', 'required'],
  'max-args': ['n', 'required'], 'max-procs': ['P', 'required'], 'no-run-if-empty': ['r'], verbose: ['t'],
} as const;

class QuoteError extends Error {}

/** Items of the default input format: blanks separate, quotes and backslashes group. */
function splitItems(text: string): { items: string[]; lineOf: number[] } {
  const items: string[] = [];
  const lineOf: number[] = [];
  let line = 0;
  let cur = '';
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === ' ' || c === '\t') {
      if (has) {
        items.push(cur);
        lineOf.push(line);
      }
      cur = '';
      has = false;
      if (c === '\n') line++;
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (end < 0 || (nl >= 0 && nl < end)) throw new QuoteError(c === "'" ? 'single' : 'double');
      cur += text.slice(i + 1, end);
      has = true;
      i = end;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) {
    items.push(cur);
    lineOf.push(line);
  }
  return { items, lineOf };
}

export const xargs = defineTool({
  name: 'xargs',
  summary: 'build and execute command lines from standard input',
  help: HELP,
  async run(t) {
    const p = parseOpts(t.args, { short: '0d:E:e::I:i::L:n:P:rtx', long: LONG, stopAtOperand: true });
    if (!p.ok) return usageError(t, p.message);
    let nul = false;
    let delim: string | null = null;
    let replace: string | null = null;
    let maxLines = 0;
    let maxArgs = 0;
    let noEmpty = false;
    let verbose = false;
    let eof: string | null = null;
    for (const [k, v] of p.opts) {
      if (k === '0') nul = true;
      else if (k === 'd') delim = v === '\\n' ? '\n' : v === '\\t' ? '\t' : v === '\\0' ? '\0' : v!;
      else if (k === 'I' || k === 'i') replace = v ?? '{}';
      else if (k === 'r') noEmpty = true;
      else if (k === 'E' || k === 'e') eof = v || null;
      else if (k === 't') verbose = true;
      else if (k === 'n' || k === 'L') {
        const n = Number(v);
        if (!/^\d+$/.test(v!) || n < 1) return usageError(t, `value ${v} for -${k} option should be >= 1`);
        if (k === 'n') maxArgs = n;
        else maxLines = n;
      }
    }
    const cmd = p.operands.length ? p.operands : ['echo'];
    const text = await t.stdin.readAll();

    let items: string[];
    let lineOf: number[];
    if (nul || delim !== null) {
      items = text.split(nul ? '\0' : delim!);
      if (items[items.length - 1] === '') items.pop();
      lineOf = items.map((_, k) => k);
    } else if (replace !== null) {
      items = text.split('\n').map((l) => l.replace(/^[ \t]+/, '')).filter((l) => l !== '');
      lineOf = items.map((_, k) => k);
    } else {
      try {
        ({ items, lineOf } = splitItems(text));
        // The logical end of input (-E): an item equal to it ends the input.
        const at = eof === null ? -1 : items.indexOf(eof);
        if (at >= 0) items = items.slice(0, at);
      } catch (e) {
        if (!(e instanceof QuoteError)) throw e;
        await t.err(`xargs: unmatched ${e.message} quote; by default quotes are special to xargs unless you use the -0 option\n`);
        return 1;
      }
    }

    // Group items into command lines.
    const groups: string[][] = [];
    if (replace !== null) for (const it of items) groups.push(cmd.map((a) => a.split(replace!).join(it)));
    else {
      let cur: string[] = [];
      let curLine = -1;
      let lines = 0;
      items.forEach((it, k) => {
        if (maxLines && lineOf[k] !== curLine) {
          if (lines === maxLines) {
            groups.push([...cmd, ...cur]);
            cur = [];
            lines = 0;
          }
          curLine = lineOf[k]!;
          lines++;
        }
        cur.push(it);
        if (maxArgs && cur.length === maxArgs) {
          groups.push([...cmd, ...cur]);
          cur = [];
          lines = 0;
          curLine = -1;
        }
      });
      if (cur.length || (groups.length === 0 && !noEmpty)) groups.push([...cmd, ...cur]);
    }
    return runAll(t, groups, verbose);
  },
});

async function runAll(t: ToolRun, groups: string[][], verbose: boolean): Promise<number> {
  let status = 0;
  for (const argv of groups) {
    if (t.signal.aborted) return 130;
    if (verbose) await t.err(argv.join(' ') + '\n');
    const name = argv[0]!;
    if (!hasProgram(t, name)) {
      await t.err(`xargs: ${name}: No such file or directory\n`);
      return 127;
    }
    const s = await runArgv(t, argv, (d) => t.out(d));
    if (s === 255) {
      await t.err(`xargs: ${name}: exited with status 255; aborting\n`);
      return 124;
    }
    if (s > 128 && s < 255) {
      await t.err(`xargs: ${name}: terminated by signal ${s - 128}\n`);
      return 125;
    }
    if (s === 126 || s === 127) return s;
    if (s !== 0) status = 123;
  }
  return status;
}
