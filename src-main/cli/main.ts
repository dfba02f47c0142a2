// The `pinsim` command: one entry for every headless face of the console.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScript } from '../session/script';
import { USAGE, VERSION } from './usage';
import { interactiveShell } from './shell';
import { BootError } from '../session/boot';
import type { ScenarioBoot } from '../drills/setup';
import type { HostSetup } from '../host';
import { formatOf } from '../session/export/formats';
import type { TimelineDoc } from '../session/export/timeline';
import { BENCH_HOSTS } from '../session/bench-host';

class UsageError extends Error {}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.split('\n')[0] : String(err));
  }
}

function intOption(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} needs a whole number from ${min} to ${max}`);
  return n;
}

/** `--reflink` and `--no-odp`: how the host is made (HostSetup), for `script` and `shell`. */
const SETUP_OPTIONS = { reflink: { type: 'boolean' }, 'no-odp': { type: 'boolean' } } as const;

function setupOf(values: Record<string, unknown>): { setup?: HostSetup } {
  const setup: HostSetup = {};
  if (values.reflink === true) setup.reflink = true;
  if (values['no-odp'] === true) setup.odp = false;
  return Object.keys(setup).length > 0 ? { setup } : {};
}

/** `--scenario NAME`: a drill's host (setup, programs, trainee); the drill library loads on demand. */
async function scenarioOf(name: unknown): Promise<{ scenarioHost?: ScenarioBoot }> {
  if (name === undefined) return {};
  const r = (await import('../drills/cli')).scenarioHostByName(String(name));
  if ('error' in r) throw new UsageError(r.error);
  return { scenarioHost: r };
}

/** `pinsim drill …`: see src-main/drills/cli.ts. */
async function drill(args: string[]): Promise<number> {
  const { drillCommand, DrillUsageError } = await import('../drills/cli');
  const io = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s), readStdin, tty: process.stdin.isTTY === true };
  try {
    return await drillCommand(args, io);
  } catch (e) {
    throw e instanceof DrillUsageError ? new UsageError(e.message) : e;
  }
}

async function serve(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string' },
    policy: { type: 'string' },
    // Hidden, for scripts/bench/browser.mjs: a host filled for benchmarking (session/bench-host.ts).
    'bench-host': { type: 'string' },
    restore: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`serve takes no argument '${positionals[0]}'`);
  const port = intOption(values.port, 'port', 0, 65535) ?? 0;
  const seed = intOption(values.seed, 'seed', 0, 2 ** 31 - 1);
  const bench = values['bench-host'] as string | undefined;
  const benchHost = BENCH_HOSTS.find((b) => b === bench);
  if (bench !== undefined && !benchHost) throw new UsageError(`--bench-host is one of ${BENCH_HOSTS.join(', ')}`);
  // Loaded on demand: `pinsim script` should not pay for the server, ws and the worker at start-up.
  const [{ startSimulationWorker }, { startServer }] = await Promise.all([import('../worker/link'), import('../server/server')]);
  // out/cli/pinsim.cjs: the worker (out/main) and the page (out/renderer) are built beside it.
  const out = join(dirname(fileURLToPath(import.meta.url)), '..');
  const link = startSimulationWorker(join(out, 'main'), { seed, policy: values.policy as string | undefined, ...(benchHost ? { benchHost, eventLogLimit: 10_000 } : {}), ...(values.restore ? { restore: true } : {}) });
  let offered = false;
  link.onMessage((m) => {
    if (m.type === 'error') process.stderr.write(`pinsim: ${m.message}\n`);
    if (m.type === 'restore.offer' && m.offer && !offered && !values.restore) {
      offered = true;
      process.stdout.write(`${offerLine(m.offer)}\n`);
    }
    if (m.type === 'session.result') process.stdout.write(`pinsim: ${m.message}\n`);
  });
  const server = await startServer({
    host: String(values.host),
    port,
    rendererDir: join(out, 'renderer'),
    link,
  });
  process.stdout.write(`pinsim: browser mode at ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await link.close();
  return 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function script(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    policy: { type: 'string' },
    scenario: { type: 'string' },
    seed: { type: 'string' },
    timeline: { type: 'string' },
    ...SETUP_OPTIONS,
  });
  const timelineOut = values.timeline as string | undefined;
  const timelineFormat = timelineOut === undefined ? undefined : formatOf(timelineOut);
  if (timelineOut !== undefined && (timelineFormat === undefined || timelineFormat === 'cast')) throw new UsageError('--timeline needs a file ending in .md, .html, .json or .csv');
  if (positionals.length > 1) throw new UsageError(`script takes one FILE, got '${positionals[1]}' too`);
  const file = positionals[0] ?? '-';
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'No such file or directory' : code === 'EISDIR' ? 'Is a directory' : String(code);
    throw new UsageError(`${file}: ${why}`);
  }
  const seed = intOption(values.seed, 'seed', 0, 2 ** 31 - 1);
  let timeline: TimelineDoc | undefined;
  const status = await runScript(text, {
    name: file === '-' ? 'bash' : file,
    seed,
    policy: values.policy as string | undefined,
    ...setupOf(values),
    ...(await scenarioOf(values.scenario)),
    write: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    ...(timelineOut !== undefined ? { timeline: (doc: TimelineDoc) => void (timeline = doc) } : {}),
  });
  if (timeline && timelineOut !== undefined && timelineFormat !== undefined) {
    const { exportTimeline } = await import('../session/export/index');
    const { writeOut } = await import('./export');
    await writeOut(timelineOut, exportTimeline(timeline, timelineFormat).data);
  }
  return status;
}

