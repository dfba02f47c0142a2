// `pinsim serve` with its own state directory (journal and crashed sessions), stoppable cleanly or
// killed outright, and a WebSocket client that talks the protocol as the page does.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import WebSocket from 'ws';

const bin = fileURLToPath(new URL('../../../bin/pinsim.mjs', import.meta.url));

export function tempStateDir() {
  return mkdtempSync(join(tmpdir(), 'pinsim-state-'));
}

/** Starts `pinsim serve` journalling under `stateDir`; `lines` collects what it prints. */
export function serveIn(stateDir, args = []) {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], {
    env: { ...process.env, PINSIM_STATE_DIR: stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pinsim serve printed no URL in 20 s: ${stderr}`)), 20_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /browser mode at (\S+)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`pinsim serve exited with ${code}: ${stderr}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    url,
    stdout: () => stdout,
    stderr: () => stderr,
    /** Ctrl-C: the session ends cleanly. */
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      return exited;
    },
    /** A crash: nothing gets to run, the journal stays as it was. */
    kill: async () => {
      child.kill('SIGKILL');
      return exited;
    },
  };
}

/**
 * A binary frame: terminal output as src-main/protocol/term-frame.ts lays it out, read here on
 * its own so that the tests check the wire format rather than reuse the code under test.
 */
function termOutput(frame) {
  assert.equal(frame[0], 1, 'kind: terminal output');
  const n = frame[1];
  const term = frame.subarray(2, 2 + n).toString('latin1');
  const chars = frame.readUInt32LE(2 + n);
  const data = frame.subarray(6 + n).toString('utf8');
  assert.equal(data.length, chars, 'the frame carries the text length flow control counts');
  return { type: 'term.output', term, data };
}

/** A protocol client over the page's WebSocket (same token, same Origin). */
export async function connect(pageUrl) {
  const u = new URL(pageUrl);
  const socket = new WebSocket(`ws://${u.host}/ws?token=${u.searchParams.get('token')}`, { origin: `http://${u.host}` });
  const messages = [];
  const waiters = new Set();
  socket.on('message', (data, isBinary) => {
    const m = isBinary ? termOutput(data) : JSON.parse(String(data));
    messages.push(m);
    for (const w of waiters) w();
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const client = {
    messages,
    send: (m) => socket.send(JSON.stringify(m)),
    /** The first message (from the start) that `pred` accepts. */
    waitFor: (pred, timeout = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = messages.find(pred);
          if (!m) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(m);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such message in ${timeout} ms; got types ${[...new Set(messages.map((x) => x.type))].join(', ')}`));
        }, timeout);
        if (!check()) waiters.add(check);
      }),
    /** Everything terminal `term` was sent, concatenated. */
    screen: (term) => messages.filter((m) => m.type === 'term.output' && m.term === term).map((m) => m.data).join(''),
    async waitScreen(term, re, timeout = 10_000) {
      const end = Date.now() + timeout;
      while (Date.now() < end) {
        if (re.test(client.screen(term))) return client.screen(term);
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`terminal ${term} never showed ${re}; it shows:\n${client.screen(term)}`);
    },
    /** Keystrokes, one message each, as xterm.js sends them. */
    async type(term, text) {
      for (const ch of text) {
        client.send({ type: 'term.input', term, data: ch });
        await new Promise((r) => setTimeout(r, 2));
      }
    },
    close: () => socket.close(),
  };
  return client;
}
