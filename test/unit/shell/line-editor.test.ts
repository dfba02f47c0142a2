// The line editor against a headless xterm: what the screen shows after each key.
import { describe, expect, it } from 'vitest';
import { History } from '../../../src-main/shell/history';
import { LineEditor, type CompletionProvider, type LineEditorOptions } from '../../../src-main/shell/line-editor';
import { KEY, Screen } from './screen';

const P = 'root@pinsim:~# ';

async function start(opts: LineEditorOptions & { rows?: number } = {}): Promise<{ ed: LineEditor; scr: Screen }> {
  const scr = new Screen(opts.cols ?? 80, opts.rows ?? 24);
  const ed = new LineEditor(opts);
  await scr.apply(ed.prompt(P));
  return { ed, scr };
}

describe('LineEditor: typing and moving', () => {
  it('echoes typed text after the prompt and submits on Enter', async () => {
    const { ed, scr } = await start();
    await scr.keys(ed, 'e', 'c', 'h', 'o', ' hi');
    expect(scr.lines()).toEqual([P + 'echo hi']);
    expect(scr.cursor()).toEqual({ row: 0, col: P.length + 7 });
    const acts = await scr.keys(ed, KEY.enter);
    expect(acts).toEqual([{ type: 'submit', line: 'echo hi' }]);
    expect(scr.cursor()).toEqual({ row: 1, col: 0 });
    expect(ed.mode).toBe('busy');
  });

  it('inserts in the middle after moving left', async () => {
    const { ed, scr } = await start();
    await scr.keys(ed, 'ech hi', KEY.left, KEY.left, KEY.left, 'o');
    expect(scr.lines()).toEqual([P + 'echo hi']);
    expect(scr.cursor().col).toBe(P.length + 4);
    expect(ed.line).toBe('echo hi');
  });

  it('Home/End, Ctrl-A/E, Delete and Backspace edit where the cursor is', async () => {
    const { ed, scr } = await start();
    await scr.keys(ed, 'xecho hi', KEY.home, KEY.del);
    expect(scr.lines()).toEqual([P + 'echo hi']);
    expect(scr.cursor().col).toBe(P.length);
    await scr.keys(ed, KEY.end, KEY.bs, 'o', KEY.ctrl('a'), KEY.right, KEY.bs);
    expect(scr.lines()).toEqual([P + 'cho ho']);
    await scr.keys(ed, KEY.ctrl('e'), '!');
    expect(scr.lines()).toEqual([P + 'cho ho!']);
    expect(scr.cursor().col).toBe(P.length + 7);
  });

  it('Ctrl-K, Ctrl-U, Ctrl-W kill and Ctrl-Y yanks back', async () => {
    const { ed, scr } = await start();
    await scr.keys(ed, 'ls -l /proc/1', KEY.left, KEY.left, KEY.ctrl('k'));
    expect(scr.lines()).toEqual([P + 'ls -l /proc']);
    await scr.keys(ed, KEY.ctrl('w'));
    expect(scr.lines()).toEqual([P + 'ls -l']);
    expect(ed.line).toBe('ls -l ');
    await scr.keys(ed, KEY.ctrl('y'));
    expect(scr.lines()).toEqual([P + 'ls -l /proc']);
    await scr.keys(ed, KEY.left, KEY.left, KEY.ctrl('u'));
    expect(scr.lines()).toEqual([P + 'oc']);
    expect(scr.cursor().col).toBe(P.length);
  });

  it('moves by words with Alt-B/Alt-F and Ctrl-arrows', async () => {
    const { ed, scr } = await start();
    await scr.keys(ed, 'cat /proc/locks', '\x1bb', '\x1bb');
    expect(scr.cursor().col).toBe(P.length + 5);
    await scr.keys(ed, '\x1b[1;5C', 'X');
    expect(ed.line).toBe('cat /procX/locks');
    await scr.keys(ed, '\x1b[1;5D', '\x1bd');
    expect(scr.lines()).toEqual([P + 'cat //locks']);
  });

  it('transposes characters with Ctrl-T', async () => {
    const { ed, scr } = await start();
    await scr.keys(ed, 'sl', KEY.ctrl('t'));
    expect(scr.lines()).toEqual([P + 'ls']);
  });

  it('accepts escape sequences split across two onData calls', async () => {
    const { ed, scr } = await start();
    await scr.keys(ed, 'ab', '\x1b[', 'D', 'X');
    expect(ed.line).toBe('aXb');
    expect(scr.lines()).toEqual([P + 'aXb']);
  });

  it('measures wide characters as two columns', async () => {
    const { ed, scr } = await start();
    await scr.keys(ed, 'echo 日本', KEY.left, 'x');
    expect(scr.lines()).toEqual([P + 'echo 日x本']);
    expect(scr.cursor().col).toBe(P.length + 5 + 2 + 1);
  });

  it('handles coloured prompts by their visible width', async () => {
    const scr = new Screen();
    const ed = new LineEditor();
    await scr.apply(ed.prompt('\x1b[1;32mroot@pinsim\x1b[0m:~# '));
    await scr.keys(ed, 'ab', KEY.left, 'X');
    expect(scr.lines()).toEqual(['root@pinsim:~# aXb']);
    expect(scr.cursor().col).toBe(17);
  });
});

