// Tab completion over a shell: commands, paths, variables, pids, and the line editor using it.
import { describe, expect, it } from 'vitest';
import { createCompleter } from '../../../src-main/shell/completion';
import { ShellInterpreter } from '../../../src-main/shell/interpreter';
import { LineEditor } from '../../../src-main/shell/line-editor';
import { MemoryFs } from '../../../src-main/shell/memory-fs';
import { KEY, Screen } from './screen';

function setup() {
  const fs = new MemoryFs({ '/proc/locks': '', '/proc/loadavg': '', '/proc/meminfo': '', '/root/my file.txt': '', '/root/.bashrc': '' });
  for (const d of ['/proc/100', '/proc/12', '/proc/self', '/mnt/pmem']) fs.mkdirp(d);
  const sh = new ShellInterpreter({ fs, host: { now: () => 0, randomSeed: () => 1, pid: 2, ppid: 1 }, env: { HOME: '/root' } });
  const complete = createCompleter(sh, { commandNames: () => ['rdma-app', 'ls', 'lsof', 'lslocks'] });
  return { sh, complete };
}

describe('createCompleter', () => {
  it('completes command names in command position, after pipes and separators too', () => {
    const { complete } = setup();
    expect(complete('rdm', 3)).toEqual({ replacement: 'rdma-app ', candidates: ['rdma-app'] });
    expect(complete('ls', 2).candidates).toEqual(['ls', 'lslocks', 'lsof']);
    expect(complete('cat /proc/locks | lso', 21).replacement).toBe('cat /proc/locks | lsof ');
    expect(complete('true; ech', 9).replacement).toBe('true; echo ');
  });

  it('completes paths: directories end in a slash, files in a space', () => {
    const { complete } = setup();
    expect(complete('cat /pr', 7).replacement).toBe('cat /proc/');
    expect(complete('cat /proc/me', 12)).toEqual({ replacement: 'cat /proc/meminfo ', candidates: ['meminfo'] });
    const lo = complete('cat /proc/lo', 12);
    expect(lo.replacement).toBeUndefined();
    expect(lo.candidates).toEqual(['loadavg', 'locks']);
    expect(complete('ls /mnt/p', 9).replacement).toBe('ls /mnt/pmem/');
  });

  it('escapes special characters, hides dotfiles unless asked, and knows ~', () => {
    const { complete } = setup();
    expect(complete('cat my', 6).replacement).toBe('cat my\\ file.txt ');
    expect(complete('cat ~/.b', 8).replacement).toBe('cat ~/.bashrc ');
    expect(complete('cat ', 4).candidates).toEqual(['my file.txt']);
  });

  it('completes $variables and the pids of kill', () => {
    const { complete } = setup();
    expect(complete('echo $HOM', 9).replacement).toBe('echo $HOME ');
    expect(complete('echo $HO', 8).candidates).toEqual(['$HOME', '$HOSTTYPE']);
    expect(complete('kill -9 1', 9).candidates).toEqual(['12', '100']);
  });

  it('drives the line editor: Tab completes on screen', async () => {
    const { complete } = setup();
    const scr = new Screen();
    const ed = new LineEditor({ complete });
    await scr.apply(ed.prompt('# '));
    await scr.keys(ed, 'cat /pr', KEY.tab, 'me', KEY.tab);
    expect(scr.lines()).toEqual(['# cat /proc/meminfo']);
    expect(ed.line).toBe('cat /proc/meminfo ');
  });
});
