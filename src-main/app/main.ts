// Electron main-process entry (out/main/index.js).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDesktopApp } from './desktop';

// Taken here, in the entry bundle itself: the bundler may move shared code into a chunk in a
// subfolder, where import.meta.url would point elsewhere.
startDesktopApp({ mainDir: dirname(fileURLToPath(import.meta.url)) });
