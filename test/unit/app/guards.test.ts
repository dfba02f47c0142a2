// Navigation, new-window, <webview> and permission guards on every web contents and the session.
import { describe, expect, it, vi } from 'vitest';
import { decidePermission, hardenContents, hardenSession, isAppUrl } from '../../../src-main/app/guards';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/app/csp';
import { FakeContents, FakeSession, navEvent } from './fakes';

const ENTRY = 'file:///app/out/renderer/index.html';
const DEV = 'http://localhost:5173/';

function hardened(entry = ENTRY) {
  const contents = new FakeContents();
  const log = vi.fn();
  hardenContents(contents.asWebContents(), entry, log);
  return { contents, log };
}

describe('isAppUrl', () => {
  it('matches the file: page by path, whatever its query or fragment', () => {
    expect(isAppUrl(ENTRY, ENTRY)).toBe(true);
    expect(isAppUrl(`${ENTRY}?x=1#top`, ENTRY)).toBe(true);
    expect(isAppUrl('file:///app/out/renderer/other.html', ENTRY)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', ENTRY)).toBe(false);
    expect(isAppUrl('file://server/app/out/renderer/index.html', ENTRY)).toBe(false);
    expect(isAppUrl('https://app/out/renderer/index.html', ENTRY)).toBe(false);
  });

  it('matches a dev-server page by origin', () => {
    expect(isAppUrl('http://localhost:5173/src/x.ts', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', DEV)).toBe(false);
    expect(isAppUrl('http://localhost.evil.example:5173/', DEV)).toBe(false);
  });

  it('rejects what is not a URL', () => {
    expect(isAppUrl('not a url', ENTRY)).toBe(false);
    expect(isAppUrl(ENTRY, 'not a url')).toBe(false);
  });
});

describe('hardenContents', () => {
  it.each(['will-navigate', 'will-redirect'])('%s away from the app is prevented and logged', (name) => {
    const { contents, log } = hardened();
    const away = navEvent('https://evil.example/');
    contents.emit(name, away);
    expect(away.prevented).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('https://evil.example/'));
  });

  it('lets the app page reload itself', () => {
    const { contents, log } = hardened();
    const reload = navEvent(`${ENTRY}#again`);
    contents.emit('will-navigate', reload);
    expect(reload.prevented).toBe(false);
    expect(log).not.toHaveBeenCalled();
  });

  it('stops a subframe from navigating away and leaves the top frame to will-navigate', () => {
    const { contents } = hardened();
    const sub = navEvent('https://evil.example/', { isMainFrame: false });
    contents.emit('will-frame-navigate', sub);
    expect(sub.prevented).toBe(true);
    const top = navEvent('https://evil.example/', { isMainFrame: true });
    contents.emit('will-frame-navigate', top);
    expect(top.prevented).toBe(false);
    expect(contents.count('will-navigate')).toBe(1);
  });

  it('denies every new window, even for the app page', () => {
    const { contents } = hardened();
    expect(contents.windowOpen?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpen?.({ url: ENTRY })).toEqual({ action: 'deny' });
  });

  it('prevents every <webview>', () => {
    const { contents, log } = hardened();
    const attach = navEvent(ENTRY);
    contents.emit('will-attach-webview', attach);
    expect(attach.prevented).toBe(true);
    expect(log).toHaveBeenCalledWith('blocked a <webview>');
  });
});

describe('hardenSession', () => {
  it('denies every permission request, check and device', () => {
    const ses = new FakeSession();
    hardenSession(ses.asSession());
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const callback = vi.fn();
      ses.requestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(ses.checkHandler?.({}, permission, 'file:///', {})).toBe(false);
    }
    expect(ses.deviceHandler?.({ deviceType: 'usb' })).toBe(false);
    expect(decidePermission()).toBe(false);
  });

  it('replaces any CSP a response brings with the app policy', () => {
    const ses = new FakeSession();
    hardenSession(ses.asSession());
    const callback = vi.fn();
    ses.headersHandler?.({ responseHeaders: { 'content-security-policy': ["default-src *"], 'X-A': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});
