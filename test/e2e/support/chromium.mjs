// Finds a Chromium for the end-to-end tests without any manual install: PINSIM_CHROMIUM, then a
// system Chromium, then the headless build the @sparticuz/chromium package carries inside itself.
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** @returns {Promise<{ path: string, source: string }>} */
export async function findChromium() {
  const fromEnv = process.env.PINSIM_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`PINSIM_CHROMIUM=${fromEnv} does not exist`);
    return { path: fromEnv, source: 'PINSIM_CHROMIUM' };
  }
  const system = SYSTEM.find((p) => existsSync(p));
  if (system) return { path: system, source: 'system' };
  const { default: sparticuz } = await import('@sparticuz/chromium');
  return { path: await sparticuz.executablePath(), source: '@sparticuz/chromium' };
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const found = await findChromium();
  const browser = await chromium.launch({ executablePath: found.path, headless: true, args: CHROMIUM_ARGS });
  return { browser, found };
}
