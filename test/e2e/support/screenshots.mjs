// Screenshots for review, saved under test-results/screenshots/, and a check that each shows
// something: decoded in the page itself, its pixels must not all be one colour.
/* global document, Image -- page.evaluate bodies run in the page */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

/** Saves `locator`'s screenshot as NAME.png; returns its size and how many distinct colours it has (capped). */
export async function shoot(page, locator, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const png = await locator.screenshot({ path: `${SCREENSHOT_DIR}${name}.png` });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const colours = new Set();
    for (let i = 0; i < data.length && colours.size < 64; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return { width: img.width, height: img.height, colours: colours.size };
  }, png.toString('base64'));
}
