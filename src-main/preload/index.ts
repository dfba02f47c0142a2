// The page's only door out of its sandbox: one object, `window.pinsim`, with the two protocol
// channels and nothing else. Runs as CommonJS because the sandbox loads no ESM preload.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_MESSAGE, IPC_SEND, type PinsimApi } from '../protocol/api';
import type { ClientMessage, HostMessage } from '../protocol/messages';

const pinsim = {
  mode: 'electron',
  send(message: ClientMessage): void {
    ipcRenderer.send(IPC_SEND, message);
  },
  onMessage(listener: (message: HostMessage) => void): () => void {
    // The page gets the message only: the event would hand it `sender` (ipcRenderer itself).
    const wrapped = (_event: IpcRendererEvent, message: HostMessage) => listener(message);
    ipcRenderer.on(IPC_MESSAGE, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_MESSAGE, wrapped);
    };
  },
} as const satisfies PinsimApi;

contextBridge.exposeInMainWorld('pinsim', pinsim);
