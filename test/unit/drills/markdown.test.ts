// The Markdown reader of the Drills panel: the subset briefings and debriefs use, and nothing
// that could turn text into markup or a script.
import { describe, expect, test } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from '../../../src-renderer/src/components/drills/markdown';

describe('markdown for briefings and debriefs', () => {
  test('headings, paragraphs joined across lines, lists and code blocks', () => {
    const md = '# Title\n\nFirst line\nsecond line.\n\n- one\n- two\n  continued\n\n1. a\n2. b\n\n    indented code\n    more\n\n```\nfenced\n```\n';
    expect(parseMarkdown(md)).toEqual([
      { t: 'heading', level: 1, c: [{ t: 'text', v: 'Title' }] },
      { t: 'paragraph', c: [{ t: 'text', v: 'First line second line.' }] },
      { t: 'list', ordered: false, items: [[{ t: 'text', v: 'one' }], [{ t: 'text', v: 'two continued' }]] },
      { t: 'list', ordered: true, items: [[{ t: 'text', v: 'a' }], [{ t: 'text', v: 'b' }]] },
      { t: 'code', v: 'indented code\nmore' },
      { t: 'code', v: 'fenced' },
    ]);
  });

  test('inline code, strong, emphasis and links', () => {
    expect(parseInline('run `why /mnt/pmem/log` **now**, _then_ see [the RFC](https://lore.kernel.org/x)')).toEqual([
      { t: 'text', v: 'run ' },
      { t: 'code', v: 'why /mnt/pmem/log' },
      { t: 'text', v: ' ' },
      { t: 'strong', c: [{ t: 'text', v: 'now' }] },
      { t: 'text', v: ', ' },
      { t: 'em', c: [{ t: 'text', v: 'then' }] },
      { t: 'text', v: ' see ' },
      { t: 'link', href: 'https://lore.kernel.org/x', c: [{ t: 'text', v: 'the RFC' }] },
    ]);
  });

  test('snake_case and lone stars stay text; code keeps markup characters', () => {
    expect(parseInline('fs.lease_break_time is 2 * 3')).toEqual([{ t: 'text', v: 'fs.lease_break_time is 2 * 3' }]);
    expect(parseInline('`**not bold**`')).toEqual([{ t: 'code', v: '**not bold**' }]);
  });

  test('HTML is text and only web links are links', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)> <script>alert(1)</script>')).toEqual([
      { t: 'paragraph', c: [{ t: 'text', v: '<img src=x onerror=alert(1)> <script>alert(1)</script>' }] },
    ]);
    const js = parseInline('[click](javascript:alert(1))');
    expect(js.some((n) => n.t === 'link')).toBe(false);
    expect(js.map((n) => (n.t === 'text' ? n.v : '')).join('')).toBe('[click](javascript:alert(1))');
    expect(parseInline('[click](javascript:alert)')).toEqual([{ t: 'text', v: '[click](javascript:alert)' }]);
    expect(safeHref('file:///etc/passwd')).toBeNull();
    expect(safeHref(' https://x.invalid/ ')).toBe('https://x.invalid/');
    expect(safeHref('mailto:dev@pinsim.invalid')).toBe('mailto:dev@pinsim.invalid');
  });

  test('every shipped briefing and debrief reads without a stray marker', async () => {
    const { SHIPPED } = await import('./helpers');
    for (const d of SHIPPED.drills) {
      for (const text of [d.briefing, d.debrief]) {
        const blocks = parseMarkdown(text);
        expect(blocks.length).toBeGreaterThan(0);
        const plain = JSON.stringify(blocks.filter((b) => b.t !== 'code'));
        expect(plain, d.id).not.toMatch(/\*\*|`/);
      }
    }
  });
});