describe('LineEditor: long lines that wrap', () => {
  it('moves across the wrap and inserts with the tail reflowed', async () => {
    const { ed, scr } = await start({ cols: 20 });
    const text = 'echo abcdefghijklmnopqrstuvwxyz';
    await scr.keys(ed, text);
    expect(scr.lines()).toEqual([P + text]);
    for (let i = 0; i < 20; i++) await scr.keys(ed, KEY.left);
    await scr.keys(ed, '123');
    const want = text.slice(0, text.length - 20) + '123' + text.slice(text.length - 20);
    expect(scr.lines()).toEqual([P + want]);
    const at = P.length + text.length - 20 + 3;
    expect(scr.cursor()).toEqual({ row: Math.floor(at / 20), col: at % 20 });
    await scr.keys(ed, KEY.ctrl('k'));
    expect(scr.lines()).toEqual([P + want.slice(0, want.length - 20)]);
  });

  it('keeps the cursor right when the text ends exactly at the margin', async () => {
    const { ed, scr } = await start({ cols: 20 });
    await scr.keys(ed, 'x'.repeat(20 - P.length));
    expect(scr.cursor()).toEqual({ row: 1, col: 0 });
    await scr.keys(ed, KEY.left, 'y');
    expect(scr.lines()).toEqual([P + 'x'.repeat(19 - P.length) + 'yx']);
    await scr.keys(ed, KEY.end, KEY.bs, KEY.bs);
    expect(scr.lines()).toEqual([P + 'x'.repeat(19 - P.length)]);
    expect(scr.cursor()).toEqual({ row: 0, col: 19 });
    await scr.keys(ed, KEY.home);
    expect(scr.cursor()).toEqual({ row: 0, col: P.length });
  });

  it('scrolls correctly when a long line reaches the bottom of the screen', async () => {
    const scr = new Screen(20, 3);
    const ed = new LineEditor({ cols: 20 });
    await scr.write('a\r\nb\r\n');
    await scr.apply(ed.prompt(P));
    await scr.keys(ed, 'y'.repeat(40));
    await scr.keys(ed, KEY.home, 'Z');
    expect(scr.lines().slice(-1)).toEqual([P + 'Z' + 'y'.repeat(40)]);
    expect(scr.cursor().col).toBe(P.length + 1);
  });

  it('draws history entries of different lengths over each other cleanly', async () => {
    const history = new History();
    history.add('echo ' + 'z'.repeat(40));
    history.add('ls');
    const { ed, scr } = await start({ cols: 20, history });
    await scr.keys(ed, KEY.up, KEY.up);
    expect(scr.lines()).toEqual([P + 'echo ' + 'z'.repeat(40)]);
    await scr.keys(ed, KEY.down);
    expect(scr.lines()).toEqual([P + 'ls']);
  });
});

