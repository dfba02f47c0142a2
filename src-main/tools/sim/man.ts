// man(1) as man-db prints a page when its output is not a terminal: the header and footer lines,
// NAME, SYNOPSIS and DESCRIPTION, built from each command's summary and --help (or, for a host
// program, its usage). `man -k` is apropos, `man -f` whatis.
import { defineTool, type CommandDoc, type ToolRun } from '../tool';
import { usageError } from '../common';
import { wrap } from '../../host/explain/render';

const WIDTH = 80;
const INDENT = '       ';

/** Section 8 for the administration commands, as their real pages are filed. */
const SECTION_8 = new Set(['lsof', 'lslocks', 'sysctl', 'mount', 'findmnt', 'rdma', 'xfs_io', 'sudo', 'ndctl', 'daxctl']);
/** Commands that exist only on this host: their pages say so in the header. */
const PINSIM = new Set(['why', 'simctl', 'rdma-app', 'logrotate-sim', 'backup-sim', 'db-sim', 'lease-hold', 'logrotate-job', 'lease-holder']);

function section(name: string): string {
  return SECTION_8.has(name) ? '8' : '1';
}

/** Left, centre and right parts on one 80-column line, as man's header and footer. */
function threeColumns(left: string, centre: string, right: string): string {
  const mid = Math.max(left.length + 1, Math.floor((WIDTH - centre.length) / 2));
  const line = left.padEnd(mid) + centre;
  return line.padEnd(Math.max(line.length + 1, WIDTH - right.length)) + right;
}

/** Lines wider than the page wrap under their own text (an option's description column). */
function reflow(line: string, indent = INDENT): string[] {
  if (indent.length + line.length <= WIDTH) return [line === '' ? '' : indent + line];
  const hang = /^\s*-\S.*?\s{2,}/.exec(line)?.[0].length ?? /^\s*/.exec(line)![0].length;
  const lead = /^\s*/.exec(line)![0];
  return wrap(line.trimStart(), indent + lead, indent.length + hang);
}

export function manPage(doc: CommandDoc): string {
  const sec = section(doc.name);
  const title = `${doc.name.toUpperCase()}(${sec})`;
  const book = PINSIM.has(doc.name) ? 'pinsim Manual' : sec === '8' ? 'System Administration' : 'User Commands';
  const lines = (doc.text ?? '').replace(/\n+$/, '').split('\n');
  const synopsis: string[] = [];
  while (lines.length && /^(Usage:|\s+or:)\s/.test(lines[0]!)) synopsis.push(lines.shift()!.replace(/^(Usage:|\s+or:)\s+/, ''));
  // Continuation lines of a long usage (indented under it) belong to the synopsis too.
  while (synopsis.length && lines.length && /^\s{8,}\[/.test(lines[0]!)) synopsis.push(`    ${lines.shift()!.trim()}`);
  while (lines.length && lines[0]!.trim() === '') lines.shift();
  const out = [threeColumns(title, book, title), '', 'NAME', ...wrap(`${doc.name} - ${doc.summary}`, INDENT, INDENT.length), ''];
  if (synopsis.length) out.push('SYNOPSIS', ...synopsis.flatMap((s) => reflow(s)), '');
  if (lines.length) out.push('DESCRIPTION', ...lines.flatMap((l) => reflow(l.trim() === '' ? '' : l)), '');
  out.push(threeColumns('pinsim 0.1.0', 'August 2019', title));
  return out.join('\n') + '\n';
}

/** `ls (1)               - list directory contents`, as whatis lines up its entries. */
function whatisLine(doc: CommandDoc): string {
  return `${`${doc.name} (${section(doc.name)})`.padEnd(20)} - ${doc.summary}\n`;
}

async function lookupEach(t: ToolRun, docs: readonly CommandDoc[], words: string[], match: (d: CommandDoc, w: string) => boolean): Promise<number> {
  let status = 0;
  for (const w of words) {
    const found = docs.filter((d) => match(d, w)).sort((a, b) => a.name.localeCompare(b.name));
    if (found.length === 0) {
      await t.err(`${w}: nothing appropriate.\n`);
      status = 16;
    }
    await t.out(found.map(whatisLine).join(''));
  }
  return status;
}

export const man = defineTool({
  name: 'man',
  summary: 'an interface to the system reference manuals',
  help: `Usage: man [SECTION] PAGE...
  or:  man -k KEYWORD...
  or:  man -f PAGE...
Show the manual page of each command: its name and purpose, its synopsis and
the options it takes.

  -k, --apropos    search the page names and descriptions for KEYWORD
  -f, --whatis     show the one-line description of PAGE
      --help       display this help and exit

Exit status: 0 on success, 1 on a usage error, 16 when a page or keyword
was not found.
`,
  async run(t) {
    const docs = t.env.commandDocs?.() ?? [];
    const args = [...t.args];
    const mode = args[0] === '-k' || args[0] === '--apropos' ? 'k' : args[0] === '-f' || args[0] === '--whatis' ? 'f' : '';
    if (mode) args.shift();
    else if (args[0]?.startsWith('-')) return usageError(t, args[0].startsWith('--') ? `unrecognized option '${args[0]}'` : `invalid option -- '${args[0].slice(1, 2)}'`);
    if (mode === 'k' || mode === 'f') {
      if (args.length === 0) {
        await t.err(mode === 'k' ? 'apropos what?\n' : 'whatis what?\n');
        return 1;
      }
      const k = (d: CommandDoc, w: string) => `${d.name} ${d.summary}`.toLowerCase().includes(w.toLowerCase());
      return lookupEach(t, docs, args, mode === 'k' ? k : (d, w) => d.name === w);
    }
    const wanted = /^[1-8]$/.test(args[0] ?? '') && args.length > 1 ? args.shift()! : null;
    if (args.length === 0) {
      await t.err("What manual page do you want?\nFor example, try 'man man'.\n");
      return 1;
    }
    let status = 0;
    const pages: string[] = [];
    for (const name of args) {
      const doc = docs.find((d) => d.name === name && (wanted === null || section(d.name) === wanted));
      if (!doc) {
        await t.err(wanted ? `No manual entry for ${name} in section ${wanted}\n` : `No manual entry for ${name}\n`);
        status = 16;
        continue;
      }
      pages.push(manPage(doc));
    }
    await t.out(pages.join('\n'));
    return status;
  },
});
