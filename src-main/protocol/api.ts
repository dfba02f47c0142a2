// The typed surface a face offers the renderer: what the Electron preload exposes through
// contextBridge and what the browser-mode WebSocket client implements.
import type { ClientMessage, HostMessage } from './messages';

export interface PinsimApi {
  /** How the renderer is attached to the simulation. */
  readonly mode: 'electron' | 'browser';
  send(message: ClientMessage): void;
  /** Subscribes to host messages; returns the unsubscribe function. */
  onMessage(listener: (message: HostMessage) => void): () => void;
}

export const IPC_SEND = 'pinsim:send';
export const IPC_MESSAGE = 'pinsim:message';