describe('LineEditor: history', () => {
  it('walks history with up/down and restores the line being typed', async () => {
    const { ed, scr } = await start();
    for (const l of ['echo one', 'echo two']) {
      await scr.keys(ed, l, KEY.enter);
      await scr.apply(ed.prompt(P));
    }
    await scr.keys(ed, 'dra', KEY.up);
    expect(scr.lines().at(-1)).toBe(P + 'echo two');
    await scr.keys(ed, KEY.up, KEY.up);
    expect(scr.lines().at(-1)).toBe(P + 'echo one');
    await scr.keys(ed, '!', KEY.down, KEY.up);
    expect(ed.line).toBe('echo one!');
    await scr.keys(ed, KEY.down, KEY.down);
    expect(scr.lines().at(-1)).toBe(P + 'dra');
    expect(ed.history.entries().map((e) => e.line)).toEqual(['echo one', 'echo two']);
  });

  it('formats entries as the history builtin prints them and does not keep empty lines', async () => {
    const { ed, scr } = await start();
    await scr.keys(ed, 'echo a', KEY.enter);
    await scr.apply(ed.prompt(P));
    await scr.keys(ed, KEY.enter);
    await scr.apply(ed.prompt(P));
    await scr.keys(ed, 'history', KEY.enter);
    expect(ed.history.format()).toBe('    1  echo a\n    2  history\n');
    expect(ed.history.format(1)).toBe('    2  history\n');
  });

  it('reverse-i-search finds, steps to older matches, and Enter runs the match', async () => {
    const history = new History();
    ['echo alpha', 'ls /proc', 'echo beta', 'cat /proc/locks'].forEach((l) => history.add(l));
    const { ed, scr } = await start({ history });
    await scr.keys(ed, KEY.ctrl('r'), 'e', 'c');
    expect(scr.lines()).toEqual(["(reverse-i-search)`ec': echo beta"]);
    expect(scr.cursor().col).toBe("(reverse-i-search)`ec': ".length);
    await scr.keys(ed, KEY.ctrl('r'));
    expect(scr.lines()).toEqual(["(reverse-i-search)`ec': echo alpha"]);
    await scr.keys(ed, 'x');
    expect(scr.lines()).toEqual(["(failed reverse-i-search)`ecx': echo alpha"]);
    expect(scr.bells).toBe(1);
    await scr.keys(ed, KEY.bs);
    expect(scr.lines()).toEqual(["(reverse-i-search)`ec': echo beta"]);
    const acts = await scr.keys(ed, KEY.enter);
    expect(acts).toEqual([{ type: 'submit', line: 'echo beta' }]);
    expect(scr.lines()).toEqual([P + 'echo beta']);
  });

  it('leaves search with the match to edit on an arrow key, and Ctrl-G restores the line', async () => {
    const history = new History();
    history.add('cat /proc/locks');
    const { ed, scr } = await start({ history });
    await scr.keys(ed, KEY.ctrl('r'), 'proc', KEY.right, 'X');
    expect(scr.lines()).toEqual([P + 'cat /pXroc/locks']);
    await scr.keys(ed, KEY.ctrl('u'), KEY.ctrl('k'), 'mine', KEY.ctrl('r'), 'lo', KEY.ctrl('g'));
    expect(scr.lines()).toEqual([P + 'mine']);
    expect(ed.mode).toBe('edit');
  });
});

