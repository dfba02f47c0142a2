// `dax-rdma-audit`: the admin's audit of seeds 000/002 ("audit the configuration for legacy RDMA
// safety") — per mount and per open MR, what is unsafe for long-term pins under the design in
// force, in plain words, then one summary line. Exit status 0: nothing unsafe; 1: findings.
import { wrap } from '../../host/explain/render';
import { defineTool, type ToolRun } from '../tool';
import { usageError } from '../common';
import { selfCreds } from '../system/ids';
import { gatherFacts, type AuditFacts, type MrFacts } from './facts';
import { backingText, mountFindings, mrFindings, pages, waiterFindings, type Finding } from './rules';

const HELP = `Usage: dax-rdma-audit [OPTION]...
Audit the host for long-term RDMA pins of DAX files under the kernel design
in force: each mount (DAX or page cache, reflink on or off, filesystem type),
each registered memory region (MR: registering process, the RDMA context's
file descriptors, file and pages, ODP or pinned, and what backs its pins: an
exclusive layout lease, a sealed block map, the filesystem, or nothing), and
each process asleep on pins. Findings are UNSAFE (pins can hang a truncate,
cannot be taken on a DAX filesystem, outlive their lease's file descriptors,
or no longer match the file), ok, or note. The last line sums them up.

  -j, --json     print the findings as JSON
      --help     display this help and exit

Exit status: 0 if nothing is unsafe, 1 if something is, 2 on trouble (a
usage error, or not run as root).
`;

const LABEL = 12;

interface Report {
  findings: Array<{ what: string; findings: Finding[] }>;
  unsafe: string[];
}

function findingLines(findings: readonly Finding[]): string[] {
  return findings.flatMap((f) => wrap(f.text, `    ${f.level.padEnd(LABEL - 4)}`, LABEL));
}

function contextText(mr: MrFacts): string {
  if (mr.holders.length === 0) return mr.inFlight ? 'context in an SCM_RIGHTS message' : 'context held by no process';
  const fds = mr.holders.map((h) => `${h.fds.length === 1 ? 'fd' : 'fds'} ${h.fds.join(', ')} of pid ${h.pid} (${h.comm})`);
  return `context ${fds.join(', ')}`;
}

function mrHead(mr: MrFacts): string[] {
  const who = `pid ${mr.pid} (${mr.comm})${mr.registrantAlive ? '' : ', which has exited'}`;
  const lines = wrap(`MR ${mr.mrn}: registered by ${who}; ${contextText(mr)}`, '  ', 6);
  for (const s of mr.segments) {
    const how = mr.odp ? 'ODP, nothing pinned' : s.kind === 'devdax' ? 'device DAX' : s.kind === 'pagecache' ? 'page cache, pinned copies' : `DAX, pinned, backed by ${backingText(s.backing)}`;
    lines.push(...wrap(`${s.path} ${pages(s.first, s.last)}: ${how}`, '      ', 8));
  }
  return lines;
}

function report(f: AuditFacts): Report {
  const findings: Report['findings'] = [];
  const unsafe: string[] = [];
  const add = (what: string, list: Finding[]) => {
    findings.push({ what, findings: list });
    if (list.some((x) => x.level === 'UNSAFE')) unsafe.push(what);
  };
  for (const m of f.mounts) add(`mount ${m.target}`, mountFindings(f, m));
  for (const mr of f.mrs) add(`MR ${mr.mrn}`, mrFindings(f, mr));
  for (const w of f.waiting) add(`pid ${w.pid}`, waiterFindings(w));
  return { findings, unsafe };
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function summary(f: AuditFacts, r: Report): string {
  const scope = [count(f.mounts.length, 'mount'), count(f.mrs.length, 'MR'), ...(f.waiting.length ? [`${f.waiting.length} waiting`] : [])].join(', ');
  if (r.unsafe.length === 0) return `dax-rdma-audit: ${f.design}: ${scope}: nothing unsafe for long-term pins`;
  return `dax-rdma-audit: ${f.design}: ${scope}: unsafe for long-term pins: ${r.unsafe.join(', ')}`;
}

function text(f: AuditFacts, r: Report, summaryText: string): string {
  const out: string[] = [`Design in force: ${f.design}`, `HCA ${f.device}: on-demand paging (ODP) ${f.odp ? 'supported' : 'not supported'}`, '', 'Mounts:'];
  let i = 0;
  for (const m of f.mounts) {
    out.push(`  ${m.target}: ${m.fstype}${m.source === m.fstype ? '' : ` on ${m.source}`}, ${m.dax ? 'dax' : 'page cache'}, reflink ${m.reflink ? 'on' : 'off'}`, ...findingLines(r.findings[i++]!.findings));
  }
  out.push('', f.mrs.length ? 'Memory regions:' : 'Memory regions: none');
  for (const mr of f.mrs) out.push(...mrHead(mr), ...findingLines(r.findings[i++]!.findings));
  if (f.waiting.length) out.push('', 'Waiting on pins:');
  for (const w of f.waiting) out.push(`  pid ${w.pid}: ${w.cmdline || w.comm}`, ...findingLines(r.findings[i++]!.findings));
  // One line, never wrapped: scripts read it with `tail -1`.
  out.push('', summaryText);
  return out.join('\n') + '\n';
}

function json(f: AuditFacts, r: Report): string {
  let i = 0;
  const mounts = f.mounts.map((m) => ({ ...m, findings: r.findings[i++]!.findings }));
  const mrs = f.mrs.map((m) => ({ ...m, findings: r.findings[i++]!.findings }));
  const waiting = f.waiting.map((w) => ({ ...w, findings: r.findings[i++]!.findings }));
  return JSON.stringify({ design: f.design, hca: { device: f.device, odp: f.odp }, mounts, mrs, waiting, unsafe: r.unsafe }, null, 2) + '\n';
}

export const daxRdmaAudit = defineTool({
  name: 'dax-rdma-audit',
  summary: 'audit mounts and RDMA memory regions for long-term pin safety under the design in force',
  help: HELP,
  async run(t: ToolRun) {
    let asJson = false;
    for (const a of t.args) {
      if (a === '-j' || a === '--json') asJson = true;
      else if (a.startsWith('--')) return usageError(t, `unrecognized option '${a}'`, 2);
      else if (a.startsWith('-') && a.length > 1) return usageError(t, `invalid option -- '${a.slice(1, 2)}'`, 2);
      else return usageError(t, `extra operand '${a}'`, 2);
    }
    if ((await selfCreds(t)).euid !== 0) {
      await t.err(`${t.argv[0]}: only root can see every process's pins and leases\n`);
      return 2;
    }
    const facts = await gatherFacts(t);
    const r = report(facts);
    await t.out(asJson ? json(facts, r) : text(facts, r, summary(facts, r)));
    return r.unsafe.length > 0 ? 1 : 0;
  },
});
