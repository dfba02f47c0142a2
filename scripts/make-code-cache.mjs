// Build step: runs a representative admin session through `pinsim script` once and stores V8's
// code cache of the CLI bundle beside it (see bin/cli-loader.mjs and decision 0018).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/pinsim.mjs', import.meta.url));
const warmup = fileURLToPath(new URL('../resources/code-cache-warmup.sh', import.meta.url));
const r = spawnSync(process.execPath, [bin, 'script', warmup], { env: { ...process.env, PINSIM_WRITE_CODE_CACHE: '1', PINSIM_CODE_CACHE: 'off' }, encoding: 'utf8' });
if (r.status !== 0) {
  process.stderr.write(`make-code-cache: the warm-up script failed (status ${r.status}):\n${r.stdout}${r.stderr}`);
  process.exit(1);
}
