// PDF export in the desktop app: the postmortem's self-contained HTML printed by Chromium in a
// hidden, script-less window that exists only for the print.
import { BrowserWindow } from 'electron';

export async function printToPdf(html: string): Promise<string> {
  // Written out at the constructor like the main window's, for static scanners to judge.
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      javascript: false,
      devTools: false,
    },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    return pdf.toString('base64');
  } finally {
    win.destroy();
  }
}
