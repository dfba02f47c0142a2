// Loads the built `pinsim` command (out/cli/pinsim.cjs) with V8's code cache beside it.
//
// A `pinsim script` run is short: most of its functions run a few hundred times and then the
// process ends, so compiling them and tiering them up is a large share of its time. The cache
// (out/cli/pinsim.cjs.cache, written by `npm run build` after a warm-up run, see
// scripts/make-code-cache.mjs) holds the bytecode of every function that warm-up ran, and a later
// tier-up keeps the optimizing compiler from spending the run on code it would use only briefly.
// Decision 0018 has the measurements. A cache V8 rejects (another Node, other flags) is ignored.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

export const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'cli', 'pinsim.cjs');
export const CACHE = `${CLI}.cache`;

/**
 * Optimize a function after about 1 MB of its bytecode has run instead of V8's 132 KB: a CLI run
 * ends before most optimizations would pay back. Long-lived processes still optimize what is hot.
 */
export const V8_FLAGS = '--interrupt-budget=1000000';

function readCache() {
  if (process.env.PINSIM_CODE_CACHE === 'off') return undefined;
  try {
    return readFileSync(CACHE);
  } catch {
    return undefined;
  }
}

/** Returns the command's exports and how its code cache fared: 'used', 'rejected' or 'none'. */
export function loadCli() {
  if (!existsSync(CLI)) return undefined;
  setFlagsFromString(V8_FLAGS);
  const source = readFileSync(CLI, 'utf8');
  const cachedData = readCache();
  // The CommonJS wrapper, so that the bundle sees require, module and __filename as under Node.
  // Strict, as the ES modules it was built from are (the CommonJS output does not say so itself).
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {'use strict';${source}\n})`, { filename: CLI, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(CLI), module, CLI, dirname(CLI));
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  return {
    main: module.exports.main,
    cache,
    /** After a run: store the bytecode of everything compiled so far (the build's warm-up does this). */
    writeCache() {
      const tmp = `${CACHE}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, CACHE);
    },
  };
}