describe('LineEditor: control keys', () => {
  it('Ctrl-C prints ^C and a fresh prompt, and reports the interrupt', async () => {
    const { ed, scr } = await start();
    const acts = await scr.keys(ed, 'sleep 10', KEY.left, KEY.ctrl('c'));
    expect(acts).toEqual([{ type: 'interrupt' }]);
    expect(scr.lines()).toEqual([P + 'sleep 10^C', P.trimEnd()]);
    expect(ed.line).toBe('');
    expect(ed.mode).toBe('edit');
  });

  it('Ctrl-D is eof on an empty line and deletes forward otherwise', async () => {
    const { ed, scr } = await start();
    await scr.keys(ed, 'ab', KEY.home, KEY.ctrl('d'));
    expect(ed.line).toBe('b');
    await scr.keys(ed, KEY.ctrl('d'));
    expect(await scr.keys(ed, KEY.ctrl('d'))).toEqual([{ type: 'eof' }]);
    expect(ed.mode).toBe('busy');
  });

  it('Ctrl-L clears the screen and redraws the line at the top', async () => {
    const { ed, scr } = await start();
    await scr.write('junk\r\nmore junk\r\n');
    await scr.apply(ed.prompt(P));
    const acts = await scr.keys(ed, 'ls', KEY.left, KEY.ctrl('l'));
    expect(acts).toEqual([{ type: 'clear' }]);
    const b = scr.term.buffer.active;
    expect(b.getLine(b.baseY)!.translateToString(true)).toBe(P + 'ls');
    expect(b.cursorY).toBe(0);
    expect(b.cursorX).toBe(P.length + 1);
  });

  it('Ctrl-Z at the prompt does nothing, as bash ignores SIGTSTP', async () => {
    const { ed, scr } = await start();
    expect(await scr.keys(ed, 'a', KEY.ctrl('z'))).toEqual([]);
    expect(scr.lines()).toEqual([P + 'a']);
  });
});

describe('LineEditor: while a command runs', () => {
  it('queues pasted lines and submits each one when the next prompt is shown', async () => {
    const { ed, scr } = await start();
    const acts = await scr.keys(ed, 'echo a\recho b\r\necho c');
    expect(acts).toEqual([{ type: 'submit', line: 'echo a' }]);
    await scr.write('a\r\n');
    expect(await scr.apply(ed.prompt(P))).toEqual([{ type: 'submit', line: 'echo b' }]);
    await scr.write('b\r\n');
    expect(await scr.apply(ed.prompt(P))).toEqual([]);
    expect(scr.lines()).toEqual([P + 'echo a', 'a', P + 'echo b', 'b', P + 'echo c']);
  });

  it('Ctrl-C and Ctrl-Z signal the foreground job and drop typed-ahead input', async () => {
    const { ed, scr } = await start();
    await scr.keys(ed, 'sleep 9', KEY.enter, 'typed ahead');
    expect(await scr.keys(ed, KEY.ctrl('c'))).toEqual([{ type: 'interrupt' }]);
    expect(await scr.keys(ed, KEY.ctrl('z'))).toEqual([{ type: 'suspend' }]);
    expect(await scr.keys(ed, KEY.ctrl('\\'))).toEqual([{ type: 'quit' }]);
    expect(scr.lines()).toEqual([P + 'sleep 9', '^C^Z^\\']);
    await scr.write('\r\n');
    await scr.apply(ed.prompt(P));
    expect(ed.line).toBe('');
  });

  it('in stdin mode echoes like a cooked tty and delivers whole lines', async () => {
    const { ed, scr } = await start();
    await scr.keys(ed, 'cat', KEY.enter, 'early\r');
    const first = await scr.apply(ed.readStdin());
    expect(first).toEqual([{ type: 'stdin', data: 'early\n' }]);
    await scr.keys(ed, 'helx', KEY.bs, 'lo');
    expect(await scr.keys(ed, KEY.enter)).toEqual([{ type: 'stdin', data: 'hello\n' }]);
    await scr.keys(ed, 'one two', KEY.ctrl('w'));
    expect(await scr.keys(ed, KEY.ctrl('d'))).toEqual([{ type: 'stdin', data: 'one ' }]);
    expect(await scr.keys(ed, KEY.ctrl('d'))).toEqual([{ type: 'stdin-eof' }]);
    ed.endStdin();
    expect(scr.lines()).toEqual([P + 'cat', 'early', 'hello', 'one']);
  });
});

