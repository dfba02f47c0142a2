// Composition root of the desktop face: one instance, one window, one simulation worker, and
// the guards that keep the window's page on the app's own content.
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { startSimulationWorker, type SimulationLink } from '../worker/link';
import { appPaths, devServerUrl } from './paths';
import { hardenContents, hardenSession } from './guards';
import { IpcBridge, pageOf, wireIpc } from './ipc';
import { createWindow } from './window';
import { printToPdf } from './pdf';

const log = (line: string) => process.stderr.write(`pinsim: ${line}\n`);

export interface DesktopOptions {
  /** Directory of the built main bundle (out/main), where sim-worker.js sits. */
  mainDir: string;
  startLink?: () => SimulationLink;
}

export function startDesktopApp(options: DesktopOptions): void {
  // Sandbox every renderer, including any a future feature creates without saying so.
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const { mainDir } = options;
  const paths = appPaths(mainDir, devServerUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged));
  let win: BrowserWindow | undefined;
  let link: SimulationLink | undefined;
  let unwire: (() => void) | undefined;

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, paths.entry, log));
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  // The simulation belongs to the window's session, so closing the window ends the app on
  // every platform, macOS included.
  app.on('window-all-closed', () => app.quit());

  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped || !link) return;
    event.preventDefault();
    unwire?.();
    const closing = link;
    link = undefined;
    void closing
      .close()
      .catch((err: unknown) => log(`simulation did not stop cleanly: ${String(err)}`))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });

  void app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession);
      link = options.startLink ? options.startLink() : startSimulationWorker(mainDir);
      win = createWindow(paths.preload, paths.entry, !app.isPackaged, log);
      unwire = wireIpc(ipcMain, win.webContents, new IpcBridge(link, pageOf(win.webContents), paths.entry, log, printToPdf));
    })
    .catch((err: unknown) => {
      log(`cannot start the desktop app: ${err instanceof Error ? err.message : String(err)}`);
      app.exit(1);
    });
}
