// Generates docs/designs.md: one table, situations × designs, each cell the observable outcome,
// read from the transcripts test/transcripts/designs/SITUATION.POLICY.out by one small rule per
// situation. designs.test.ts fails when the page differs from what this makes of the transcripts.
// Run: npm run docs:designs (after PINSIM_UPDATE_TRANSCRIPTS=1 npx vitest run test/transcripts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERRNOS, strerror } from '../src-main/host/index';
import { policyNames } from '../src-main/host/policy/registry';

const ROOT = join(import.meta.dirname, '..');
export const DESIGNS_DIR = join(ROOT, 'test/transcripts/designs');
export const DESIGNS_DOC = join(ROOT, 'docs/designs.md');
export const POLICIES: readonly string[] = policyNames();

const ERRNO_OF_TEXT = new Map(ERRNOS.map((e) => [strerror(e), e]));

function errnoName(text: string): string {
  const e = ERRNO_OF_TEXT.get(text);
  if (!e) throw new Error(`no errno has the text '${text}'`);
  return e;
}

/** The first group of `re` in `out`; a transcript without it is one the rules do not know. */
function need(out: string, re: RegExp, what: string): string {
  const m = re.exec(out);
  if (!m) throw new Error(`designs: cannot find ${what} (${re})`);
  return m[1]!;
}

/** "no pin (EOPNOTSUPP)" when rdma-app's ibv_reg_mr failed, null when its pages are pinned. */
function pinRefused(out: string): string | null {
  const m = /^rdma-app\[\d+\]: ibv_reg_mr: (.+)$/m.exec(out);
  if (m) return `no pin (${errnoName(m[1]!)})`;
  need(out, /^rdma-app\[\d+\]: ibv_reg_mr \d+ pages at \S+: (MR \d+)/m, 'the registration');
  return null;
}

/**
 * What one timed operation met, from `LABEL: status N`, the tool's error line (its errno) and the
 * `ps -o pid,stat,wchan:24,cmd -C COMM` taken a second in (where it sleeps while it hangs).
 */
function outcome(out: string, label: string, comm: string, error: RegExp): string {
  const status = Number(need(out, new RegExp(`^${label}: status (\\d+)$`, 'm'), `${label}'s status`));
  if (status === 0) return 'succeeds';
  const err = error.exec(out);
  if (err) return errnoName(err[1]!);
  const ps = new RegExp(`^ +\\d+ (\\S+) +(\\S+) +${comm} `, 'm').exec(out);
  if (status === 124 && ps) return `hangs (${ps[1]!.replace('+', '')}, ${ps[2]})`;
  throw new Error(`designs: ${label} ended with status ${status} and no error or wait to show`);
}

const truncate = (out: string) => outcome(out, 'truncate', 'truncate', /^truncate: failed to truncate '[^']+' at \d+ bytes: (.+)$/m);

export interface Situation {
  /** test/transcripts/designs/ID.sh */
  id: string;
  label: string;
  /** What happens first, once the pages are pinned (a close, a fork…), if anything. */
  before?(out: string): string;
  /** The operation the situation ends with: its name and what it met. */
  verb: string;
  result(out: string): string;
}

