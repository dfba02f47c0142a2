// Browser mode: serves the renderer and bridges a loopback WebSocket to the simulation link.
// The page and the socket both need the per-run token; the socket also checks the Origin.
import { createServer, type IncomingMessage } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { parseClientFrame, SESSION_TEXT_MAX, type HostMessage } from '../protocol/messages';
import { TermOutputBatch } from './term-batch';
import type { SimulationLink } from '../worker/link';
import { resolveStatic, sendStatic } from './static';
import { TermRouter } from './term-router';
import { CONTENT_SECURITY_POLICY } from '../app/csp';

export interface ServeOptions {
  host: string;
  port: number;
  rendererDir: string;
  link: SimulationLink;
  token?: string;
}

export interface RunningServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(18).toString('base64url');
  const router = new TermRouter(options.link);
  let origin = '';

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    if (req.method !== 'GET' || (isPage && !sameToken(url.searchParams.get('token'), token))) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('pinsim: this page needs the token printed by `pinsim serve`\n');
      return;
    }
    const file = resolveStatic(options.rendererDir, url.pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    void sendStatic(res, file, SECURITY_HEADERS);
  });

  // Room for a saved session opened from the window (session.open carries the whole file).
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * SESSION_TEXT_MAX });
  http.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const allowed =
      url.pathname === '/ws' && sameToken(url.searchParams.get('token'), token) && req.headers.origin === origin;
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket): void {
    const output = new TermOutputBatch((frame) => {
      if (ws.readyState === ws.OPEN) ws.send(frame, { binary: true });
    });
    const client = router.connect((m: HostMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      // Terminal output, most of the traffic in a flood, goes as bytes the page gives xterm.js as is.
      if (m.type === 'term.output' && typeof m.data === 'string') output.add(m.term, m.data);
      else {
        output.flush();
        ws.send(JSON.stringify(m));
      }
    });
    ws.on('message', (data, isBinary) => {
      const parsed = isBinary ? null : parseClientFrame(data.toString());
      if (!parsed || !parsed.ok) {
        ws.send(JSON.stringify({ type: 'error', message: parsed?.error ?? 'invalid message: binary frame' }));
        return;
      }
      client.send(parsed.value);
    });
    ws.on('close', () => client.disconnect());
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const hostPart = options.host.includes(':') ? `[${options.host}]` : options.host;
  origin = `http://${hostPart}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        http.close(() => resolve());
      }),
  };
}
