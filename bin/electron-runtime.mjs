// Finds the Electron runtime binary without starting its download: requiring the `electron`
// package would run its installer, which hangs or fails on an offline machine.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const isFile = (path) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * Where the runtime is, or why it is not there. Reads the same files the `electron` package's
 * own entry reads (path.txt beside it, the binary under dist/, ELECTRON_OVERRIDE_DIST_PATH);
 * PINSIM_ELECTRON_PATH names a binary directly and wins over everything.
 * @returns {{ path: string } | { path: undefined, reason: string }}
 */
export function findElectronRuntime({ env = process.env, from = root } = {}) {
  if (env.PINSIM_ELECTRON_PATH !== undefined) {
    const path = env.PINSIM_ELECTRON_PATH;
    return isFile(path) ? { path } : { path: undefined, reason: `PINSIM_ELECTRON_PATH=${path} is not a file` };
  }
  let pkgDir;
  try {
    pkgDir = dirname(createRequire(join(from, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { path: undefined, reason: 'the electron package is not installed' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, name || 'electron');
    return isFile(path) ? { path } : { path: undefined, reason: `no Electron binary at ${path}` };
  }
  if (!name) return { path: undefined, reason: 'the runtime was never downloaded (no electron/path.txt)' };
  const path = join(pkgDir, 'dist', name);
  return isFile(path) ? { path } : { path: undefined, reason: `no Electron binary at ${path}` };
}

/** Electron on Linux needs an X11 or Wayland display; elsewhere there always is one. */
export function hasDisplay(env = process.env, platform = process.platform) {
  if (platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The electron package's own installer script (downloads the runtime), if the package is there. */
export function electronInstaller({ from = root } = {}) {
  try {
    return join(dirname(createRequire(join(from, 'package.json')).resolve('electron/package.json')), 'install.js');
  } catch {
    return undefined;
  }
}

/** Whether a TCP connection to host:port opens within `timeoutMs` (offline machines refuse at once). */
export function canReach(host, port, timeoutMs) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