export const SITUATIONS: readonly Situation[] = [
  { id: 'truncate', label: 'truncate over a pinned range', verb: 'truncate', result: truncate },
  { id: 'punch', label: 'hole punch in a pinned range', verb: 'punch', result: (out) => outcome(out, 'fallocate', 'fallocate', /^fallocate: fallocate failed: (.+)$/m) },
  { id: 'cow', label: 'CoW write to a pinned, reflinked extent', verb: 'write', result: (out) => outcome(out, 'xfs_io pwrite', 'xfs_io', /^pwrite: (.+)$/m) },
  {
    id: 'close',
    label: 'close of the lease fd, then truncate',
    before(out) {
      if (need(out, /^rdma-app\[\d+\]: close fd \d+: (.+)$/m, 'the close') === 'waiting') return `close blocks (S, ${need(out, /^ +\d+ S +(\S+) +rdma-app /m, "rdma-app's wait channel")})`;
      return /^\d+: LEASE /m.test(out) ? 'close ok, lease still listed' : 'close ok, lease gone';
    },
    verb: 'truncate',
    result: truncate,
  },
  {
    id: 'fork',
    label: 'fork, kill the parent, then truncate',
    before: (out) => (/^ +\d+ S +\S+ +rdma-app /m.test(out) ? 'helper keeps the pins' : 'no process left'),
    verb: 'truncate',
    result: truncate,
  },
  {
    id: 'handoff',
    label: 'SCM_RIGHTS hand-off, then truncate',
    before(out) {
      const send = /^rdma-app\[\d+\]: sendmsg: (.+)$/m.exec(out);
      if (send) return `sendmsg ${errnoName(send[1]!)}, app exits`;
      need(out, /^\d+: (\/dev\/infiniband\/uverbs0)$/m, "the keeper's file_pins");
      return 'pins move to rdma-keeper';
    },
    verb: 'truncate',
    result: truncate,
  },
  { id: 'kill', label: 'kill of the owner, then truncate', before: (out) => (/^\d+: LEASE /m.test(out) ? 'lease left behind' : 'unwinds'), verb: 'truncate', result: truncate },
  {
    id: 'unlock',
    label: 'F_UNLCK of the lease while pinned, then truncate',
    before(out) {
      const u = need(out, /^rdma-app\[\d+\]: F_SETLEASE F_UNLCK on fd \d+: (.+)$/m, 'the F_UNLCK');
      return `F_UNLCK ${u === 'ok' ? 'ok' : errnoName(u)}`;
    },
    verb: 'truncate',
    result: truncate,
  },
];

/** One cell: "no pin (EOPNOTSUPP); truncate succeeds", "close ok, lease still listed; truncate ETXTBSY"… */
export function cell(s: Situation, out: string): string {
  const refused = pinRefused(out);
  const first = refused ?? s.before?.(out);
  const last = `${s.verb} ${s.result(out)}`;
  return first ? `${first}; ${last}` : last;
}

export function outPath(id: string, policy: string): string {
  return join(DESIGNS_DIR, `${id}.${policy}.out`);
}

const HEAD = `# The designs side by side

<!-- Generated by scripts/gen-designs.ts from test/transcripts/designs/*.out: do not edit by hand.
     Regenerate with \`npm run docs:designs\`; test/transcripts/designs.test.ts fails when this page
     and the transcripts disagree. -->

Each row is one script in \`test/transcripts/designs/\`, run unchanged under every design of
\`../shared/spec/kernel.md\` §4 (\`pinsim script --policy P\`). In each, \`rdma-app\` pins pages 0–15 of
\`/mnt/pmem/foo\` (xfs, DAX) doing what every design asks of it — an exclusive layout lease
(\`F_LAYOUT|F_EXCLUSIVE\`) and a \`MAP_DIRECT\` mapping — and then the situation happens. An operation
that may hang runs under \`timeout 10\`, with \`ps -o pid,stat,wchan:24,cmd\` a second in; "hangs (S,
WCHAN) until killed" means timeout ended it with status 124. The CoW row runs on a host made with
reflink (\`pinsim script --reflink\`). Each cell is read from that run's transcript
(\`SITUATION.POLICY.out\`).

`;

export function renderDesigns(read: (id: string, policy: string) => string): string {
  const rows = SITUATIONS.map((s) => `| ${s.label} | ${POLICIES.map((p) => cell(s, read(s.id, p))).join(' | ')} |`);
  const header = `| situation | ${POLICIES.map((p) => `\`${p}\``).join(' | ')} |`;
  const rule = `|${'---|'.repeat(POLICIES.length + 1)}`;
  return `${HEAD}${[header, rule, ...rows].join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(DESIGNS_DOC, renderDesigns((id, p) => readFileSync(outPath(id, p), 'utf8')));
}
