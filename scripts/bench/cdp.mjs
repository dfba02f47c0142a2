// A Chromium driven over a bare DevTools connection, for the terminal flood benchmark.
//
// Playwright enables the Network domain on every page, so Chromium reports each WebSocket frame,
// payload included, to the driver: a 50 MB flood through the console's socket cost the browser
// process 0.5 s and the driver 0.3 s of CPU that xterm.js alone (fed inside the page) never pays,
// on a machine with two cores. This driver enables nothing: it evaluates, types and reads.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { CHROMIUM_ARGS, findChromium } from '../../test/e2e/support/chromium.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class CdpPage {
  #ws;
  #next = 0;
  #waiting = new Map();

  constructor(ws, id) {
    this.#ws = ws;
    this.id = id;
    ws.on('message', (data) => {
      const m = JSON.parse(String(data));
      const w = m.id !== undefined && this.#waiting.get(m.id);
      if (!w) return;
      this.#waiting.delete(m.id);
      if (m.error) w.reject(new Error(`${m.error.message}`));
      else w.resolve(m.result);
    });
  }

  send(method, params = {}) {
    return new Promise((resolve, reject) => {
      const id = ++this.#next;
      this.#waiting.set(id, { resolve, reject });
      this.#ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Runs `fn(arg)` in the page (awaited) and returns its JSON value. */
  async evaluate(fn, arg) {
    const expression = `(${fn})(${arg === undefined ? '' : JSON.stringify(arg)})`;
    const r = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`in the page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value;
  }

  async until(fn, arg, timeout) {
    const end = Date.now() + timeout;
    while (!(await this.evaluate(fn, arg))) {
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${fn}`);
      await sleep(100);
    }
  }

  /** Text as an input method would insert it into the focused element. */
  type(text) {
    return this.send('Input.insertText', { text });
  }

  async pressEnter() {
    const key = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 };
    await this.send('Input.dispatchKeyEvent', { type: 'keyDown', text: '\r', ...key });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  }
}

/** A headless Chromium of its own, with pages of `viewport` size. */
export async function launchBareChromium(viewport) {
  const { path } = await findChromium();
  const profile = mkdtempSync(join(tmpdir(), 'pinsim-cdp-'));
  const child = spawn(path, [...CHROMIUM_ARGS, '--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`, `--window-size=${viewport.width},${viewport.height}`, 'about:blank'], { stdio: 'ignore' });
  const portFile = join(profile, 'DevToolsActivePort');
  for (let i = 0; !existsSync(portFile) || !readFileSync(portFile, 'utf8').includes('\n'); i++) {
    if (i > 300 || child.exitCode !== null) throw new Error('Chromium did not open its DevTools port');
    await sleep(50);
  }
  const base = `http://127.0.0.1:${readFileSync(portFile, 'utf8').split('\n')[0]}`;
  const pages = [];
  return {
    /** A new tab at `url`; `init` runs before the page's own scripts. */
    async newPage(url, init) {
      const target = await (await fetch(`${base}/json/new?about:blank`, { method: 'PUT' })).json();
      const ws = new WebSocket(target.webSocketDebuggerUrl, { maxPayload: 256 << 20 });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const page = new CdpPage(ws, target.id);
      pages.push(ws);
      await page.send('Page.enable');
      await page.send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false });
      if (init) await page.send('Page.addScriptToEvaluateOnNewDocument', { source: `(${init})()` });
      await page.send('Page.navigate', { url });
      page.close = async () => {
        ws.close();
        await fetch(`${base}/json/close/${target.id}`);
      };
      return page;
    },
    async close() {
      for (const ws of pages) ws.close();
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill();
      });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
