// Random edits on narrow terminals: the screen must always show exactly the buffer and cursor.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { History } from '../../../src-main/shell/history';
import { LineEditor } from '../../../src-main/shell/line-editor';
import { layout, promptWidth } from '../../../src-main/shell/screen-layout';
import { KEY, Screen } from './screen';

const P = 'root@pinsim:~# ';

const key = fc.oneof(
  fc.constantFrom('a', 'b', ' ', 'xyz', '日', 'é', '/'),
  fc.constantFrom(KEY.left, KEY.right, KEY.home, KEY.end, KEY.bs, KEY.del, KEY.up, KEY.down),
  fc.constantFrom(KEY.ctrl('a'), KEY.ctrl('e'), KEY.ctrl('k'), KEY.ctrl('u'), KEY.ctrl('w'), KEY.ctrl('y'), KEY.ctrl('t')),
  fc.constantFrom('\x1bb', '\x1bf', '\x1bd', '\x1b[1;5D', '\x1b[1;5C'),
);

describe('LineEditor: the screen always matches the buffer', () => {
  it('after random edits on narrow terminals every character and the cursor are where they belong', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 8, max: 30 }), fc.array(key, { maxLength: 60 }), async (cols, keys) => {
        const history = new History();
        history.add('echo ' + 'h'.repeat(35));
        history.add('ls');
        // Tall enough that nothing scrolls: no terminal can move the cursor above its top row.
        const scr = new Screen(cols, 40);
        const ed = new LineEditor({ cols, history });
        await scr.apply(ed.prompt(P));
        for (const k of keys) await scr.apply(ed.feed(k));

        const chars = [...ed.line];
        const pos = layout(promptWidth(P), chars, cols);
        const buf = scr.term.buffer.active;
        const cell = (row: number, col: number): string => buf.getLine(row)?.getCell(col)?.getChars() ?? '';
        chars.forEach((ch, i) => expect(cell(pos[i]!.row, pos[i]!.col)).toBe(ch));
        // Nothing of an older, longer line is left after the end.
        const end = pos[chars.length]!;
        for (let c = end.col; c < cols; c++) expect(cell(end.row, c)).toBe('');
        for (let r = end.row + 1; r < buf.length; r++) expect(buf.getLine(r)!.translateToString(true)).toBe('');
        const cursor = (ed as unknown as { cursor: number }).cursor;
        expect(scr.cursor()).toEqual(pos[cursor]);
      }),
      { numRuns: 200 },
    );
  });
});