async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f' },
    terminal: { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'export needs a SESSION file' : `export takes one SESSION, got '${positionals[1]}' too`);
  const { runExport, checkFormat, ExportInputError } = await import('./export');
  try {
    const format = checkFormat(values.format as string | undefined);
    await runExport(positionals[0]!, format, values.terminal as string | undefined, values.output as string | undefined);
    return 0;
  } catch (e) {
    if (e instanceof ExportInputError) {
      process.stderr.write(`pinsim: export: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

function offerLine(o: { id: string; saved: number; inputs: number; error: string | null }): string {
  const when = new Date(o.saved).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  if (o.error) return `pinsim: an unfinished session (${o.id}) cannot be restored: ${o.error}`;
  return `pinsim: an unfinished session from ${when} (${o.inputs} inputs) can be restored: the console window offers it (pinsim serve --restore restores it at once)`;
}

async function shell(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    policy: { type: 'string' },
    scenario: { type: 'string' },
    seed: { type: 'string' },
    ...SETUP_OPTIONS,
  });
  if (positionals.length > 0) throw new UsageError(`shell takes no argument '${positionals[0]}'`);
  const seed = intOption(values.seed, 'seed', 0, 2 ** 31 - 1);
  const policy = values.policy as string | undefined;
  // Without a terminal there is nothing to edit lines on: read commands as bash does from a pipe.
  if (!process.stdin.isTTY) return script(['-', ...args]);
  return interactiveShell({ seed, policy, ...setupOf(values), ...(await scenarioOf(values.scenario)) });
}

/** `pinsim script f | head`: a reader that goes away ends pinsim quietly, as it ends a shell tool. */
let pipeGuarded = false;
function quietOnClosedPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(141);
    throw err;
  });
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  quietOnClosedPipe();
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(USAGE);
        return 0;
      case '-V':
      case '--version':
        process.stdout.write(`pinsim ${VERSION}\n`);
        return 0;
      case 'serve':
        return await serve(rest);
      case 'script':
        return await script(rest);
      case 'shell':
        return await shell(rest);
      case 'export':
        return await exportCommand(rest);
      case 'drill':
        return await drill(rest);
      default:
        throw new UsageError(command.startsWith('-') ? `unknown option '${command}'` : `unknown command '${command}'`);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof BootError) {
      process.stderr.write(`pinsim: ${err.message} (see pinsim --help)\n`);
      return 2;
    }
    process.stderr.write(`pinsim: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
