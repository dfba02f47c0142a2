// Crash recovery: the simulation is killed (SIGKILL, nothing gets to run) in the middle of a
// session; the next start offers the session back and restores it, and nothing typed is lost —
// not a finished command, not a line half typed. Then the same through the window's dialog.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { launchChromium } from './support/chromium.mjs';
import { focusTerminal, waitForLine, screenLines } from './support/terminal.mjs';
import { connect, serveIn, tempStateDir } from './support/session.mjs';

const dirs = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test('a killed simulation is restored with everything typed, finished or not', async () => {
  const state = tempStateDir();
  dirs.push(state);
  const first = serveIn(state);
  const c1 = await connect(await first.url);
  c1.send({ type: 'term.open', term: 't1', cols: 100, rows: 30 });
  await c1.waitScreen('t1', /root@pinsim:~# $/);
  await c1.type('t1', 'echo typed-before-the-crash > /root/kept\r');
  await c1.waitScreen('t1', /kept\r\nroot@pinsim:~# $/);
  c1.send({ type: 'timeline.annotate', text: 'just before the crash', at: null });
  await c1.type('t1', 'cat /root/ke');
  await c1.waitScreen('t1', /cat \/root\/ke$/);
  const killed = await first.kill();
  assert.equal(killed.signal, 'SIGKILL');

  const second = serveIn(state);
  const url = await second.url;
  const c2 = await connect(url);
  const { offer } = await c2.waitFor((m) => m.type === 'restore.offer' && m.offer);
  assert.match(second.stdout(), /pinsim: an unfinished session from .* \(\d+ inputs\) can be restored/);
  assert.deepEqual(offer.commands, ['echo typed-before-the-crash > /root/kept']);
  assert.equal(offer.error, null);
  c2.send({ type: 'term.open', term: 't1', cols: 100, rows: 30 });
  await c2.waitScreen('t1', /root@pinsim:~# $/);
  c2.send({ type: 'session.restore', id: offer.id });
  const result = await c2.waitFor((m) => m.type === 'session.result');
  assert.equal(result.ok, true, result.message);
  // The tab shows the old screen, with the half-typed line still on the prompt.
  const restored = c2.messages.findLast((m) => m.type === 'term.output' && m.term === 't1' && m.data.startsWith('\x1bc'));
  assert.ok(restored, 'the restored screen is sent to the tab');
  assert.match(restored.data, /echo typed-before-the-crash > \/root\/kept\r\nroot@pinsim:~# cat \/root\/ke$/);
  await c2.type('t1', 'pt\r');
  await c2.waitScreen('t1', /cat \/root\/kept\r\ntyped-before-the-crash\r\n/);
  const record = c2.messages.findLast((m) => m.type === 'record' && m.reset);
  assert.ok(record.upsert.some((e) => e.source === 'annotation' && e.text === 'just before the crash'), 'the annotation came back');
  c2.close();
  await second.stop();

  // A clean stop leaves nothing to restore.
  const third = serveIn(state);
  const c3 = await connect(await third.url);
  await c3.waitFor((m) => m.type === 'ready');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(c3.messages.filter((m) => m.type === 'restore.offer' && m.offer).length, 0);
  assert.doesNotMatch(third.stdout(), /can be restored/);
  c3.close();
  await third.stop();
});

test('the window offers the crashed session and puts it back in the terminal tab', async () => {
  const state = tempStateDir();
  dirs.push(state);
  const { browser } = await launchChromium();
  try {
    const first = serveIn(state);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(await first.url);
    await focusTerminal(page);
    await waitForLine(page, (l) => l.includes('root@pinsim'));
    await page.keyboard.type('echo window-before-crash');
    await page.keyboard.press('Enter');
    await waitForLine(page, (l) => l === 'window-before-crash');
    await page.keyboard.type('echo unfinished');
    await waitForLine(page, (l) => l.endsWith('# echo unfinished'));
    await first.kill();
    await page.close();

    const second = serveIn(state);
    const again = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await again.goto(await second.url);
    const dialog = again.getByRole('dialog', { name: 'Restore the unfinished session?' });
    await dialog.waitFor();
    assert.match(await dialog.textContent(), /echo window-before-crash/);
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForLine(again, (l) => l === 'window-before-crash');
    await waitForLine(again, (l) => l.endsWith('# echo unfinished'));
    await focusTerminal(again);
    await again.keyboard.press('Enter');
    await waitForLine(again, (l) => l === 'unfinished');
    assert.ok((await screenLines(again)).some((l) => l.includes('echo window-before-crash')));
    await again.close();
    await second.stop();
  } finally {
    await browser.close();
  }
});

test('a reloaded or crashed page gets its terminal back from the running simulation', async () => {
  const state = tempStateDir();
  dirs.push(state);
  const { browser } = await launchChromium();
  const server = serveIn(state);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(await server.url);
    await focusTerminal(page);
    await waitForLine(page, (l) => l.includes('root@pinsim'));
    await page.keyboard.type('echo still-here');
    await page.keyboard.press('Enter');
    await waitForLine(page, (l) => l === 'still-here');
    await page.keyboard.type('echo half');
    await waitForLine(page, (l) => l.endsWith('# echo half'));
    await page.reload();
    await waitForLine(page, (l) => l === 'still-here');
    await waitForLine(page, (l) => l.endsWith('# echo half'));
    await focusTerminal(page);
    await page.keyboard.type('-way');
    await page.keyboard.press('Enter');
    await waitForLine(page, (l) => l === 'half-way');
    await page.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});
