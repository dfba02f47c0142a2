// End-to-end: the real renderer in a real Chromium, talking to `pinsim serve` over its WebSocket.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './support/chromium.mjs';
import { startServe } from './support/serve.mjs';
import { focusTerminal, waitForLine } from './support/terminal.mjs';

let server;
let browser;
let url;

before(async () => {
  server = startServe();
  url = await server.url;
  const launched = await launchChromium();
  browser = launched.browser;
  console.log(`# chromium from ${launched.found.source}: ${launched.found.path}`);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('typing echo hello in the terminal shows hello', async () => {
  const page = await browser.newPage();
  await page.goto(url);
  const region = await focusTerminal(page);
  await waitForLine(page, (l) => l.includes('root@pinsim'));
  await page.keyboard.type('echo hello');
  await page.keyboard.press('Enter');
  const lines = await waitForLine(page, (l) => l === 'hello');
  assert.ok(lines.some((l) => l.endsWith('# echo hello')), 'the command line is echoed');
  assert.equal(await region.getByRole('tab').count(), 1);
  await page.close();
});

test('the page refuses to load without the token', async () => {
  const page = await browser.newPage();
  const response = await page.goto(url.replace(/\?token=.*/, ''));
  assert.equal(response?.status(), 403);
  await page.close();
});

test('a second terminal tab runs its own shell', async () => {
  const page = await browser.newPage();
  await page.goto(url);
  await focusTerminal(page);
  await waitForLine(page, (l) => l.includes('root@pinsim'));
  await page.getByRole('button', { name: 'New terminal' }).click();
  const tabs = page.getByRole('tab');
  await assert.doesNotReject(() => tabs.nth(1).waitFor());
  assert.equal(await tabs.count(), 2);
  assert.equal(await tabs.nth(1).getAttribute('aria-selected'), 'true');
  await focusTerminal(page);
  await waitForLine(page, (l) => l.includes('root@pinsim'));
  await page.keyboard.type('echo second');
  await page.keyboard.press('Enter');
  await waitForLine(page, (l) => l === 'second');
  await page.close();
});
