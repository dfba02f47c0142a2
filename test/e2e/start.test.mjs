// `npm start` (bin/start.mjs): the desktop app where Electron can run, browser mode otherwise.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronRuntime, hasDisplay } from '../../bin/electron-runtime.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const NOTICE = 'pinsim: the Electron runtime is not installed (offline install?); starting browser mode instead';
const posix = process.platform !== 'win32';

const made = [];
const tempDir = (name) => {
  const dir = mkdtempSync(join(tmpdir(), `pinsim-${name}-`));
  made.push(dir);
  return dir;
};
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function withoutDisplay(env) {
  const copy = { ...env };
  delete copy.DISPLAY;
  delete copy.WAYLAND_DISPLAY;
  return copy;
}

/** Runs bin/start.mjs; `until(stream, re)` waits for a match in its output, `exit` for its status. */
function start(env, startFile = join(root, 'bin', 'start.mjs')) {
  const child = spawn(process.execPath, [startFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  const waiters = new Set();
  for (const stream of ['stdout', 'stderr']) {
    child[stream].on('data', (d) => {
      out[stream] += d;
      for (const w of waiters) w();
    });
  }
  const exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const until = (stream, re, ms = 20_000) =>
    new Promise((resolve, reject) => {
      const done = (settle, value) => {
        waiters.delete(check);
        clearTimeout(timer);
        settle(value);
      };
      const check = () => {
        const m = re.exec(out[stream]);
        if (m) done(resolve, m);
      };
      const timer = setTimeout(() => done(reject, new Error(`no ${re} in ${ms} ms: ${JSON.stringify(out)}`)), ms);
      waiters.add(check);
      check();
      void exit.then(() => setImmediate(() => done(reject, new Error(`exited: ${JSON.stringify(out)}`))));
    });
  return { child, out, exit, until };
}

/** A stand-in Electron binary: records its arguments and exits with `status`. */
function fakeElectron(status) {
  const dir = tempDir('fake-electron');
  const binary = join(dir, 'electron');
  writeFileSync(binary, `#!/bin/sh\nprintf '%s\\n' "$@" "run-as-node:\${ELECTRON_RUN_AS_NODE-unset}" > "$0.args"\nexit ${status}\n`);
  chmodSync(binary, 0o755);
  return { binary, args: () => readFileSync(`${binary}.args`, 'utf8').trim().split('\n') };
}

async function expectBrowserMode(env, notice) {
  const run = start(env);
  const url = run.until('stdout', /browser mode at (\S+)/);
  const [line] = await run.until('stderr', /^.*\n/);
  assert.equal(line.trim(), notice);
  const [, address] = await url;
  assert.equal((await fetch(address)).status, 200);
  assert.equal((await fetch(address.replace(/\?token=.*/, ''))).status, 403);
  run.child.kill('SIGINT');
  assert.equal(await run.exit, 0);
  assert.equal(run.out.stderr.trim().split('\n').length, 1, `one notice line only: ${run.out.stderr}`);
}

test('without the runtime it says so in one line and serves browser mode', () =>
  expectBrowserMode({ ...process.env, PINSIM_ELECTRON_PATH: join(root, 'no-such-electron') }, NOTICE));

test('an installed runtime is started on the project and its exit status is passed on', { skip: !posix }, async () => {
  const fake = fakeElectron(3);
  const run = start({ ...process.env, PINSIM_ELECTRON_PATH: fake.binary, DISPLAY: ':99', ELECTRON_RUN_AS_NODE: '1' });
  assert.equal(await run.exit, 3);
  assert.deepEqual(fake.args(), [root.replace(/\/$/, ''), 'run-as-node:unset']);
  assert.equal(run.out.stderr, '');
});

test('without a display on Linux it falls back to browser mode', { skip: process.platform !== 'linux' }, () =>
  expectBrowserMode(
    withoutDisplay({ ...process.env, PINSIM_ELECTRON_PATH: fakeElectron(0).binary }),
    'pinsim: no display for the desktop window (DISPLAY and WAYLAND_DISPLAY are unset); starting browser mode instead',
  ),
);

test('a runtime that cannot execute falls back to browser mode', { skip: !posix }, () =>
  expectBrowserMode(
    { ...process.env, PINSIM_ELECTRON_PATH: fakeElectron(127).binary, DISPLAY: ':99' },
    'pinsim: Electron could not start: the binary cannot run on this system (exit status 127); starting browser mode instead',
  ),
);

test('without a build it points to npm run build', async () => {
  const copy = tempDir('unbuilt');
  mkdirSync(join(copy, 'bin'));
  for (const f of ['start.mjs', 'electron-runtime.mjs', 'cli-loader.mjs']) cpSync(join(root, 'bin', f), join(copy, 'bin', f));
  const run = start(process.env, join(copy, 'bin', 'start.mjs'));
  assert.equal(await run.exit, 1);
  assert.match(run.out.stderr, /^pinsim: not built yet; run `npm run build` \(npm install does it\) first\n$/);
});

test('finding the runtime reads the electron package files and never downloads', () => {
  const pkg = join(root, 'node_modules', 'electron');
  const before = existsSync(join(pkg, 'path.txt'));
  const started = Date.now();
  const found = findElectronRuntime({ env: {} });
  assert.ok(Date.now() - started < 1000);
  assert.equal(existsSync(join(pkg, 'path.txt')), before, 'no installer ran');
  if (found.path) assert.ok(existsSync(found.path));
  else assert.match(found.reason, /never downloaded|no Electron binary/);
});

test('the runtime is present only when path.txt names an existing binary', () => {
  const project = tempDir('runtime');
  const pkg = join(project, 'node_modules', 'electron');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  writeFileSync(join(project, 'package.json'), '{}');
  writeFileSync(join(pkg, 'package.json'), '{"name":"electron","main":"index.js"}');
  const find = (env = {}) => findElectronRuntime({ env, from: project });
  assert.match(find().reason, /never downloaded/);
  writeFileSync(join(pkg, 'path.txt'), 'electron');
  assert.match(find().reason, /no Electron binary/);
  writeFileSync(join(pkg, 'dist', 'electron'), '');
  assert.equal(find().path, join(pkg, 'dist', 'electron'));
  const override = join(project, 'elsewhere');
  assert.match(find({ ELECTRON_OVERRIDE_DIST_PATH: override }).reason, /no Electron binary/);
  mkdirSync(override);
  writeFileSync(join(override, 'electron'), '');
  assert.equal(find({ ELECTRON_OVERRIDE_DIST_PATH: override }).path, join(override, 'electron'));
  assert.equal(find({ PINSIM_ELECTRON_PATH: join(pkg, 'dist', 'electron') }).path, join(pkg, 'dist', 'electron'));
  assert.match(find({ PINSIM_ELECTRON_PATH: dirname(pkg) }).reason, /not a file/);
  assert.match(findElectronRuntime({ env: {}, from: tmpdir() }).reason, /not installed/);
});

test('a display is needed on Linux only', () => {
  assert.equal(hasDisplay({}, 'linux'), false);
  assert.equal(hasDisplay({ DISPLAY: ':0' }, 'linux'), true);
  assert.equal(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux'), true);
  assert.equal(hasDisplay({}, 'darwin'), true);
  assert.equal(hasDisplay({}, 'win32'), true);
});
