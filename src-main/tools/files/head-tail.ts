// head(1) and tail(1) from coreutils 9.1: -n/-c counts (head's `-N` "all but the last N", tail's
// `+N` "from the Nth"), `==> FILE <==` headers for several files, and their messages.
import { abi, type Errno } from '../../host';
import { defineTool, type ToolRun } from '../tool';
import { quoteaf, strerror } from '../common';
import { getopt } from '../getopt';
import { parseCount } from './numbers';
import { openInput, readAll, type Input } from './input';

interface Plan {
  lines: boolean;
  n: number;
  /** head: all but the last n; tail: starting at unit n (1-based). */
  sign: '' | '-' | '+';
  headers: boolean;
}

const LONG = [
  { name: 'lines', arg: 'required', key: 'n' },
  { name: 'bytes', arg: 'required', key: 'c' },
  { name: 'quiet', arg: 'none', key: 'q' },
  { name: 'silent', arg: 'none', key: 'q' },
  { name: 'verbose', arg: 'none', key: 'v' },
  { name: 'follow', arg: 'optional', key: 'f' },
] as const;

/** Offsets just past each of the first `n` newlines (or of all of them). */
function lineEnds(s: string): number[] {
  const ends: number[] = [];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) ends.push(i + 1);
  return ends;
}

async function headOf(input: Input, p: Plan): Promise<string | { errno: Errno }> {
  if (p.sign === '-') {
    const all = await readAll(input);
    if (typeof all !== 'string') return all;
    if (!p.lines) return all.slice(0, Math.max(0, all.length - p.n));
    const ends = lineEnds(all);
    const total = ends.length + (all.length && !all.endsWith('\n') ? 1 : 0);
    const keep = total - p.n;
    return keep <= 0 ? '' : all.slice(0, ends[keep - 1] ?? all.length);
  }
  let out = '';
  let lines = 0;
  while ((p.lines ? lines : out.length) < p.n) {
    const c = await input.next();
    if (c === null) break;
    if (typeof c !== 'string') return c;
    if (!p.lines) {
      out += c.slice(0, p.n - out.length);
      continue;
    }
    let i = -1;
    while (lines < p.n && (i = c.indexOf('\n', i + 1)) >= 0) lines++;
    out += lines < p.n || i < 0 ? c : c.slice(0, i + 1);
  }
  return out;
}

function tailOf(all: string, p: Plan): string {
  if (!p.lines) return p.sign === '+' ? all.slice(Math.max(0, p.n - 1)) : all.slice(Math.max(0, all.length - p.n));
  const ends = lineEnds(all);
  const starts = [0, ...ends.filter((e) => e < all.length)];
  if (p.sign === '+') return all.slice(starts[Math.max(0, p.n - 1)] ?? all.length);
  if (p.n === 0) return '';
  return all.slice(starts[Math.max(0, starts.length - p.n)] ?? 0);
}

