// The IPC bridge between the window and the simulation link. Every message from the page is
// checked twice before the link sees it: who sent it (the app's own top frame) and what it is
// (the protocol schema). The bridge also keeps the host consistent across page reloads.
import type { IpcMain, IpcMainEvent, WebContents } from 'electron';
import { IPC_MESSAGE, IPC_SEND } from '../protocol/api';
import { parseClientMessage, type ClientMessage, type HostMessage } from '../protocol/messages';
import type { SimulationLink } from '../worker/link';
import { isAppUrl } from './guards';

/** What the main process knows about the frame an IPC message came from. */
export interface SenderInfo {
  /** The message came from the app window's own web contents. */
  fromAppWindow: boolean;
  /** The frame is the top frame (not an iframe), and still alive. */
  isMainFrame: boolean;
  url: string;
}

export type IpcVerdict =
  | { accept: true; message: ClientMessage }
  | { accept: false; reason: string; reply?: HostMessage };

/** Untrusted senders are dropped without an answer; bad payloads from the app get an error. */
export function judgeIpc(sender: SenderInfo, raw: unknown, entry: string): IpcVerdict {
  if (!sender.fromAppWindow) return { accept: false, reason: 'IPC from a foreign web contents' };
  if (!sender.isMainFrame) return { accept: false, reason: 'IPC from a subframe' };
  if (!isAppUrl(sender.url, entry)) return { accept: false, reason: `IPC from ${sender.url}` };
  const parsed = parseClientMessage(raw);
  if (!parsed.ok) return { accept: false, reason: parsed.error, reply: { type: 'error', message: parsed.error } };
  return { accept: true, message: parsed.value };
}

export function senderInfo(event: IpcMainEvent, app: WebContents): SenderInfo {
  const frame = event.senderFrame;
  return {
    fromAppWindow: event.sender === app,
    isMainFrame: frame !== null && frame.parent === null,
    url: frame?.url ?? '',
  };
}

interface PageTarget {
  send(message: HostMessage): void;
}

/**
 * Routes one page's messages to the link and the link's messages to the page. It remembers the
 * page's open terminals so that a reload closes them (the new page reuses the ids) and the
 * host's `ready` so that every new page learns which host it talks to.
 */
export class IpcBridge {
  private readonly openTerms = new Set<string>();
  private lastReady: HostMessage | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly link: SimulationLink,
    private readonly page: PageTarget,
    private readonly entry: string,
    private readonly log: (line: string) => void,
    /** Turns HTML into a PDF (base64): how the desktop app answers a PDF export. */
    private readonly print?: (html: string) => Promise<string>,
  ) {
    this.unsubscribe = link.onMessage((m) => this.fromHost(m));
  }

  fromPage(sender: SenderInfo, raw: unknown): void {
    const verdict = judgeIpc(sender, raw, this.entry);
    if (!verdict.accept) {
      this.log(`refused ${verdict.reason}`);
      if (verdict.reply) this.page.send(verdict.reply);
      return;
    }
    const m = verdict.message;
    if (m.type === 'term.open') this.openTerms.add(m.term);
    if (m.type === 'term.close') this.openTerms.delete(m.term);
    this.link.send(m);
  }

  /**
   * A new document is loading in the window (reload, renderer crash): its terminals are detached,
   * not closed, so the new page's tabs take the same shells back, as in browser mode.
   */
  pageGone(): void {
    for (const term of this.openTerms) this.link.send({ type: 'term.detach', term });
    this.openTerms.clear();
  }

  /** The new document's scripts are running and listening. */
  pageReady(): void {
    if (this.lastReady) this.page.send(this.lastReady);
  }

  dispose(): void {
    this.unsubscribe();
  }

  private fromHost(m: HostMessage): void {
    if (m.type === 'ready') this.lastReady = m;
    if (m.type === 'term.exit') this.openTerms.delete(m.term);
    if (m.type === 'export' && m.format === 'pdf' && m.encoding === 'html' && m.data !== null && this.print) {
      const done = (update: Partial<typeof m>) => this.page.send({ ...m, ...update });
      this.print(m.data).then(
        (data) => done({ encoding: 'base64', data }),
        (err: unknown) => done({ encoding: null, data: null, error: `printing the PDF failed: ${String(err)}` }),
      );
      return;
    }
    this.page.send(m);
  }
}

/** Connects a bridge to the window's web contents; returns the function that undoes it. */
export function wireIpc(ipcMain: IpcMain, contents: WebContents, bridge: IpcBridge): () => void {
  const onSend = (event: IpcMainEvent, raw: unknown) => bridge.fromPage(senderInfo(event, contents), raw);
  ipcMain.on(IPC_SEND, onSend);
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) bridge.pageGone();
  });
  contents.on('render-process-gone', () => bridge.pageGone());
  contents.on('dom-ready', () => bridge.pageReady());
  return () => {
    ipcMain.removeListener(IPC_SEND, onSend);
    bridge.dispose();
  };
}

export function pageOf(contents: WebContents): PageTarget {
  return {
    send(message) {
      if (!contents.isDestroyed()) contents.send(IPC_MESSAGE, message);
    },
  };
}
