// The preload exposes one object with two fixed channels and never hands the page the IPC event.
import { describe, expect, it, vi } from 'vitest';
import { IPC_MESSAGE, IPC_SEND, type PinsimApi } from '../../../src-main/protocol/api';
import type { ClientMessage, HostMessage } from '../../../src-main/protocol/messages';
import { FakeEmitter } from './fakes';

const electron = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), sent: [] as unknown[][] }));

vi.mock('electron', async () => {
  const { FakeEmitter: Emitter } = await import('./fakes');
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
    ipcRenderer: Object.assign(new Emitter(), { send: (...args: unknown[]) => electron.sent.push(args) }),
  };
});

await import('../../../src-main/preload/index');
const { ipcRenderer } = (await import('electron')) as unknown as { ipcRenderer: FakeEmitter };
const api = electron.exposed.get('pinsim') as PinsimApi;

describe('preload', () => {
  it('exposes only window.pinsim, with mode, send and onMessage', () => {
    expect([...electron.exposed.keys()]).toEqual(['pinsim']);
    expect(Object.keys(api).sort()).toEqual(['mode', 'onMessage', 'send']);
    expect(api.mode).toBe('electron');
  });

  it('sends on the pinsim:send channel only', () => {
    const m: ClientMessage = { type: 'term.input', term: 't1', data: 'ls\r' };
    api.send(m);
    expect(electron.sent).toEqual([[IPC_SEND, m]]);
  });

  it('hands listeners the message alone, and unsubscribes', () => {
    const listener = vi.fn();
    const off = api.onMessage(listener);
    const m: HostMessage = { type: 'term.output', term: 't1', data: 'x' };
    const event = { sender: ipcRenderer };
    ipcRenderer.emit(IPC_MESSAGE, event, m);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([m]);
    off();
    expect(ipcRenderer.count(IPC_MESSAGE)).toBe(0);
    ipcRenderer.emit(IPC_MESSAGE, event, m);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
