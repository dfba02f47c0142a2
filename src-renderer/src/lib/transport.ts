// Chooses how this renderer reaches the simulation: the Electron preload's bridge, or the
// browser-mode WebSocket whose token came in the page URL.
import type { PinsimApi } from '../../../src-main/protocol/api';
import { parseHostMessage, type ClientMessage, type HostMessage } from '../../../src-main/protocol/messages';
import { decodeTermOutput } from '../../../src-main/protocol/term-frame';

declare global {
  interface Window {
    pinsim?: PinsimApi;
  }
}

export function connect(): PinsimApi {
  return window.pinsim ?? connectWebSocket(window.location);
}

function connectWebSocket(location: Location): PinsimApi {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const url = `ws://${location.host}/ws?token=${encodeURIComponent(token)}`;
  const listeners = new Set<(m: HostMessage) => void>();
  const queue: string[] = [];
  const deliver = (m: HostMessage) => listeners.forEach((l) => l(m));
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  socket.addEventListener('open', () => queue.splice(0).forEach((f) => socket.send(f)));
  socket.addEventListener('message', (ev) => {
    if (ev.data instanceof ArrayBuffer) {
      const frame = decodeTermOutput(new Uint8Array(ev.data));
      if ('term' in frame) deliver({ type: 'term.output', term: frame.term, data: frame.bytes, chars: frame.chars });
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(String(ev.data));
    } catch {
      return;
    }
    const parsed = parseHostMessage(raw);
    if (parsed.ok) deliver(parsed.value);
  });
  socket.addEventListener('close', () =>
    deliver({ type: 'error', message: 'disconnected from the simulation; reload the page to reconnect' }),
  );
  return {
    mode: 'browser',
    send(message: ClientMessage) {
      const frame = JSON.stringify(message);
      if (socket.readyState === WebSocket.OPEN) socket.send(frame);
      else queue.push(frame);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