describe('LineEditor: Tab completion', () => {
  const files = ['locks', 'loadavg', 'meminfo', 'mounts'];
  const provider: CompletionProvider = (line, cursor) => {
    const head = line.slice(0, cursor);
    const word = head.slice(head.lastIndexOf(' ') + 1);
    const dir = word.slice(0, word.lastIndexOf('/') + 1);
    const base = word.slice(dir.length);
    const candidates = files.filter((f) => f.startsWith(base));
    let common = candidates[0] ?? '';
    for (const c of candidates) while (!c.startsWith(common)) common = common.slice(0, -1);
    const done = candidates.length === 1 ? common + ' ' : common;
    return { replacement: candidates.length ? head.slice(0, head.length - base.length) + done : undefined, candidates };
  };

  it('completes a single candidate in place, keeping the text after the cursor', async () => {
    const { ed, scr } = await start({ complete: provider });
    await scr.keys(ed, 'cat /proc/me| wc', ...Array(4).fill(KEY.left), KEY.tab);
    expect(ed.line).toBe('cat /proc/meminfo | wc');
    expect(scr.lines()).toEqual([P + 'cat /proc/meminfo | wc']);
    expect(scr.cursor().col).toBe(P.length + 'cat /proc/meminfo '.length);
  });

  it('extends to the common prefix, rings, then lists candidates on the second Tab', async () => {
    const { ed, scr } = await start({ complete: provider });
    await scr.keys(ed, 'cat /proc/l', KEY.tab);
    expect(ed.line).toBe('cat /proc/lo');
    await scr.keys(ed, KEY.tab);
    expect(scr.lines()).toEqual([P + 'cat /proc/lo', 'loadavg  locks', P + 'cat /proc/lo']);
    expect(scr.cursor()).toEqual({ row: 2, col: P.length + 12 });
    await scr.keys(ed, 'c', KEY.tab);
    expect(ed.line).toBe('cat /proc/locks ');
  });

  it('rings once for an ambiguous word and lists only after a second Tab', async () => {
    const { ed, scr } = await start({ complete: provider });
    await scr.keys(ed, 'cat /proc/m', KEY.tab);
    expect(scr.bells).toBe(1);
    expect(scr.lines()).toEqual([P + 'cat /proc/m']);
    await scr.keys(ed, KEY.tab);
    expect(scr.lines()).toEqual([P + 'cat /proc/m', 'meminfo  mounts', P + 'cat /proc/m']);
  });

  it('lays candidates out down the columns on a narrow terminal', async () => {
    const many = Array.from({ length: 7 }, (_, i) => `pid${i}`);
    const { ed, scr } = await start({ cols: 20, complete: () => ({ candidates: many }) });
    await scr.keys(ed, 'k ', KEY.tab, KEY.tab);
    expect(scr.lines().slice(1, 4)).toEqual(['pid0  pid3  pid6', 'pid1  pid4', 'pid2  pid5']);
  });

  it('asks before listing very many candidates', async () => {
    const many = Array.from({ length: 120 }, (_, i) => `c${String(i).padStart(3, '0')}`);
    const { ed, scr } = await start({ complete: () => ({ candidates: many }) });
    await scr.keys(ed, 'x ', KEY.tab, KEY.tab);
    expect(scr.lines().at(-1)).toBe('Display all 120 possibilities? (y or n)');
    await scr.keys(ed, 'q');
    expect(ed.mode).toBe('confirm');
    await scr.keys(ed, 'n');
    expect(scr.lines().slice(-2)).toEqual(['Display all 120 possibilities? (y or n)', P + 'x']);
    await scr.keys(ed, KEY.tab, KEY.tab, 'y');
    expect(scr.lines().at(-1)).toBe(P + 'x');
    expect(scr.lines().join('\n')).toContain('c119');
  });

  it('rings when there is no provider or no candidate', async () => {
    const { ed, scr } = await start();
    await scr.keys(ed, KEY.tab);
    expect(scr.bells).toBe(1);
    expect(ed.line).toBe('');
  });
});

describe('LineEditor: asynchronous output', () => {
  it('hide() and show() let a message print above the line being edited', async () => {
    const { ed, scr } = await start({ cols: 20 });
    await scr.keys(ed, 'abcdefghij', KEY.left);
    await scr.write(ed.hide() + '[1]+  Done\r\n' + ed.show());
    expect(scr.lines()).toEqual(['[1]+  Done', P + 'abcdefghij']);
    await scr.keys(ed, 'X');
    expect(scr.lines()).toEqual(['[1]+  Done', P + 'abcdefghiXj']);
  });
});