async function run(t: ToolRun, which: 'head' | 'tail'): Promise<number> {
  const plan: Plan = { lines: true, n: 10, sign: '', headers: false };
  let headers: boolean | null = null;
  // The obsolete `head -5`, `tail -5`, `tail +5` forms.
  const args = [...t.args];
  const obsolete = /^([-+])(\d+)([cl]?)$/.exec(args[0] ?? '');
  if (obsolete && (obsolete[1] === '-' || which === 'tail')) {
    args.shift();
    plan.n = Number(obsolete[2]);
    plan.lines = obsolete[3] !== 'c';
    if (which === 'tail' && obsolete[1] === '+') plan.sign = '+';
  }
  const p = getopt(args, { short: which === 'tail' ? 'n:c:qvf' : 'n:c:qv', long: which === 'tail' ? LONG : LONG.filter((l) => l.key !== 'f') });
  if (!p.ok) {
    await t.err(`${which}: ${p.message}\nTry '${which} --help' for more information.\n`);
    return 1;
  }
  let followFiles = false;
  for (const { key, value = '' } of p.opts) {
    if (key === 'f') {
      followFiles = true;
      continue;
    }
    if (key === 'q' || key === 'v') {
      headers = key === 'v';
      continue;
    }
    plan.lines = key === 'n';
    const m = /^([-+]?)(.*)$/.exec(value)!;
    const n = parseCount(m[2]!);
    if (n === null) {
      await t.err(`${which}: invalid number of ${plan.lines ? 'lines' : 'bytes'}: ‘${value}’\n`);
      return 1;
    }
    plan.n = n;
    plan.sign = which === 'head' ? (m[1] === '-' ? '-' : '') : m[1] === '+' ? '+' : '';
  }
  const files = p.operands.length ? p.operands : ['-'];
  plan.headers = headers ?? files.length > 1;
  let status = 0;
  let first = true;
  const followed: Followed[] = [];
  for (const f of files) {
    const input = await openInput(t, f);
    if ('errno' in input) {
      await t.err(`${which}: cannot open ${quoteaf(f)} for reading: ${strerror(input.errno)}\n`);
      status = 1;
      continue;
    }
    if (plan.headers) {
      await t.out(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
      first = false;
    }
    const body = which === 'head' ? await headOf(input, plan) : await readAll(input);
    if (followFiles && f !== '-' && typeof body === 'string') {
      const fd = t.sys.open(f, abi.O_RDONLY);
      if (fd.ok) followed.push({ name: f, fd: fd.value, pos: body.length });
    }
    await input.close();
    if (typeof body !== 'string') {
      await t.err(`${which}: error reading ${quoteaf(f)}: ${strerror(body.errno)}\n`);
      status = 1;
      continue;
    }
    const text = which === 'head' ? body : tailOf(body, plan);
    if (text) await t.out(text);
  }
  if (followed.length) await follow(t, followed, plan.headers ? followed[followed.length - 1]!.name : null);
  return status;
}

interface Followed {
  name: string;
  fd: number;
  pos: number;
}

/**
 * tail -f: like GNU tail with inotify, wake on every write or layout change the host makes, print
 * what each file gained (`file truncated` when it shrank), until the process is killed.
 */
async function follow(t: ToolRun, files: Followed[], lastShown: string | null): Promise<void> {
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const sub = t.host.onEvent((e) => {
    if (e.kind === 'file.write' || e.kind === 'layout.change') poke();
  });
  t.signal.addEventListener('abort', poke, { once: true });
  let shown = lastShown;
  try {
    while (!t.signal.aborted) {
      await t.env.track(new Promise<void>((resolve) => (wake = resolve)));
      for (const f of files) {
        const st = t.sys.fstat(f.fd);
        if (!st.ok) continue;
        if (st.value.size < f.pos) {
          await t.err(`tail: ${f.name}: file truncated\n`);
          f.pos = 0;
        }
        while (f.pos < st.value.size && !t.signal.aborted) {
          const r = t.sys.pread(f.fd, Math.min(1 << 16, st.value.size - f.pos), f.pos);
          if (!r.ok || r.value === '') break;
          if (files.length > 1 && shown !== f.name) {
            await t.out(`\n==> ${f.name} <==\n`);
            shown = f.name;
          }
          await t.out(r.value);
          f.pos += r.value.length;
        }
      }
    }
  } finally {
    sub.dispose();
    for (const f of files) await t.settle(t.sys.close(f.fd));
  }
}

const MULTIPLIERS = `
NUM may have a multiplier suffix:
b 512, kB 1000, K 1024, MB 1000*1000, M 1024*1024,
GB 1000*1000*1000, G 1024*1024*1024, and so on for T, P, E, Z, Y.
Binary prefixes can be used, too: KiB=K, MiB=M, and so on.
`;

export const head = defineTool({
  name: 'head',
  summary: 'output the first part of files',
  help: `Usage: head [OPTION]... [FILE]...
Print the first 10 lines of each FILE to standard output.
With more than one FILE, precede each with a header giving the file name.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -c, --bytes=[-]NUM       print the first NUM bytes of each file;
                             with the leading '-', print all but the last
                             NUM bytes of each file
  -n, --lines=[-]NUM       print the first NUM lines instead of the first 10;
                             with the leading '-', print all but the last
                             NUM lines of each file
  -q, --quiet, --silent    never print headers giving file names
  -v, --verbose            always print headers giving file names
      --help        display this help and exit
${MULTIPLIERS}`,
  run: (t) => run(t, 'head'),
});

export const tail = defineTool({
  name: 'tail',
  summary: 'output the last part of files',
  help: `Usage: tail [OPTION]... [FILE]...
Print the last 10 lines of each FILE to standard output.
With more than one FILE, precede each with a header giving the file name.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -c, --bytes=[+]NUM       output the last NUM bytes; or use -c +NUM to
                             output starting with byte NUM of each file
  -f, --follow             output appended data as the file grows
  -n, --lines=[+]NUM       output the last NUM lines, instead of the last 10;
                             or use -n +NUM to output starting with line NUM
  -q, --quiet, --silent    never output headers giving file names
  -v, --verbose            always output headers giving file names
      --help        display this help and exit
${MULTIPLIERS}`,
  run: (t) => run(t, 'tail'),
});
