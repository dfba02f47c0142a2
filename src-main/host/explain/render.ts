// Plain-text rendering of an Explanation, as `why` prints it: the verdict, the chain with one
// label per link, then the ways out — wrapped for an 80-column terminal, never a stack trace.
import type { ChainLink, Explanation } from './types';

const WIDTH = 80;
const LABEL = 11;

const LABELS: Record<ChainLink['kind'], string> = {
  file: 'file',
  design: 'design',
  lease: 'lease',
  pin: 'pins',
  context: 'context',
  waiter: 'waiting',
  note: 'note',
};

/** Greedy word wrap: the first line after `first`, the others after `indent` spaces. */
export function wrap(text: string, first: string, indent: number, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = ' '.repeat(indent) + word;
      continue;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(line);
  return lines;
}

export function renderExplanation(e: Explanation): string {
  const out: string[] = [...wrap(`${e.path}: ${e.verdict.text}`, '', 2), ''];
  for (const link of e.links) {
    out.push(...wrap(link.text, `  ${LABELS[link.kind].padEnd(LABEL - 2)}`, LABEL));
    for (const d of link.detail ?? []) out.push(...(LABEL + d.length <= WIDTH ? [' '.repeat(LABEL) + d] : wrap(d, ' '.repeat(LABEL), LABEL)));
  }
  if (e.waysOut.length > 0) {
    out.push('', 'Ways out:');
    for (const w of e.waysOut) out.push(...wrap(w.text, w.fixes ? '  - ' : '  ! ', 4));
  }
  return out.join('\n') + '\n';
}
