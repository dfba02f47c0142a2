// The postmortem in Markdown (CommonMark with GitHub tables and task lists).
import { report, type Block } from './report';
import type { TimelineDoc } from './timeline';

/** Inline text: characters Markdown would read as markup are escaped. */
export function mdText(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** Keeps `code` spans (shell lines) as code, escapes the rest. */
function inline(s: string): string {
  return s
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? codeSpan(part.slice(1, -1)) : mdText(part)))
    .join('');
}

function codeSpan(s: string): string {
  const ticks = '`'.repeat((s.match(/`+/g) ?? []).reduce((m, r) => Math.max(m, r.length), 0) + 1);
  return `${ticks}${ticks.length > 1 ? ' ' : ''}${s}${ticks.length > 1 ? ' ' : ''}${ticks}`;
}

function cell(s: string): string {
  return mdText(s) || ' ';
}

function block(b: Block): string {
  switch (b.kind) {
    case 'h':
      return `${'#'.repeat(b.level)} ${mdText(b.text)}`;
    case 'p':
      return inline(b.text);
    case 'ul':
      return b.items.map((i) => `- ${b.check ? '[ ] ' : ''}${inline(i)}`).join('\n');
    case 'pre': {
      const fence = b.text.includes('```') ? '~~~~' : '```';
      return `${fence}text\n${b.text}\n${fence}`;
    }
    case 'table':
      return [`| ${b.head.map(cell).join(' | ')} |`, `|${b.head.map(() => ' --- ').join('|')}|`, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
  }
}

export function toMarkdown(doc: TimelineDoc): string {
  return `${report(doc).map(block).join('\n\n')}\n`;
}
