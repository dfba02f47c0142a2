// Types of browser.mjs for the TypeScript bench runner.
import type { Figure } from './measure';

/** The whole suite, or without the panels part (`npm run bench -- flood`). */
export function browserSuite(options?: { panels?: boolean }): Promise<Figure[]>;
