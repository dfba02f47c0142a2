// End-to-end, as a trainee would: pick the basic ETXTBSY drill in the Drills panel, read the
// briefing, take a hint, type the fix in the terminal, watch the objectives tick and get the score.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './support/chromium.mjs';
import { startServe } from './support/serve.mjs';
import { focusTerminal, waitForLine } from './support/terminal.mjs';
import { shoot } from './support/screenshots.mjs';

let server;
let browser;
let url;
let state;

before(async () => {
  // Only the shipped drills, and a journal of our own.
  state = mkdtempSync(join(tmpdir(), 'pinsim-e2e-drill-'));
  process.env.PINSIM_SCENARIOS_DIR = join(state, 'no-user-drills');
  process.env.PINSIM_STATE_DIR = state;
  server = startServe();
  url = await server.url;
  ({ browser } = await launchChromium());
});

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(state, { recursive: true, force: true });
});

async function run(page, command) {
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** Objectives in the Drills panel with the given state text ("met" or "not yet"). */
const objectives = (drills, stateText) => drills.getByRole('list', { name: 'Objectives' }).getByRole('listitem').filter({ hasText: new RegExp(`${stateText}$`) });

async function waitCount(locator, n, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let c = await locator.count();
  while (c !== n && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    c = await locator.count();
  }
  assert.equal(c, n);
}

test('a trainee plays the ETXTBSY drill in the window and gets the score and debrief', async () => {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
  await page.goto(url);
  const drills = page.getByRole('region', { name: 'Drills', exact: true });
  await drills.waitFor();
  await focusTerminal(page);
  await waitForLine(page, (l) => l.includes('root@pinsim'));

  const list = drills.getByRole('list', { name: 'Drill list' });
  assert.equal(await list.getByRole('button').count(), 14);
  await list.getByRole('button', { name: /Text file busy/ }).click();

  // The briefing, the timer and the objectives of a fresh host.
  await drills.getByText('The storage node keeps its application log').waitFor();
  await waitCount(objectives(drills, 'not yet'), 2);
  await waitCount(objectives(drills, 'met'), 1);
  assert.match(await drills.getByRole('timer', { name: 'Time left' }).textContent(), /^(10:00|9:5\d)$/);
  await page.getByRole('region', { name: 'Processes', exact: true }).getByRole('row').filter({ hasText: 'logrotate-sim' }).first().waitFor();

  await drills.getByRole('button', { name: 'Hint (−5)' }).click();
  await drills.getByRole('list', { name: 'Hints' }).getByText('Ask the host.').waitFor();
  await drills.getByRole('button', { name: 'Hint (−10)' }).waitFor();

  // The terminal was reopened on the drill's host: the fix is typed there.
  await focusTerminal(page);
  await waitForLine(page, (l) => l.includes('root@pinsim'));
  await run(page, 'cat /var/log/logrotate-sim.log');
  await waitForLine(page, (l) => l.includes("failed to truncate '/mnt/pmem/applog'"));
  await run(page, "kill $(pgrep -f 'rdma-app.*applog')");
  await waitCount(objectives(drills, 'met'), 2);
  await run(page, 'truncate -s 0 /mnt/pmem/applog');
  await waitCount(objectives(drills, 'met'), 3);

  const score = drills.getByRole('region', { name: 'Score' });
  await score.waitFor();
  assert.equal(await drills.getByTestId('drill-score').textContent(), '95');
  assert.match(await score.textContent(), /passed/);
  const rows = await score.getByRole('row').allTextContents();
  assert.deepEqual(rows, ['objectives met: 3 of 3+100', 'hint 1−5', 'total95']);
  const debrief = drills.getByRole('region', { name: 'Debrief' });
  await debrief.getByRole('heading', { name: 'What happened' }).waitFor();
  assert.match(await debrief.textContent(), /seed 003/);
  assert.equal(await drills.getByRole('button', { name: 'Give up' }).isDisabled(), true);

  const shot = await shoot(page, drills, 'drills-score');
  assert.ok(shot.colours > 2, 'the Drills panel is not blank');
  await page.close();
});

test('a drill can be reset and given up', async () => {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
  await page.goto(url);
  const drills = page.getByRole('region', { name: 'Drills', exact: true });
  await drills.getByRole('list', { name: 'Drill list' }).getByRole('button', { name: /Nothing to fix/ }).click();
  await waitCount(objectives(drills, 'not yet'), 1);
  await drills.getByRole('button', { name: 'Reset' }).click();
  await waitCount(objectives(drills, 'not yet'), 1);
  await drills.getByRole('button', { name: 'Give up' }).click();
  await drills.getByRole('region', { name: 'Score' }).getByText('not passed').waitFor();
  await drills.getByRole('region', { name: 'Debrief' }).getByText(/device DAX/).first().waitFor();
  await page.close();
});
