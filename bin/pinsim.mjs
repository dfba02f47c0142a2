#!/usr/bin/env node
// Launcher for the built CLI bundle; points to the build step when it is missing.
import { loadCli } from './cli-loader.mjs';

const cli = loadCli();
if (!cli) {
  process.stderr.write('pinsim: not built yet; run `npm run build` (npm install does it) first\n');
  process.exit(1);
}
process.exitCode = await cli.main(process.argv.slice(2));
// scripts/make-code-cache.mjs: the warm-up run leaves the cache for later runs.
if (process.env.PINSIM_WRITE_CODE_CACHE === '1') cli.writeCache();
