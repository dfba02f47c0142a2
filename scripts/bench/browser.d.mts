// Types of browser.mjs for the TypeScript bench runner.
import type { Figure } from './measure';

export function browserSuite(): Promise<Figure[]>;
