// ps's column layout (procps-ng src/ps/output.c show_one_proc): each column knows where it should
// start ("correct") and where the line really is ("actual"); a value wider than its column pushes
// the rest right and the following columns take the debt back from their padding.
import type { Ctx, Just, Spec } from './ps-columns';
import type { Task } from './procps';

export interface Column {
  spec: Spec;
  header: string;
  width: number;
}

const SPACE_AMOUNT = 144;
/** OUTBUF_SIZE: the room ps has when its output is not a terminal. */
export const UNLIMITED_COLS = 2 * 64 * 1024;

/** check_header_width(): the smallest multiple of the screen width that holds every column. */
export function activeCols(cols: readonly Column[], screenCols: number): number {
  let total = 0;
  let sep = 0;
  cols.forEach((c, i) => {
    total += c.spec.just === 'unlimited' && i === cols.length - 1 ? 3 : c.width;
    total += sep;
    sep = 1;
  });
  let n = 1;
  while (screenCols * n < total && screenCols * n < UNLIMITED_COLS / 2) n++;
  return screenCols * n;
}

function leftPad(just: Just, width: number, amount: number): number {
  return just === 'right' ? Math.max(0, width - amount) : 0;
}

/** One line: the header when `task` is null. */
export function renderLine(cols: readonly Column[], task: Task | null, ctx: Ctx, active: number): string {
  let correct = 0;
  let actual = 0;
  let dospace = 0;
  let out = '';
  for (let i = 0; i < cols.length; i++) {
    const col = cols[i]!;
    const last = i === cols.length - 1;
    let maxRight: number;
    let tmpspace = 0;
    if (!last) maxRight = col.width;
    else {
      tmpspace = correct - actual;
      if (tmpspace < 1) {
        tmpspace = dospace;
        maxRight = active - actual - tmpspace;
      } else maxRight = active - Math.max(correct, actual);
    }
    maxRight = Math.max(0, maxRight);
    let text = task ? col.spec.pr(task, ctx, maxRight) : col.header;
    const cramped = (col.spec.just === 'unlimited' || col.spec.just === 'wchan') && active - actual - tmpspace < 1;
    if (cramped) text = text.slice(0, 1);
    const amount = text.length;
    let space = correct - actual + leftPad(col.spec.just, col.width, amount);
    if (space < 1) space = dospace;
    if (space > SPACE_AMOUNT) space = SPACE_AMOUNT;
    out += ' '.repeat(space) + text;
    if (last) break;
    actual += space + amount;
    correct += col.width + 1;
    dospace = 1;
  }
  return out;
}
