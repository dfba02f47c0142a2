// Keeps every web page of the app on the app's own renderer: no navigation away, no new
// windows, no <webview>, no permissions. Decisions are pure; `harden*` wire them to Electron.
import type { Session, WebContents } from 'electron';
import { withContentSecurityPolicy } from './csp';

/**
 * True for the app's own page. A file: entry matches by path (file: URLs have no usable
 * origin); an http entry (dev server) matches by origin. Query and fragment never matter.
 */
export function isAppUrl(url: string, entry: string): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(url);
    app = new URL(entry);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
  }
  return target.origin === app.origin;
}

export type WindowOpenDecision = { action: 'deny' };

/** New windows are never needed: the console is one window with its own tabs. */
export function decideWindowOpen(): WindowOpenDecision {
  return { action: 'deny' };
}

/** The page needs no camera, clipboard-read, notifications or anything else a site may ask for. */
export function decidePermission(): boolean {
  return false;
}

type Log = (line: string) => void;

export function hardenContents(contents: WebContents, entry: string, log: Log): void {
  const refuse = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url, entry)) return;
    event.preventDefault();
    log(`blocked ${kind} to ${event.url}`);
  };
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-redirect', refuse('redirect'));
  // will-navigate covers the top frame only; an iframe could otherwise be steered anywhere.
  const refuseFrame = refuse('frame navigation');
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) refuseFrame(event);
  });
  contents.setWindowOpenHandler((details) => {
    log(`blocked a new window for ${details.url}`);
    return decideWindowOpen();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview>');
  });
}

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(decidePermission()));
  ses.setPermissionCheckHandler(() => decidePermission());
  ses.setDevicePermissionHandler(() => decidePermission());
  // Applies where Chromium reports headers (the dev server); file: pages get the <meta> policy.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
