// Stand-ins for the Electron objects the app code acts on; they record what was done to them.
import type { Session, WebContents } from 'electron';

type Handler = (...args: never[]) => unknown;

export class FakeEmitter {
  readonly handlers = new Map<string, Handler[]>();
  on(name: string, handler: Handler): this {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
    return this;
  }
  removeListener(name: string, handler: Handler): this {
    this.handlers.set(name, (this.handlers.get(name) ?? []).filter((h) => h !== handler));
    return this;
  }
  emit(name: string, ...args: unknown[]): void {
    for (const h of this.handlers.get(name) ?? []) (h as (...a: unknown[]) => unknown)(...args);
  }
  count(name: string): number {
    return this.handlers.get(name)?.length ?? 0;
  }
}

export class FakeContents extends FakeEmitter {
  windowOpen: ((details: { url: string }) => unknown) | undefined;
  sent: { channel: string; message: unknown }[] = [];
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpen = handler;
  }
  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

/** A navigation-like event: `prevented` tells whether a guard stopped it. */
export function navEvent(url: string, extra: Record<string, unknown> = {}) {
  const event = { url, prevented: false, preventDefault: () => (event.prevented = true), ...extra };
  return event;
}

export class FakeSession {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  checkHandler: ((...args: unknown[]) => boolean) | undefined;
  deviceHandler: ((details: unknown) => boolean) | undefined;
  headersHandler:
    | ((details: { responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders?: Record<string, string[]> }) => void) => void)
    | undefined;
  setPermissionRequestHandler(h: NonNullable<FakeSession['requestHandler']>) {
    this.requestHandler = h;
  }
  setPermissionCheckHandler(h: NonNullable<FakeSession['checkHandler']>) {
    this.checkHandler = h;
  }
  setDevicePermissionHandler(h: NonNullable<FakeSession['deviceHandler']>) {
    this.deviceHandler = h;
  }
  webRequest = {
    onHeadersReceived: (h: NonNullable<FakeSession['headersHandler']>) => {
      this.headersHandler = h;
    },
  };
  asSession(): Session {
    return this as unknown as Session;
  }
}
