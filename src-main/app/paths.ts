// Where the desktop face finds its preload and its page: beside the built main bundle, or the
// electron-vite dev server while developing.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppPaths {
  /** Absolute path of the CommonJS preload (the sandbox runs no ESM preload). */
  preload: string;
  /** URL of the renderer page; the only page the window may show. */
  entry: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A dev server is trusted only in an unpackaged app and only on loopback over plain http. */
export function devServerUrl(raw: string | undefined, isPackaged: boolean): string | undefined {
  if (!raw || isPackaged) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname) ? url.href : undefined;
}

/** `mainDir` is out/main/; the preload and renderer bundles are its siblings. */
export function appPaths(mainDir: string, devUrl: string | undefined): AppPaths {
  return {
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    entry: devUrl ?? pathToFileURL(join(mainDir, '..', 'renderer', 'index.html')).href,
  };
}
