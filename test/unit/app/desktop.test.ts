// The desktop composition root, against a stand-in Electron: what it turns on, in which order.
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_SEND } from '../../../src-main/protocol/api';
import type { SimulationLink } from '../../../src-main/worker/link';
import { FakeContents, FakeEmitter, FakeSession } from './fakes';

interface FakeWindow {
  options: { webPreferences?: { preload?: string } };
  webContents: FakeContents;
  loaded: string[];
}

type FakeApp = FakeEmitter & {
  isPackaged: boolean;
  enableSandbox: Mock;
  requestSingleInstanceLock: Mock;
  quit: Mock;
  exit: Mock;
  whenReady: Mock;
};

const fx = vi.hoisted(() => ({
  app: undefined as unknown as FakeApp,
  ipcMain: undefined as unknown as FakeEmitter,
  session: undefined as unknown as FakeSession,
  windows: [] as FakeWindow[],
  lock: true,
  link: undefined as unknown as SimulationLink & { sent: unknown[] },
  startSimulationWorker: undefined as unknown as Mock<(...args: unknown[]) => SimulationLink>,
}));

vi.mock('electron', async () => {
  const { FakeContents: Contents } = await import('./fakes');
  return {
    get app() {
      return fx.app;
    },
    get ipcMain() {
      return fx.ipcMain;
    },
    get session() {
      return { defaultSession: fx.session };
    },
    BrowserWindow: class {
      webContents = new Contents();
      loaded: string[] = [];
      constructor(public options: unknown) {
        fx.windows.push(this as unknown as FakeWindow);
      }
      loadURL(url: string) {
        this.loaded.push(url);
        return Promise.resolve();
      }
      isDestroyed = () => false;
    },
  };
});

vi.mock('../../../src-main/worker/link', () => ({
  startSimulationWorker: (...args: unknown[]) => fx.startSimulationWorker(...args),
}));

const { startDesktopApp } = await import('../../../src-main/app/desktop');

const MAIN_DIR = join('/opt', 'pinsim', 'out', 'main');
const ENTRY = pathToFileURL(join('/opt', 'pinsim', 'out', 'renderer', 'index.html')).href;
const settle = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  fx.app = Object.assign(new FakeEmitter(), {
    isPackaged: false,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => fx.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
  });
  fx.ipcMain = new FakeEmitter();
  fx.session = new FakeSession();
  fx.windows.length = 0;
  fx.lock = true;
  fx.link = {
    sent: [],
    send: (m) => void fx.link.sent.push(m),
    onMessage: () => () => {},
    close: vi.fn(async () => {}),
  };
  fx.startSimulationWorker = vi.fn((..._args: unknown[]) => fx.link);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function started() {
  startDesktopApp({ mainDir: MAIN_DIR });
  await settle();
  const win = fx.windows[0];
  if (!win) throw new Error('no window');
  return win;
}

describe('startDesktopApp', () => {
  it('sandboxes all renderers and hardens every web contents as it is created', () => {
    startDesktopApp({ mainDir: MAIN_DIR });
    expect(fx.app.enableSandbox).toHaveBeenCalled();
    const contents = new FakeContents();
    fx.app.emit('web-contents-created', {}, contents);
    expect(contents.count('will-navigate')).toBe(1);
    expect(contents.count('will-attach-webview')).toBe(1);
    expect(contents.windowOpen).toBeDefined();
  });

  it('leaves a second instance to the first', async () => {
    fx.lock = false;
    startDesktopApp({ mainDir: MAIN_DIR });
    await settle();
    expect(fx.app.quit).toHaveBeenCalled();
    expect(fx.windows).toEqual([]);
    expect(fx.startSimulationWorker).not.toHaveBeenCalled();
  });

  it('when ready: hardens the session, starts the worker from mainDir, opens the page, wires IPC', async () => {
    const win = await started();
    expect(fx.session.requestHandler).toBeDefined();
    expect(fx.session.headersHandler).toBeDefined();
    expect(fx.startSimulationWorker).toHaveBeenCalledWith(MAIN_DIR);
    expect(win.options.webPreferences?.preload).toBe(join('/opt', 'pinsim', 'out', 'preload', 'index.cjs'));
    expect(win.loaded).toEqual([ENTRY]);
    const open = { type: 'term.open', term: 't1', cols: 80, rows: 24 };
    fx.ipcMain.emit(IPC_SEND, { sender: win.webContents, senderFrame: { parent: null, url: ENTRY } }, open);
    expect(fx.link.sent).toEqual([open]);
  });

  it('shows a loopback dev server page, and ignores any other', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://evil.example/');
    expect((await started()).loaded).toEqual([ENTRY]);
    fx.windows.length = 0;
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    expect((await started()).loaded).toEqual(['http://localhost:5173/']);
  });

  it('quits when the window closes, after the simulation has stopped', async () => {
    await started();
    fx.app.emit('window-all-closed');
    expect(fx.app.quit).toHaveBeenCalledTimes(1);
    const first = { preventDefault: vi.fn() };
    fx.app.emit('will-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(fx.link.close).toHaveBeenCalled();
    expect(fx.ipcMain.count(IPC_SEND)).toBe(0);
    await settle();
    expect(fx.app.quit).toHaveBeenCalledTimes(2);
    const second = { preventDefault: vi.fn() };
    fx.app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('exits with status 1 when the simulation cannot start', async () => {
    fx.startSimulationWorker = vi.fn((..._args: unknown[]): SimulationLink => {
      throw new Error('no sim-worker.js');
    });
    startDesktopApp({ mainDir: MAIN_DIR });
    await settle();
    expect(fx.app.exit).toHaveBeenCalledWith(1);
    expect(process.stderr.write).toHaveBeenCalledWith(expect.stringContaining('no sim-worker.js'));
  });
});
