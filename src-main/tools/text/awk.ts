// awk: pattern scanning and processing language (a GNU awk subset): -F -v -f, output to files
// and commands, getline from files and commands, gawk's messages and exit statuses.
import { defineTool, type ToolRun } from '../tool';
import { strerror } from '../common';
import { breathe, busyCheck, Killed, Output, openSource, openWrite, readAll, writeAll, type Opened } from './io';
import { parseOpts } from './opts';
import { parseAwk } from './awk-parse';
import { AwkSyntaxError, unescape } from './awk-lex';
import { AwkArray, AwkFatal, type AwkHost } from './awk-state';
import { AwkProgram, assignOperand } from './awk-run';
import { FormatError, StrNum } from './awk-value';
import type { Program } from './awk-ast';
import { runShellCommand } from './run';

const HELP = `Usage: awk [POSIX or GNU style options] -f progfile [--] file ...
Usage: awk [POSIX or GNU style options] [--] 'program' file ...
POSIX options:		GNU long options: (standard)
	-f progfile		--file=progfile
	-F fs			--field-separator=fs
	-v var=val		--assign=var=val

To report bugs, see node \`Bugs' in \`gawk.info'

gawk is a pattern scanning and processing language.
By default it reads standard input and writes standard output.

Examples:
	awk '{ sum += $1 }; END { print sum }' file
	awk -F: '{ print $1 }' /etc/passwd
`;

const LONG = { file: ['f', 'required'], 'field-separator': ['F', 'required'], assign: ['v', 'required'] } as const;

/** gawk's report of a syntax error: the source line, then a caret under the token. */
function syntaxMessage(src: string, where: string, e: AwkSyntaxError): string {
  const lines = src.split('\n');
  const line = Math.min(e.tok.line, lines.length);
  const text = lines[line - 1] ?? '';
  const lineStart = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  const col = e.tok.kind === 'eof' || e.tok.kind === 'nl' ? text.length : Math.max(0, e.tok.pos - lineStart);
  const prefix = `awk: ${where}:${line}: `;
  return `${prefix}${text}\n${prefix}${' '.repeat(col)}^ ${e.message}\n`;
}

export const awk = defineTool({
  name: 'awk',
  summary: 'pattern scanning and processing language',
  help: HELP,
  async run(t) {
    const p = parseOpts(t.args, { short: 'F:v:f:', long: LONG, stopAtOperand: true });
    if (!p.ok) {
      await t.err(`awk: ${p.message}\n${HELP}`);
      return 2;
    }
    let fs: string | null = null;
    const assigns: [string, string][] = [];
    const files: string[] = [];
    for (const [k, v] of p.opts) {
      if (k === 'F') fs = v === 't' ? '\t' : unescape(v!);
      else if (k === 'f') files.push(v!);
      else if (k === 'v') {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(v!);
        if (!m) {
          await t.err(`awk: \`${v}' argument to \`-v' not in \`var=value' form\n\n${HELP}`);
          return 2;
        }
        assigns.push([m[1]!, m[2]!]);
      }
    }
    const operands = [...p.operands];
    let src: string;
    let where = 'cmd. line';
    if (files.length) {
      const parts: string[] = [];
      for (const f of files) {
        const o = await openSource(t, f);
        if (!o.ok) return fatal(t, `can't open source file \`${f}' for reading: ${strerror(o.errno)}`);
        parts.push(await readAll(o.src));
        await o.src.close();
      }
      src = parts.join('\n');
      where = files[0]!;
    } else {
      if (operands.length === 0) {
        await t.err(HELP);
        return 1;
      }
      src = operands.shift()!;
    }
    let prog: Program;
    try {
      prog = parseAwk(src);
    } catch (e) {
      if (!(e instanceof AwkSyntaxError)) throw e;
      await t.err(syntaxMessage(src, where, e));
      return 1;
    }
    const out = new Output((s) => t.out(s));
    const host = new ToolAwkHost(t, out);
    const a = new AwkProgram(prog, host);
    if (fs !== null) a.set('FS', fs);
    a.set('ARGC', operands.length + 1);
    const argv = a.array('ARGV');
    argv.set('0', 'awk');
    operands.forEach((o, k) => argv.set(String(k + 1), new StrNum(o)));
    const env = a.array('ENVIRON');
    for (const [k, v] of Object.entries(t.vars)) env.set(k, new StrNum(v));
    for (const [k, v] of assigns) assignOperand(a, k, v);
    let status: number;
    try {
      status = await a.run();
    } catch (e) {
      if (e instanceof Killed) return 143;
      await out.flush();
      await host.closeAll();
      if (e instanceof AwkFatal || e instanceof FormatError) {
        const loc = src.includes('\n') || e.message.startsWith('cannot open file') ? '' : `${where}:1: `;
        return fatal(t, `${loc}fatal: ${e.message}`);
      }
      throw e;
    }
    await out.flush();
    await host.closeAll();
    return status;
  },
});

