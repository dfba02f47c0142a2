// The browser-mode server: token on the page and the socket, Origin on the socket, routing.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../../src-main/server/server';
import type { SimulationLink } from '../../../src-main/worker/link';
import type { ClientMessage, HostMessage } from '../../../src-main/protocol/messages';
import { resolveStatic } from '../../../src-main/server/static';
import { decodeTermOutput } from '../../../src-main/protocol/term-frame';

/** A link that echoes input back as output, standing in for the worker. */
function echoLink(): SimulationLink & { sent: ClientMessage[] } {
  const listeners = new Set<(m: HostMessage) => void>();
  const sent: ClientMessage[] = [];
  return {
    sent,
    send(m) {
      sent.push(m);
      if (m.type === 'term.input') listeners.forEach((l) => l({ type: 'term.output', term: m.term, data: m.data }));
    },
    onMessage(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: async () => {},
  };
}

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(link = echoLink()) {
  const dir = mkdtempSync(join(tmpdir(), 'pinsim-static-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startServer({ host: '127.0.0.1', port: 0, rendererDir: dir, link });
  return { server, link, origin: new URL(server.url).origin };
}

function open(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('browser-mode server', () => {
  it('serves the page only with the token, and with a strict CSP', async () => {
    const { server } = await start();
    const ok = await fetch(server.url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
    const refused = await fetch(server.url.replace(/token=.*/, 'token=wrong'));
    expect(refused.status).toBe(403);
  });

  it('refuses sockets without the token or from another origin', async () => {
    const { server, origin } = await start();
    const ws = `${origin.replace('http', 'ws')}/ws`;
    await expect(open(`${ws}?token=nope`, origin)).rejects.toThrow('403');
    await expect(open(`${ws}?token=${server.token}`, 'http://evil.example')).rejects.toThrow('403');
    const good = await open(`${ws}?token=${server.token}`, origin);
    good.close();
  });

  it('routes each connection only its own terminal output', async () => {
    const { server, origin, link } = await start();
    const url = `${origin.replace('http', 'ws')}/ws?token=${server.token}`;
    const a = await open(url, origin);
    const b = await open(url, origin);
    const gotB: string[] = [];
    b.on('message', (d) => gotB.push(String(d)));
    const gotA = new Promise<[Buffer, boolean]>((resolve) => a.on('message', (d, binary) => resolve([d as Buffer, binary])));
    a.send(JSON.stringify({ type: 'term.input', term: 't1', data: 'x é' }));
    // Terminal output comes as a binary frame: the page's own id, the text's length, UTF-8 bytes.
    const [frame, binary] = await gotA;
    expect(binary).toBe(true);
    expect(decodeTermOutput(new Uint8Array(frame))).toEqual({ term: 't1', bytes: new TextEncoder().encode('x é'), chars: 3 });
    expect(gotB).toEqual([]);
    expect(link.sent[0]).not.toMatchObject({ term: 't1' });
    a.send('{"type":"term.input"}');
    const err = await new Promise<string>((resolve) => a.once('message', (d) => resolve(String(d))));
    expect(JSON.parse(err).type).toBe('error');
    a.close();
    b.close();
  });

  it('never serves files outside its folder', () => {
    expect(resolveStatic('/srv/r', '/../etc/passwd')).toBe('/srv/r/etc/passwd');
    expect(resolveStatic('/srv/r', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/r/etc/passwd');
    expect(resolveStatic('/srv/r', '/a%00b')).toBeUndefined();
    expect(resolveStatic('/srv/r', '/')).toBe('/srv/r/index.html');
  });
});
