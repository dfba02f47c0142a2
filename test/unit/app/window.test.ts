// The window's web preferences: the page is sandboxed, isolated and has no Node.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';

const made = vi.hoisted(() => ({
  windows: [] as { options: BrowserWindowConstructorOptions; loaded: string[] }[],
  failLoad: false,
}));

vi.mock('electron', () => ({
  BrowserWindow: class {
    loaded: string[] = [];
    constructor(public options: BrowserWindowConstructorOptions) {
      made.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return made.failLoad ? Promise.reject(new Error('ERR_FILE_NOT_FOUND')) : Promise.resolve();
    }
  },
}));

const { createWindow } = await import('../../../src-main/app/window');

const PRELOAD = '/app/out/preload/index.cjs';
const ENTRY = 'file:///app/out/renderer/index.html';

beforeEach(() => {
  made.windows.length = 0;
  made.failLoad = false;
});

function open(devTools = false, log = vi.fn()) {
  createWindow(PRELOAD, ENTRY, devTools, log);
  const win = made.windows.at(-1);
  if (!win) throw new Error('no window was made');
  return { win, prefs: win.options.webPreferences ?? {}, log };
}

describe('createWindow', () => {
  it('isolates and sandboxes the page and gives it no Node', () => {
    const { prefs } = open();
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and every risky feature off', () => {
    const { prefs } = open();
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('uses the given preload and loads the given page', () => {
    const { win, prefs } = open();
    expect(prefs.preload).toBe(PRELOAD);
    expect(win.loaded).toEqual([ENTRY]);
  });

  it('offers DevTools only when asked to', () => {
    expect(open(false).prefs.devTools).toBe(false);
    expect(open(true).prefs.devTools).toBe(true);
  });

  it('reports a page that fails to load instead of throwing', async () => {
    made.failLoad = true;
    const { log } = open();
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('ERR_FILE_NOT_FOUND')));
  });
});
