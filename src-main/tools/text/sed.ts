// sed: stream editor (GNU sed 4.9): -n -e -f -E/-r -s, and -i editing through a temporary file
// renamed over the original, as GNU does (a new inode; the old one lives on while held).
import { defineTool, type ToolRun } from '../tool';
import { strerror } from '../common';
import { busyCheck, Killed, Output, openSource, openWrite, readAll, ReadError, writeAll, type Source } from './io';
import { parseOpts } from './opts';
import { parseSed, SedError, type Cmd } from './sed-parse';
import { SedMachine, type Line, type LineInput, type SedHooks } from './sed-exec';
import { abi } from '../../host';

const HELP = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).
  -s, --separate
                 consider files as separate rather than as a single,
                 continuous long stream.
      --help     display this help and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.
`;

const LONG = {
  quiet: ['n'], silent: ['n'], expression: ['e', 'required'], file: ['f', 'required'], 'in-place': ['i', 'optional'],
  'regexp-extended': ['E'], separate: ['s'], unbuffered: ['u'], posix: ['posix'],
} as const;

/** Lines of several sources read as one stream; unreadable files are reported and skipped. */
class Lines implements LineInput {
  private queue: Line[] = [];
  private rest = '';
  private src: Source | null = null;
  private next_ = 0;
  private current = '-';
  status = 0;

  constructor(
    private readonly t: ToolRun,
    private readonly names: readonly string[],
    private readonly flush: () => Promise<void>,
  ) {}

  fileName(): string {
    return this.current;
  }

  private async fill(): Promise<boolean> {
    while (this.queue.length === 0) {
      if (!this.src) {
        if (this.next_ >= this.names.length) return false;
        const name = this.names[this.next_++]!;
        const o = await openSource(this.t, name);
        if (!o.ok) {
          await this.flush();
          await this.t.err(`sed: can't read ${name}: ${strerror(o.errno)}\n`);
          this.status = 2;
          continue;
        }
        this.src = o.src;
        this.current = name;
      }
      await this.flush();
      let chunk: string | null;
      try {
        chunk = await this.src.read();
      } catch (e) {
        if (e instanceof ReadError) throw new SedError(`read error on ${this.src.name}: ${strerror(e.errno)}`);
        throw e;
      }
      if (chunk === null) {
        if (this.rest !== '') this.queue.push({ text: this.rest, eol: false });
        this.rest = '';
        await this.src.close();
        this.src = null;
        continue;
      }
      const text = this.rest + chunk;
      const parts = text.split('\n');
      this.rest = parts.pop()!;
      for (const p of parts) this.queue.push({ text: p, eol: true });
    }
    return true;
  }

  async next(): Promise<Line | null> {
    return (await this.fill()) ? this.queue.shift()! : null;
  }

  async isLast(): Promise<boolean> {
    return !(await this.fill());
  }
}

