#!/usr/bin/env node
// Security gate on the built app: runs Electronegativity over out/ and fails on any HIGH
// finding and on any MEDIUM finding that is not a review prompt answered in docs/security.md.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/**
 * MEDIUM checks that ask for a human review rather than report a defect. Each one's answer is a
 * section of docs/security.md headed by its name; this script refuses to run if one is missing.
 */
export const EXCLUDED = ['PRELOAD_JS_CHECK', 'AUXCLICK_JS_CHECK'];

const SCAN_TIMEOUT_MS = 5 * 60 * 1000;
const SEVERITIES = new Set(['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']);
const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';

// The tool writes the CSV header and the rows with two unsynchronised fs.writeFile calls that
// sometimes interleave and garble the report; inside the scan this makes writes happen in order.
const SERIAL_WRITES = `import fs from 'node:fs';
fs.writeFile = (file, data, options, callback) => {
  const done = typeof options === 'function' ? options : callback;
  try {
    fs.writeFileSync(file, data, typeof options === 'function' ? undefined : options);
  } catch (err) {
    process.nextTick(done, err);
    return;
  }
  process.nextTick(done, null);
};`;

/** Parses the report's CSV (RFC 4180 quoting; unquoted cells such as N/A are allowed). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      if (row.some((x) => x.trim() !== '')) rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  row.push(cell);
  if (row.some((x) => x.trim() !== '')) rows.push(row);
  return rows;
}

/** The report's findings; throws on a report that does not have the tool's shape. */
export function findingsOf(csv) {
  if (!csv.startsWith(HEADER)) throw new Error('the report does not start with its header');
  const rows = parseCsv(csv).slice(1);
  const bad = rows.find((r) => r.length !== 8 || !SEVERITIES.has(r[1] ?? ''));
  if (bad) throw new Error(`the report has a malformed row: ${bad.join(',').slice(0, 120)}`);
  return rows.map(([id, severity, confidence, file, location, sample]) => ({
      id: (id ?? '').trim(),
      severity: (severity ?? '').trim(),
      confidence: (confidence ?? '').trim(),
      file: (file ?? '').trim(),
      location: (location ?? '').trim(),
      sample: (sample ?? '').trim(),
    }));
}

/** Splits findings into those that fail the gate, those excluded by name, and the rest. */
export function judge(findings, excluded = EXCLUDED) {
  const failing = [];
  const waived = [];
  const other = [];
  for (const f of findings) {
    if (f.severity === 'HIGH') failing.push(f);
    else if (f.severity === 'MEDIUM') (excluded.includes(f.id) ? waived : failing).push(f);
    else other.push(f);
  }
  return { failing, waived, other };
}

function run(cli, args) {
  return new Promise((resolve) => {
    const hook = `data:text/javascript,${encodeURIComponent(SERIAL_WRITES)}`;
    const child = spawn(process.execPath, ['--import', hook, cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), SCAN_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

const where = (f) => `${f.id} (${f.severity}) ${f.file}:${f.location}`;

async function main() {
  const out = join(root, 'out');
  if (!existsSync(join(out, 'main', 'index.js'))) {
    console.error('electronegativity: no build in out/; run `npm run build` first');
    return 1;
  }
  const doc = join(root, 'docs', 'security.md');
  const security = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
  const unanswered = EXCLUDED.filter((id) => !security.includes(`### ${id}`));
  if (unanswered.length > 0) {
    console.error(`electronegativity: excluded without an answer in docs/security.md: ${unanswered.join(', ')}`);
    return 1;
  }

  const electron = require('electron/package.json').version;
  const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
  const dir = mkdtempSync(join(tmpdir(), 'pinsim-electronegativity-'));
  try {
    const report = join(dir, 'report.csv');
    // -r: paths relative to out/; the tool's "No connectivity?" warnings offline are harmless.
    const { code, signal, output } = await run(cli, ['-i', out, '-o', report, '-e', electron, '-r']);
    if (code !== 0 || !existsSync(report)) {
      const why = signal ? `was stopped (${signal})` : `exited with ${code}`;
      console.error(`electronegativity: the scan ${why}:\n${output.trim()}`);
      return 1;
    }
    let findings;
    try {
      findings = findingsOf(readFileSync(report, 'utf8'));
    } catch (err) {
      console.error(`electronegativity: cannot read ${report}: ${err.message}`);
      return 1;
    }
    const { failing, waived, other } = judge(findings);
    console.log(`electronegativity ${electron}: scanned out/ for Electron ${electron}`);
    for (const f of waived) console.log(`  excluded  ${where(f)} — answered in docs/security.md`);
    for (const f of other) console.log(`  noted     ${where(f)}`);
    for (const f of failing) console.log(`  FAILED    ${where(f)}${f.sample !== 'N/A' ? `: ${f.sample}` : ''}`);
    console.log(
      `electronegativity: ${failing.length} failing, ${waived.length} excluded by name, ${other.length} low/informational`,
    );
    return failing.length > 0 ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main();
}
