// The incident timeline from the window: play the ETXTBSY incident, annotate and edit a note in
// place, pick an event to select what it is about, mark a milestone, scrub back to the state
// when the truncate failed, export every format (menu and Ctrl+Shift+E), save the session and
// open it again, refuse a damaged one, and export the saved session from the CLI too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './support/chromium.mjs';
import { focusTerminal, waitForLine } from './support/terminal.mjs';
import { serveIn, tempStateDir } from './support/session.mjs';
import { shoot } from './support/screenshots.mjs';

const bin = fileURLToPath(new URL('../../bin/pinsim.mjs', import.meta.url));
let state;
let server;
let browser;

before(async () => {
  state = tempStateDir();
  server = serveIn(state);
  await server.url;
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

const region = (page, name) => page.getByRole('region', { name, exact: true });
const rows = (page, panel, text) => region(page, panel).getByRole('row').filter({ hasText: text });

async function until(check, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Chooses an Export menu item and returns the downloaded file's name and text. */
async function exported(page, item, open = () => region(page, 'Timeline').getByRole('button', { name: 'Export ▾' }).click()) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 8000 }).catch(async (e) => {
    throw new Error(`${e.message}; notice: ${await region(page, 'Timeline').getByRole('status').allTextContents()}; menu open: ${await page.getByRole('menu').count()}`);
  }), (async () => {
    await open();
    await page.getByRole('menuitem', { name: item }).click();
  })()]);
  const path = join(state, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

test('an incident is annotated, scrubbed, exported and reopened from the window', async () => {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  await page.goto(await server.url);
  const tl = region(page, 'Timeline');
  await focusTerminal(page);
  await waitForLine(page, (l) => l.includes('root@pinsim'));
  await run(page, 'truncate -s 1M /mnt/pmem/data');
  await run(page, 'rdma-app --file /mnt/pmem/data &');
  await waitForLine(page, (l) => l.includes('serving'));
  await run(page, 'truncate -s 0 /mnt/pmem/data');
  await waitForLine(page, (l) => l.includes('Text file busy'));
  await run(page, 'why /mnt/pmem/data | head -1');

  const milestones = tl.getByRole('list', { name: 'Milestones' });
  await milestones.getByRole('listitem').filter({ hasText: 'identified' }).and(page.locator('.reached')).waitFor();
  // Commands are on the timeline with their exit status (the table shows what is in view: search).
  const search = tl.getByRole('searchbox', { name: 'Search the timeline' });
  await search.fill('exit 1');
  await rows(page, 'Timeline', 't1$ truncate -s 0 /mnt/pmem/data → exit 1').waitFor();
  await search.fill('');

  // A note, then edited in place.
  await tl.getByRole('textbox', { name: 'Annotation' }).fill('TODO: rdma-app should deregister on SIGTERM');
  await tl.getByRole('button', { name: 'Annotate' }).click();
  await tl.getByRole('button', { name: 'Edit note: TODO: rdma-app should deregister on SIGTERM' }).click();
  const edit = tl.getByRole('textbox', { name: 'Edit the note' });
  await edit.fill('TODO: rdma-app must deregister its MR on SIGTERM');
  await edit.press('Enter');
  await rows(page, 'Timeline', 'TODO: rdma-app must deregister its MR on SIGTERM').waitFor();

  // Picking the refused truncate selects its file in the other panels.
  await search.fill('refused');
  await rows(page, 'Timeline', 'layout.refused').first().click();
  await region(page, 'Why').getByText('Ways out').waitFor();
  assert.equal(await rows(page, 'File pins', '/mnt/pmem/data').getAttribute('aria-selected'), 'true');
  const refusedAt = (await rows(page, 'Timeline', 'layout.refused').first().getByRole('cell').first().textContent()).trim();
  await tl.getByRole('combobox', { name: 'Mark a milestone' }).selectOption('started');
  await milestones.getByRole('listitem').filter({ hasText: `started ${refusedAt} ✎` }).waitFor();
  await search.fill('');

  // Kill the pinning process from the Processes panel, retry from Blocked truncates.
  const pid = Number((await rows(page, 'File pins', '/mnt/pmem/data').getByRole('cell').first().textContent()).trim());
  await page.getByRole('button', { name: `Kill ${pid}`, exact: true }).click();
  const confirm = page.getByRole('dialog');
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: /anyway/ }).click();
  await milestones.getByRole('listitem').filter({ hasText: 'mitigated' }).and(page.locator('.reached')).waitFor();
  await rows(page, 'Blocked truncates', 'ETXTBSY').getByRole('button', { name: 'Retry' }).click();
  await milestones.getByRole('listitem').filter({ hasText: 'resolved' }).and(page.locator('.reached')).waitFor();
  await until(async () => (await rows(page, 'File pins', '/mnt/pmem/data').count()) === 0, 'the live pins to go');

  // Scrub back to when the truncate failed: the pin is there then, and still gone live.
  const slider = tl.getByRole('slider');
  await slider.fill(String(Math.round(parseFloat(refusedAt) * 1000)));
  const then = page.getByRole('table', { name: /^File pins at / });
  await then.getByRole('row').filter({ hasText: '/mnt/pmem/data' }).waitFor();
  assert.equal(await rows(page, 'File pins', '/mnt/pmem/data').count(), 0, 'the live host is untouched');
  await shoot(page, tl, 'timeline-scrubbed');
  await tl.getByRole('button', { name: 'Back to live' }).click();
  await then.waitFor({ state: 'detached' });

  // Every export format, one of them by the keyboard shortcut.
  const md = await exported(page, 'Postmortem (Markdown)', () => page.keyboard.press('Control+Shift+E'));
  assert.match(md.name, /^pinsim-pinsim-\d{8}T\d{6}Z\.md$/);
  for (const section of ['Summary', 'Impact', 'Root cause chain', 'Time to detect, mitigate, resolve', 'Timeline', 'Resolution', 'Action items']) assert.match(md.text, new RegExp(`^## ${section}$`, 'm'));
  assert.match(md.text, /^- \[ \] rdma-app must deregister its MR on SIGTERM$/m);
  assert.match(md.text, /\| started \| .* \| marked \|/);
  assert.match(md.text, /\| resolved \| .* \| derived \|/);
  const html = await exported(page, 'Postmortem (HTML)');
  assert.match(html.text, /^<!doctype html>/);
  assert.doesNotMatch(html.text, /<script|src=|href=/i);
  const json = JSON.parse((await exported(page, 'Timeline (JSON)')).text);
  assert.equal(json.version, 1);
  assert.ok(json.events.some((e) => e.kind === 'shell.command' && e.data.line === 'truncate -s 0 /mnt/pmem/data' && e.data.status === 1));
  assert.ok(json.rootCause.why.includes('MR 1'));
  const csv = await exported(page, 'Events (CSV)');
  assert.match(csv.text, /^id,t_ns,time_s,wall,source,kind,pid,path,term,text\r\n/);
  assert.equal(csv.text.split('\r\n').length - 2, json.events.length);
  const cast = (await exported(page, 'Terminal t1 (asciicast)')).text.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(cast[0].version, 2);
  assert.deepEqual(cast.filter((e) => e[1] === 'm').map((e) => e[2]), ['started', 'detected', 'identified', 'mitigated', 'resolved']);
  assert.match(cast.filter((e) => e[1] === 'o').map((e) => e[2]).join(''), /Text file busy/);
  await tl.getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menuitem', { name: 'Postmortem (PDF)' }).click();
  await tl.getByRole('status').filter({ hasText: 'PDF export needs the desktop app' }).waitFor();
  const saved = await exported(page, 'Save session');
  assert.equal(JSON.parse(saved.text).format, 'pinsim-session');

  // The saved session from the CLI: replayed, exported.
  const out = join(state, 'from-cli.md');
  execFileSync(process.execPath, [bin, 'export', saved.path, '--format', 'md', '-o', out]);
  const cli = readFileSync(out, 'utf8');
  // The same incident from summary to milestones (the window's export was made later, wall times differ).
  const middle = (text) => text.slice(text.indexOf('## Summary'), text.indexOf('## Timeline')).replace(/\d\d:\d\d:\d\d\.\d+/g, 'T');
  assert.equal(middle(cli), middle(md.text));

  // A damaged session is refused and the live host stays; the saved one opens and replays.
  const picker = tl.getByLabel('Session file to open');
  const bad = join(state, 'damaged.json');
  writeFileSync(bad, saved.text.slice(0, saved.text.length >> 1));
  await picker.setInputFiles(bad);
  await tl.getByRole('status').filter({ hasText: 'damaged.json: not a session file: the JSON is damaged' }).waitFor();
  await picker.setInputFiles(saved.path);
  await tl.getByRole('status').filter({ hasText: /opened a session of \d+ inputs .*the replay matches the recorded event log/ }).waitFor();
  await waitForLine(page, (l) => l.includes('Text file busy'));
  await milestones.getByRole('listitem').filter({ hasText: 'resolved' }).and(page.locator('.reached')).waitFor();
  await search.fill('TODO');
  await rows(page, 'Timeline', 'TODO: rdma-app must deregister its MR on SIGTERM').waitFor();
  await page.close();
});