export const sed = defineTool({
  name: 'sed',
  summary: 'stream editor for filtering and transforming text',
  help: HELP,
  async run(t) {
    const p = parseOpts(t.args, { short: 'nre:f:Ei::su', long: LONG });
    if (!p.ok) {
      await t.err(`sed: ${p.message}\n${HELP}`);
      return 1;
    }
    let quiet = false;
    let extended = false;
    let separate = false;
    let inPlace: string | null = null;
    const pieces: string[] = [];
    for (const [k, v] of p.opts) {
      if (k === 'n') quiet = true;
      else if (k === 'E' || k === 'r') extended = true;
      else if (k === 's') separate = true;
      else if (k === 'i') inPlace = v ?? '';
      else if (k === 'e') pieces.push(v!);
      else if (k === 'f') {
        const o = await openSource(t, v!);
        if (!o.ok) return fatal(t, `couldn't open file ${v}: ${strerror(o.errno)}`, 1);
        pieces.push((await readAll(o.src)).replace(/\n$/, ''));
        await o.src.close();
      }
    }
    const operands = [...p.operands];
    if (pieces.length === 0) {
      if (operands.length === 0) {
        await t.err(HELP);
        return 1;
      }
      pieces.push(operands.shift()!);
    }
    const starts: number[] = [];
    let script = '';
    for (const s of pieces) {
      starts.push(script.length);
      script += s + '\n';
    }
    let cmds: Cmd[];
    try {
      cmds = parseSed(script.slice(0, -1), { extended }, starts);
    } catch (e) {
      if (e instanceof SedError) return fatal(t, e.message, e.status);
      throw e;
    }
    const out = new Output((s) => t.out(s));
    const files = new Map<string, number>();
    for (const c of cmds) {
      const name = c.file ?? c.s?.file;
      if (name === undefined || (c.name !== 'w' && c.name !== 's') || name.startsWith('/dev/std') || files.has(name)) continue;
      const o = await openWrite(t, name, false);
      if (!o.ok) return fatal(t, `couldn't open file ${name}: ${strerror(o.errno)}`, 4);
      files.set(name, o.fd);
    }
    const pendingFiles: Promise<unknown>[] = [];
    const busy = busyCheck(t);
    const hooks = (write: (s: string) => void): SedHooks => ({
      write,
      busy,
      writeFile: (name, s) => {
        if (name === '/dev/stdout') return write(s);
        if (name === '/dev/stderr') return void pendingFiles.push(t.err(s));
        const fd = files.get(name);
        if (fd !== undefined) pendingFiles.push(writeAll(t, fd, s));
      },
      readFile: async (name) => {
        const o = await openSource(t, name);
        if (!o.ok) return null;
        try {
          return await readAll(o.src);
        } catch {
          return null;
        } finally {
          await o.src.close();
        }
      },
    });
    const inputs = operands.length ? operands : ['-'];
    let status = 0;
    try {
      if (inPlace !== null) {
        for (const f of inputs) {
          const r = await editInPlace(t, f, inPlace, (write) => new SedMachine(cmds, quiet, hooks(write)));
          if (r.status) status = Math.max(status, r.status);
          if (r.quit !== null) {
            status = r.quit;
            break;
          }
        }
      } else {
        const groups = separate ? inputs.map((f) => [f]) : [inputs];
        const machine = new SedMachine(cmds, quiet, hooks((s) => out.write(s)));
        for (const g of groups) {
          const lines = new Lines(t, g, () => out.flush());
          machine.lineNo = separate ? 0 : machine.lineNo;
          const r = await machine.run(lines);
          status = Math.max(status, lines.status);
          if (r.quit !== null) {
            status = r.quit;
            break;
          }
        }
      }
    } catch (e) {
      if (e instanceof Killed) return 143;
      await out.flush();
      if (e instanceof SedError) return fatal(t, e.message, 4);
      throw e;
    } finally {
      await Promise.all(pendingFiles);
      for (const fd of files.values()) await t.settle(t.sys.close(fd));
    }
    await out.flush();
    return status;
  },
});

async function fatal(t: ToolRun, msg: string, status: number): Promise<number> {
  await t.err(`sed: ${msg}\n`);
  return status;
}

/** -i: output goes to a temporary file in the same directory, renamed over FILE at the end. */
async function editInPlace(t: ToolRun, file: string, suffix: string, machine: (write: (s: string) => void) => SedMachine): Promise<{ status: number; quit: number | null }> {
  const st = t.sys.stat(file);
  if (!st.ok) {
    await t.err(`sed: can't read ${file}: ${strerror(st.errno)}\n`);
    return { status: 2, quit: null };
  }
  if (st.value.type !== 'reg') {
    await t.err(`sed: couldn't edit ${file}: not a regular file\n`);
    return { status: 4, quit: null };
  }
  const slash = file.lastIndexOf('/');
  const dir = slash < 0 ? '.' : file.slice(0, slash) || '/';
  const tmp = `${dir}/sed${tempSuffix(t)}`;
  const o = await t.settle(t.sys.open(tmp, abi.O_WRONLY | abi.O_CREAT | abi.O_EXCL, 0o600));
  if (!o.ok) {
    await t.err(`sed: couldn't open temporary file ${tmp}: ${strerror(o.errno)}\n`);
    return { status: 4, quit: null };
  }
  const parts: string[] = [];
  const lines = new Lines(t, [file], async () => undefined);
  const r = await machine((s) => parts.push(s)).run(lines);
  const err = await writeAll(t, o.value, parts.join(''));
  await t.settle(t.sys.close(o.value));
  if (err) {
    await t.err(`sed: couldn't write to ${tmp}: ${strerror(err)}\n`);
    return { status: 4, quit: null };
  }
  t.sys.chmod(tmp, st.value.mode & 0o7777);
  if (suffix) {
    const base = file.slice(slash + 1);
    const backup = suffix.includes('*') ? suffix.replace(/\*/g, base) : base + suffix;
    const target = backup.includes('/') ? backup : `${slash < 0 ? '' : file.slice(0, slash + 1)}${backup}`;
    const b = t.sys.rename(file, target);
    if (!b.ok) await t.err(`sed: cannot rename ${file}: ${strerror(b.errno)}\n`);
  }
  const mv = t.sys.rename(tmp, file);
  if (!mv.ok) {
    await t.err(`sed: cannot rename ${tmp}: ${strerror(mv.errno)}\n`);
    return { status: 4, quit: null };
  }
  return { status: lines.status, quit: r.quit };
}

/** mkostemp's six characters, drawn from the host's seeded generator. */
function tempSuffix(t: ToolRun): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let k = 0; k < 6; k++) s += chars[t.host.kernel.prng.below(chars.length)];
  return s;
}
