// The `pinsim` command: one entry for every headless face of the console.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScript } from '../session/script';
import { USAGE, VERSION } from './usage';
import { interactiveShell } from './shell';
import { BootError } from '../session/boot';

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

async function serve(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string' },
    policy: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`serve takes no argument '${positionals[0]}'`);
  const port = intOption(values.port, 'port', 0, 65535) ?? 0;
  const seed = intOption(values.seed, 'seed', 0, 2 ** 31 - 1);
  // Loaded on demand: `pinsim script` should not pay for the server, ws and the worker at start-up.
  const [{ startSimulationWorker }, { startServer }] = await Promise.all([import('../worker/link'), import('../server/server')]);
  const here = dirname(fileURLToPath(import.meta.url));
  const link = startSimulationWorker(here, { seed, policy: values.policy as string | undefined });
  link.onMessage((m) => {
    if (m.type === 'error') process.stderr.write(`pinsim: ${m.message}\n`);
  });
  const server = await startServer({
    host: String(values.host),
    port,
    rendererDir: join(here, '..', 'renderer'),
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
  });
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
  return runScript(text, {
    name: file === '-' ? 'bash' : file,
    seed,
    policy: values.policy as string | undefined,
    write: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  });
}

async function shell(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    policy: { type: 'string' },
    scenario: { type: 'string' },
    seed: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`shell takes no argument '${positionals[0]}'`);
  const seed = intOption(values.seed, 'seed', 0, 2 ** 31 - 1);
  const policy = values.policy as string | undefined;
  // Without a terminal there is nothing to edit lines on: read commands as bash does from a pipe.
  if (!process.stdin.isTTY) return script(['-', ...args]);
  return interactiveShell({ seed, policy });
}

/** `pinsim script f | head`: a reader that goes away ends pinsim quietly, as it ends a shell tool. */
function quietOnClosedPipe(): void {
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