async function fatal(t: ToolRun, msg: string): Promise<number> {
  await t.err(`awk: ${msg}\n`);
  return 2;
}

/** What the interpreter reaches through this process: files, commands, the clock. */
class ToolAwkHost implements AwkHost {
  private readonly files = new Map<string, number>();
  private readonly pipes = new Map<string, string[]>();

  constructor(
    private readonly t: ToolRun,
    private readonly out: Output,
  ) {
    this.busy = busyCheck(t);
  }

  write(s: string): void {
    this.out.write(s);
  }

  readonly busy: () => Promise<void>;

  async maybeFlush(): Promise<void> {
    if (this.t.signal.aborted) throw new Killed();
    if (await this.out.maybeFlush()) await breathe(this.t);
  }

  flush(): Promise<void> {
    return this.out.flush();
  }

  async output(op: '>' | '>>' | '|', name: string, s: string): Promise<void> {
    if (op === '|') {
      const buf = this.pipes.get(name) ?? [];
      buf.push(s);
      this.pipes.set(name, buf);
      return;
    }
    if (name === '/dev/stdout' || name === '-') return this.write(s);
    if (name === '/dev/stderr') {
      await this.flush();
      return this.t.err(s);
    }
    let fd = this.files.get(name);
    if (fd === undefined) {
      const o = await openWrite(this.t, name, op === '>>');
      if (!o.ok) throw new AwkFatal(`can't redirect to \`${name}': ${strerror(o.errno)}`);
      fd = o.fd;
      this.files.set(name, fd);
    }
    const err = await writeAll(this.t, fd, s);
    if (err) throw new AwkFatal(`write failure on \`${name}': ${strerror(err)}`);
  }

  async close(name: string): Promise<number> {
    const fd = this.files.get(name);
    if (fd !== undefined) {
      this.files.delete(name);
      await this.t.settle(this.t.sys.close(fd));
      return 0;
    }
    const buf = this.pipes.get(name);
    if (buf) {
      this.pipes.delete(name);
      await this.flush();
      return runShellCommand(this.t, name, buf.join(''), (s) => this.t.out(s));
    }
    return -1;
  }

  async closeAll(): Promise<void> {
    for (const name of [...this.files.keys(), ...this.pipes.keys()]) await this.close(name);
  }

  async open(name: string): Promise<Opened> {
    if (name === '-' || name === '/dev/stdin') {
      // Before waiting for more input, let what is printed so far go down the pipe.
      const o = await openSource(this.t, '-');
      if (!o.ok) return o;
      const src = o.src;
      return { ok: true, src: { ...src, name: src.name, read: async () => (await this.flush(), src.read()) } };
    }
    const st = this.t.sys.stat(name);
    if (st.ok && st.value.type === 'dir') return { ok: false, errno: 'EISDIR' };
    return openSource(this.t, name);
  }

  async capture(cmd: string): Promise<string | null> {
    let text = '';
    await this.flush();
    await runShellCommand(this.t, cmd, '', async (s) => void (text += s));
    return text;
  }

  async system(cmd: string): Promise<number> {
    await this.flush();
    return runShellCommand(this.t, cmd, '', (s) => this.t.out(s));
  }

  async warn(msg: string): Promise<void> {
    await this.flush();
    await this.t.err(`awk: warning: ${msg}\n`);
  }

  nowSeconds(): number {
    return Math.floor((this.t.host.kernel.clock.epochNs + this.t.host.now()) / 1e9);
  }
}

export { AwkArray };
