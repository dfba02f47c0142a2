// A whole terminal (editor + interpreter) driven by keystrokes, checked on a headless screen.
import { describe, expect, it } from 'vitest';
import { MemoryFs } from '../../../src-main/shell/memory-fs';
import { TerminalShell } from '../../../src-main/shell/terminal-shell';
import type { ShellCommand } from '../../../src-main/shell/types';
import { KEY, Screen } from './screen';

const P = 'root@pinsim:~# ';

function open(commands: Record<string, ShellCommand> = {}) {
  const scr = new Screen(80, 30);
  let chain = Promise.resolve();
  const exits: number[] = [];
  const term = new TerminalShell({
    fs: new MemoryFs(),
    host: { now: () => 0, randomSeed: () => 1, pid: 900, ppid: 1 },
    env: { HOME: '/root', USER: 'root', HOSTNAME: 'pinsim', PATH: '/usr/bin:/bin' },
    commands,
    write: (d) => (chain = chain.then(() => scr.write(d))),
    onExit: (s) => exits.push(s),
  });
  const type = async (...keys: string[]): Promise<void> => {
    for (const k of keys) {
      term.input(k);
      await new Promise((r) => setTimeout(r, 0));
      await term.idle();
    }
    await chain;
  };
  term.start();
  return { scr, term, type, exits, settle: () => chain };
}

describe('TerminalShell: a terminal as an admin sees it', () => {
  it('runs a typed line and shows its output and the next prompt', async () => {
    const { scr, type } = open();
    await type('echo hi', KEY.enter, 'cd /tmp', KEY.enter);
    expect(scr.lines()).toEqual([P + 'echo hi', 'hi', P + 'cd /tmp', 'root@pinsim:/tmp#']);
  });

  it('shows bash errors and keeps $? for the next line', async () => {
    const { scr, type } = open();
    await type('nosuch', KEY.enter, 'echo $?', KEY.enter);
    expect(scr.lines()).toEqual([P + 'nosuch', 'bash: nosuch: command not found', P + 'echo $?', '127', P.trimEnd()]);
  });

  it('continues an unfinished command with PS2 and records it as one history entry', async () => {
    const { scr, term, type } = open();
    await type('for i in 1 2', KEY.enter, 'do echo $i', KEY.enter, 'done', KEY.enter);
    expect(scr.lines()).toEqual([P + 'for i in 1 2', '> do echo $i', '> done', '1', '2', P.trimEnd()]);
    expect(term.editor.history.entries().map((e) => e.line)).toEqual(['for i in 1 2; do echo $i; done']);
  });

  it('Ctrl-C interrupts a running command and returns to the prompt with $? 130', async () => {
    const hang: ShellCommand = (ctx) => new Promise((r) => ctx.signal.addEventListener('abort', () => r(130)));
    const { scr, type, term } = open({ hang });
    term.input('hang\r');
    await new Promise((r) => setTimeout(r, 5));
    await type(KEY.ctrl('c'), 'echo $?', KEY.enter);
    expect(scr.lines()).toEqual([P + 'hang', '^C', P + 'echo $?', '130', P.trimEnd()]);
  });

  it('a program reading the terminal gets the typed lines, and Ctrl-D ends its input', async () => {
    const cat: ShellCommand = async (ctx) => {
      for (let d = await ctx.stdin.read(); d !== null; d = await ctx.stdin.read()) await ctx.stdout.write(d);
      return 0;
    };
    const { scr, term, settle } = open({ cat });
    const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 2));
    term.input('cat\r');
    await tick();
    term.input('hello\r');
    await tick();
    term.input(KEY.ctrl('d'));
    await term.idle();
    await settle();
    expect(scr.lines()).toEqual([P + 'cat', 'hello', 'hello', P.trimEnd()]);
  });

  it('exit and Ctrl-D close the terminal with the status', async () => {
    const a = open();
    await a.type('exit 4', KEY.enter);
    expect(a.exits).toEqual([4]);
    expect(a.scr.lines()).toEqual([P + 'exit 4', 'exit']);
    const b = open();
    await b.type('false', KEY.enter, KEY.ctrl('d'));
    expect(b.exits).toEqual([1]);
    expect(b.scr.lines()).toEqual([P + 'false', P + 'exit']);
  });

  it('pasted lines run one after another', async () => {
    const { scr, type } = open();
    await type('echo a\recho b\r');
    expect(scr.lines()).toEqual([P + 'echo a', 'a', P + 'echo b', 'b', P.trimEnd()]);
  });
});
