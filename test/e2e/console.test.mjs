// End-to-end, as an admin would: make the ETXTBSY case in the terminal, find it in the panels,
// kill the pinning process from the Processes panel, watch the pins go, and retry the truncate.
/* global document -- page.evaluate bodies run in the page */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './support/chromium.mjs';
import { startServe } from './support/serve.mjs';
import { focusTerminal, waitForLine } from './support/terminal.mjs';
import { shoot } from './support/screenshots.mjs';

const PANELS = ['Processes', 'File pins', 'Lease holders', 'Blocked truncates', 'Why', 'Relations', 'Timeline', 'Clock'];

let server;
let browser;
let url;

before(async () => {
  server = startServe();
  url = await server.url;
  ({ browser } = await launchChromium());
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function run(page, command) {
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** Rows of a panel's table that mention `text` (rows leaving are hidden from the accessibility tree). */
const rows = (page, panel, text) => page.getByRole('region', { name: panel, exact: true }).getByRole('row').filter({ hasText: text });

async function waitCount(locator, n, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let c = await locator.count();
  while (c !== n && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    c = await locator.count();
  }
  assert.equal(c, n);
}

async function shootAll(page, theme) {
  for (const name of PANELS) {
    const region = page.getByRole('region', { name, exact: true });
    const shot = await shoot(page, region, `${name.toLowerCase().replace(/ /g, '-')}-${theme}`);
    assert.ok(shot.width > 20 && shot.height > 10, `${name} (${theme}) has a size`);
    assert.ok(shot.colours > 2, `${name} (${theme}) is not blank: ${shot.colours} colours`);
  }
}

test('the ETXTBSY case is found and fixed from the window alone', async () => {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(url);
  for (const name of PANELS) await page.getByRole('region', { name, exact: true }).waitFor();

  await focusTerminal(page);
  await waitForLine(page, (l) => l.includes('root@pinsim'));
  await run(page, 'truncate -s 1M /mnt/pmem/data');
  await run(page, 'rdma-app --file /mnt/pmem/data &');
  await waitForLine(page, (l) => l.includes('serving'));
  await run(page, 'truncate -s 0 /mnt/pmem/data');
  await waitForLine(page, (l) => l.includes('Text file busy'));

  const pin = rows(page, 'File pins', '/mnt/pmem/data');
  await waitCount(pin, 1);
  const pid = Number((await pin.getByRole('cell').first().textContent())?.trim());
  assert.ok(pid > 1, `the pinning pid is shown (${pid})`);
  assert.match(await pin.textContent(), /uverbs0.*ACTIVE/);
  const lease = rows(page, 'Lease holders', 'LAYOUT EXCLUSIVE');
  await waitCount(lease, 1);
  assert.match(await lease.textContent(), new RegExp(`pid ${pid} fd \\d+.*ACTIVE`));
  const blocked = rows(page, 'Blocked truncates', 'ETXTBSY');
  await waitCount(blocked, 1);
  assert.match(await blocked.textContent(), /truncate \/mnt\/pmem\/data/);

  // Why and Relations follow the selection.
  await pin.click();
  const why = page.getByRole('region', { name: 'Why', exact: true });
  await why.getByText('Ways out').waitFor();
  await page.getByRole('region', { name: 'Relations', exact: true }).getByRole('button', { name: new RegExp(`^pid ${pid}`) }).waitFor();

  await shootAll(page, 'dark');
  await page.getByRole('button', { name: 'Light theme' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  await shootAll(page, 'light');

  // pid 1 asks first, and says SIGKILL would do nothing.
  await page.getByRole('button', { name: 'Kill 1', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /ignores SIGKILL/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });

  await page.getByRole('button', { name: `Kill ${pid}`, exact: true }).click();
  if (await dialog.isVisible()) await dialog.getByRole('button', { name: /anyway/ }).click();
  await waitCount(pin, 0);
  await waitCount(lease, 0);
  await waitCount(rows(page, 'Processes', `rdma-app`), 0);
  const unwind = page.getByRole('list', { name: 'Unwind' });
  await unwind.getByText(/unpinned \/mnt\/pmem\/data/).waitFor();
  await unwind.getByText(/lease \d+ on \/mnt\/pmem\/data released/).waitFor();

  await blocked.getByRole('button', { name: 'Retry' }).click();
  await waitCount(rows(page, 'Blocked truncates', 'done'), 1);
  await page.getByRole('region', { name: 'Timeline', exact: true }).getByText('truncate of /mnt/pmem/data by pid').last().waitFor();
  await page.close();
});

test('the clock pauses, steps and runs faster from its buttons', async () => {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(url);
  const clock = page.getByRole('region', { name: 'Clock', exact: true });
  await clock.getByRole('button', { name: 'Pause' }).click();
  await clock.locator('[aria-pressed=true]').filter({ hasText: 'Pause' }).waitFor();
  const t0 = await page.getByTestId('virtual-time').textContent();
  await page.waitForTimeout(400);
  assert.equal(await page.getByTestId('virtual-time').textContent(), t0, 'paused time stands still');
  await clock.getByRole('button', { name: '100×' }).click();
  await clock.locator('[aria-pressed=true]').filter({ hasText: '100×' }).waitFor();
  await clock.getByRole('button', { name: '1×' }).click();
  await page.close();
});
