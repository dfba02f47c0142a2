// Terminal helpers for page tests: type like a user, read what the screen shows.

/** Clicks into the active terminal so xterm's hidden textarea has the keyboard. */
export async function focusTerminal(page) {
  const region = page.getByRole('region', { name: 'Terminals' });
  await region.locator('[role=tabpanel]:not([hidden]) .xterm-screen').click();
  return region;
}

/** The visible rows of the active terminal, as text, trailing blanks trimmed. */
export async function screenLines(page) {
  return page
    .locator('[role=tabpanel]:not([hidden]) .xterm-rows > div')
    .evaluateAll((rows) => rows.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
}

export async function waitForLine(page, predicate, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let lines = [];
  while (Date.now() < deadline) {
    lines = await screenLines(page);
    if (lines.some(predicate)) return lines;
    await page.waitForTimeout(50);
  }
  throw new Error(`no matching line on screen; screen was:\n${lines.join('\n')}`);
}
