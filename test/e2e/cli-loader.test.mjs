// bin/cli-loader.mjs: the built command runs from its code cache, and as well without one.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const made = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of bin/ and out/cli/ in a temporary folder, so that its cache can be spoiled or removed. */
function install() {
  const dir = mkdtempSync(join(tmpdir(), 'pinsim-loader-'));
  made.push(dir);
  cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
  mkdirSync(join(dir, 'out'));
  cpSync(join(root, 'out', 'cli'), join(dir, 'out', 'cli'), { recursive: true });
  return dir;
}

/** How the loader fared (the cache's state) and what a short script printed. */
function run(dir, env = {}) {
  const probe = `const { loadCli } = await import(${JSON.stringify(join(dir, 'bin', 'cli-loader.mjs'))});
    const cli = loadCli();
    process.stderr.write('cache=' + cli.cache + '\\n');
    process.exitCode = await cli.main(['script', '-']);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { input: 'truncate -s 1M /mnt/pmem/x\nstat -c %s /mnt/pmem/x\n', encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, cache: /cache=(\w+)/.exec(r.stderr)?.[1] };
}

test('the build leaves a code cache that V8 accepts', () => {
  const cache = join(root, 'out', 'cli', 'pinsim.cjs.cache');
  assert.ok(existsSync(cache), 'npm run build writes out/cli/pinsim.cjs.cache');
  assert.ok(statSync(cache).size > 100_000, 'the cache holds the warm-up’s compiled functions');
  assert.deepEqual(run(install()), { status: 0, stdout: '1048576\n', cache: 'used' });
});

test('a cache V8 rejects, or none, changes nothing but the speed', () => {
  const dir = install();
  writeFileSync(join(dir, 'out', 'cli', 'pinsim.cjs.cache'), Buffer.from('not a code cache'));
  assert.deepEqual(run(dir), { status: 0, stdout: '1048576\n', cache: 'rejected' });
  rmSync(join(dir, 'out', 'cli', 'pinsim.cjs.cache'));
  assert.deepEqual(run(dir), { status: 0, stdout: '1048576\n', cache: 'none' });
  assert.deepEqual(run(install(), { PINSIM_CODE_CACHE: 'off' }).cache, 'none');
});

test('without a build, pinsim says what to run', () => {
  const dir = install();
  rmSync(join(dir, 'out'), { recursive: true });
  const r = spawnSync(process.execPath, [join(dir, 'bin', 'pinsim.mjs'), '--version'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /not built yet; run `npm run build`/);
});
