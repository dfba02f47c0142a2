#!/usr/bin/env node
// `npm start`: the desktop app where the Electron runtime can run, browser mode everywhere else,
// so that a fresh offline install still opens the console.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, loadCli } from './cli-loader.mjs';
import { canReach, electronInstaller, findElectronRuntime, hasDisplay } from './electron-runtime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const say = (line) => process.stderr.write(`pinsim: ${line}\n`);

async function browserMode(why) {
  say(`${why}; starting browser mode instead`);
  return loadCli().main(['serve', ...args]);
}

/** Resolves with Electron's exit status, or with undefined when it could not run at all. */
function runElectron(binary) {
  const env = { ...process.env };
  // Inherited from an Electron-hosted shell, this would make the binary act as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root, ...args], { stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  return new Promise((resolve) => {
    child.once('error', (err) => resolve({ failed: err.message }));
    child.once('exit', (code, signal) => {
      // 127: the dynamic loader could not start the binary (a missing system library).
      if (code === 127) resolve({ failed: 'the binary cannot run on this system (exit status 127)' });
      else resolve({ code: code ?? 128 + (constants.signals[signal] ?? 0) });
    });
  });
}

const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

/**
 * First start where the network allows: fetch the runtime once with the electron package's own
 * installer. Offline, the probe fails within milliseconds and nothing is attempted.
 */
async function fetchRuntime() {
  const installer = electronInstaller();
  if (!installer || process.env.PINSIM_NO_DOWNLOAD === '1' || !hasDisplay()) return;
  if (!(await canReach('github.com', 443, 2000))) return;
  say('the Electron runtime is not installed yet: downloading it once (about 100 MB; PINSIM_NO_DOWNLOAD=1 skips this)');
  const child = spawn(process.execPath, [installer], { stdio: 'inherit' });
  const timer = setTimeout(() => child.kill('SIGTERM'), DOWNLOAD_TIMEOUT_MS);
  await new Promise((resolve) => child.once('exit', resolve).once('error', resolve));
  clearTimeout(timer);
}

async function start() {
  if (!existsSync(CLI) || !existsSync(join(root, 'out', 'main', 'index.js'))) {
    say('not built yet; run `npm run build` (npm install does it) first');
    return 1;
  }
  let runtime = findElectronRuntime();
  if (!runtime.path) {
    await fetchRuntime();
    runtime = findElectronRuntime();
  }
  if (!runtime.path) return browserMode('the Electron runtime is not installed (offline install?)');
  if (!hasDisplay()) return browserMode('no display for the desktop window (DISPLAY and WAYLAND_DISPLAY are unset)');
  const result = await runElectron(runtime.path);
  if ('failed' in result) return browserMode(`Electron could not start: ${result.failed}`);
  return result.code;
}

process.exitCode = await start();
