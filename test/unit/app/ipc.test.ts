// IPC from the window: only the app page's top frame is heard, and only well-formed messages
// reach the simulation link; the link's messages reach the page.
import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainEvent } from 'electron';
import { IpcBridge, judgeIpc, pageOf, senderInfo, wireIpc, type SenderInfo } from '../../../src-main/app/ipc';
import { IPC_MESSAGE, IPC_SEND } from '../../../src-main/protocol/api';
import type { ClientMessage, HostMessage } from '../../../src-main/protocol/messages';
import type { SimulationLink } from '../../../src-main/worker/link';
import { FakeContents, FakeEmitter } from './fakes';

const ENTRY = 'file:///app/out/renderer/index.html';
const APP: SenderInfo = { fromAppWindow: true, isMainFrame: true, url: ENTRY };
const OPEN: ClientMessage = { type: 'term.open', term: 't1', cols: 80, rows: 24 };
const READY: HostMessage = { type: 'ready', protocol: 1, hostname: 'pinsim', release: '6.8', policy: 'rfc-v2', seed: 1 };

function fakeLink() {
  const listeners = new Set<(m: HostMessage) => void>();
  const link = {
    sent: [] as ClientMessage[],
    send: (m: ClientMessage) => void link.sent.push(m),
    onMessage(l: (m: HostMessage) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: async () => {},
    emit: (m: HostMessage) => listeners.forEach((l) => l(m)),
    listeners,
  };
  return link satisfies SimulationLink;
}

function bridge() {
  const link = fakeLink();
  const page = { sent: [] as HostMessage[], send: (m: HostMessage) => void page.sent.push(m) };
  return { link, page, bridge: new IpcBridge(link, page, ENTRY, vi.fn()) };
}

const MALFORMED: unknown[] = [
  null,
  'term.input',
  { type: 'term.input', term: 't1' },
  { type: 'term.input', term: 't1', data: 'x', extra: true },
  { type: 'term.open', term: '../t1', cols: 80, rows: 24 },
  { type: 'term.resize', term: 't1', cols: 1e9, rows: 24 },
  { type: 'shell.exec', command: 'rm -rf /' },
];

describe('judgeIpc', () => {
  it('accepts a well-formed message from the app page', () => {
    expect(judgeIpc(APP, OPEN, ENTRY)).toEqual({ accept: true, message: OPEN });
  });

  it.each([
    ['another web contents', { ...APP, fromAppWindow: false }],
    ['a subframe', { ...APP, isMainFrame: false }],
    ['another page', { ...APP, url: 'https://evil.example/' }],
  ])('drops a message from %s without a reply', (_what, sender) => {
    const verdict = judgeIpc(sender, OPEN, ENTRY);
    expect(verdict.accept).toBe(false);
    expect(verdict).not.toHaveProperty('reply');
  });
});

describe('IpcBridge', () => {
  it.each(MALFORMED)('keeps %j from the link and answers with an error', (raw) => {
    const { link, page, bridge: b } = bridge();
    b.fromPage(APP, raw);
    expect(link.sent).toEqual([]);
    expect(page.sent).toEqual([{ type: 'error', message: expect.stringMatching(/^invalid message/) }]);
  });

  it('drops foreign senders silently, whatever they send', () => {
    const { link, page, bridge: b } = bridge();
    b.fromPage({ ...APP, fromAppWindow: false }, OPEN);
    b.fromPage({ ...APP, isMainFrame: false }, { bad: true });
    expect(link.sent).toEqual([]);
    expect(page.sent).toEqual([]);
  });

  it('passes valid messages on and host messages back', () => {
    const { link, page, bridge: b } = bridge();
    b.fromPage(APP, OPEN);
    expect(link.sent).toEqual([OPEN]);
    link.emit({ type: 'term.output', term: 't1', data: 'hi' });
    expect(page.sent).toEqual([{ type: 'term.output', term: 't1', data: 'hi' }]);
  });

  it('detaches the old page terminals when a new page loads, and tells the new page the host', () => {
    const { link, page, bridge: b } = bridge();
    link.emit(READY);
    b.fromPage(APP, OPEN);
    b.fromPage(APP, { ...OPEN, term: 't2' });
    link.emit({ type: 'term.exit', term: 't2', code: 0 });
    b.pageGone();
    expect(link.sent.slice(2)).toEqual([{ type: 'term.detach', term: 't1' }]);
    page.sent.length = 0;
    b.pageReady();
    expect(page.sent).toEqual([READY]);
  });

  it('stops listening to the link when disposed', () => {
    const { link, bridge: b } = bridge();
    b.dispose();
    expect(link.listeners.size).toBe(0);
  });
});

describe('senderInfo', () => {
  const contents = new FakeContents().asWebContents();
  const event = (sender: unknown, senderFrame: unknown) => ({ sender, senderFrame }) as unknown as IpcMainEvent;

  it('recognises the window top frame', () => {
    expect(senderInfo(event(contents, { parent: null, url: ENTRY }), contents)).toEqual(APP);
  });

  it('tells a subframe, another web contents and a gone frame apart', () => {
    expect(senderInfo(event(contents, { parent: {}, url: ENTRY }), contents).isMainFrame).toBe(false);
    expect(senderInfo(event(new FakeContents(), { parent: null, url: ENTRY }), contents).fromAppWindow).toBe(false);
    expect(senderInfo(event(contents, null), contents)).toEqual({ fromAppWindow: true, isMainFrame: false, url: '' });
  });
});

describe('wireIpc', () => {
  function wired() {
    const ipcMain = new FakeEmitter();
    const contents = new FakeContents();
    const link = fakeLink();
    const b = new IpcBridge(link, pageOf(contents.asWebContents()), ENTRY, vi.fn());
    const unwire = wireIpc(ipcMain as unknown as IpcMain, contents.asWebContents(), b);
    const send = (sender: unknown, frame: unknown, raw: unknown) => ipcMain.emit(IPC_SEND, { sender, senderFrame: frame }, raw);
    return { ipcMain, contents, link, unwire, send };
  }
  const top = { parent: null, url: ENTRY };

  it('forwards the window page messages and replies on the message channel', () => {
    const { contents, link, send } = wired();
    send(contents, top, OPEN);
    send(contents, top, { type: 'term.input' });
    expect(link.sent).toEqual([OPEN]);
    expect(contents.sent).toEqual([{ channel: IPC_MESSAGE, message: expect.objectContaining({ type: 'error' }) }]);
  });

  it('ignores another web contents, a subframe and a foreign page', () => {
    const { contents, link, send } = wired();
    const other = new FakeContents();
    send(other, top, OPEN);
    send(contents, { parent: top, url: ENTRY }, OPEN);
    send(contents, { parent: null, url: 'https://evil.example/' }, OPEN);
    expect(link.sent).toEqual([]);
    expect(contents.sent).toEqual([]);
    expect(other.sent).toEqual([]);
  });

  it('detaches terminals on a reload and a renderer crash, not on in-page navigation', () => {
    const { contents, link, send } = wired();
    send(contents, top, OPEN);
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    contents.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false });
    expect(link.sent).toEqual([OPEN]);
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(link.sent).toEqual([OPEN, { type: 'term.detach', term: 't1' }]);
    send(contents, top, OPEN);
    contents.emit('render-process-gone');
    expect(link.sent.at(-1)).toEqual({ type: 'term.detach', term: 't1' });
  });

  it('sends nothing to a destroyed window', () => {
    const { contents, link } = wired();
    contents.destroyed = true;
    link.emit(READY);
    expect(contents.sent).toEqual([]);
  });

  it('undoes itself', () => {
    const { ipcMain, contents, link, unwire, send } = wired();
    unwire();
    expect(ipcMain.count(IPC_SEND)).toBe(0);
    expect(link.listeners.size).toBe(0);
    send(contents, top, OPEN);
    expect(link.sent).toEqual([]);
  });
});
