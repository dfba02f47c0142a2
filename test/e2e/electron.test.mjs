// End-to-end: the built desktop app in the real Electron runtime, where this machine has one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { findElectronRuntime, hasDisplay } from '../../bin/electron-runtime.mjs';
import { focusTerminal, waitForLine } from './support/terminal.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const runtime = findElectronRuntime();

function skipReason() {
  if (!runtime.path) return 'skipped: the Electron runtime is not installed on this machine (browser-mode E2E ran instead)';
  if (!hasDisplay()) return 'skipped: no display for Electron (DISPLAY and WAYLAND_DISPLAY are unset; browser-mode E2E ran instead)';
  return false;
}
const skip = skipReason();

test('desktop app: typing echo hello in the terminal shows hello', { skip, timeout: 90_000 }, async () => {
  const { _electron } = await import('playwright-core');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  // Chromium refuses to run as root with its OS sandbox; the page keeps its renderer sandbox.
  const rootUser = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await _electron.launch({ executablePath: runtime.path, args: [...rootUser, root], env, timeout: 60_000 });
  try {
    const page = await app.firstWindow();
    const region = await focusTerminal(page);
    await waitForLine(page, (l) => l.includes('root@pinsim'));
    await page.keyboard.type('echo hello');
    await page.keyboard.press('Enter');
    const lines = await waitForLine(page, (l) => l === 'hello');
    assert.ok(lines.some((l) => l.endsWith('# echo hello')), 'the command line is echoed');
    assert.equal(await region.getByRole('tab').count(), 1);
    const reach = await page.evaluate(() => ({
      mode: globalThis.pinsim?.mode,
      keys: Object.keys(globalThis.pinsim ?? {}).sort(),
      node: typeof globalThis.require !== 'undefined' || typeof globalThis.process !== 'undefined',
    }));
    assert.deepEqual(reach, { mode: 'electron', keys: ['mode', 'onMessage', 'send'], node: false });
  } finally {
    await app.close();
  }
});
