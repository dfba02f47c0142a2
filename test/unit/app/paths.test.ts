// Where the window finds its page and preload, and when a dev server may stand in for the page.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appPaths, devServerUrl } from '../../../src-main/app/paths';
import viteConfig from '../../../electron.vite.config';

describe('devServerUrl', () => {
  it('trusts a loopback http dev server in an unpackaged app', () => {
    expect(devServerUrl('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(devServerUrl('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173/');
    expect(devServerUrl('http://[::1]:5173/', false)).toBe('http://[::1]:5173/');
  });

  it('never trusts one in a packaged app', () => {
    expect(devServerUrl('http://localhost:5173', true)).toBeUndefined();
  });

  it.each([
    'http://evil.example:5173/',
    'http://localhost.evil.example/',
    'http://127.0.0.1.nip.io/',
    'http://localhost@evil.example/',
    'http://0.0.0.0:5173/',
    'https://localhost:5173/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'localhost:5173',
    '',
  ])('refuses %j', (raw) => {
    expect(devServerUrl(raw, false)).toBeUndefined();
  });

  it('is absent when nothing is set', () => {
    expect(devServerUrl(undefined, false)).toBeUndefined();
  });
});

describe('appPaths', () => {
  const mainDir = join('/opt', 'pinsim', 'out', 'main');

  it('finds the preload and the page beside the main bundle', () => {
    expect(appPaths(mainDir, undefined)).toEqual({
      preload: join('/opt', 'pinsim', 'out', 'preload', 'index.cjs'),
      entry: pathToFileURL(join('/opt', 'pinsim', 'out', 'renderer', 'index.html')).href,
    });
  });

  it('shows the dev server page instead when one is trusted', () => {
    expect(appPaths(mainDir, 'http://localhost:5173/').entry).toBe('http://localhost:5173/');
  });

  it('names the preload the build emits, as CommonJS for the sandbox', () => {
    const output = viteConfig.preload?.build?.rollupOptions?.output;
    expect(output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs' });
    expect(viteConfig.preload?.build?.outDir).toBe('out/preload');
    expect(appPaths(mainDir, undefined).preload.endsWith(join('preload', 'index.cjs'))).toBe(true);
  });
});
