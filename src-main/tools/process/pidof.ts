// pidof(8) from Debian's sysvinit-utils: the pids of the processes running the named programs,
// newest first on one line; -s only one, -o PID (or %PPID) left out. Matched against the name
// the program runs as (comm) and the base name of its argv[0].
import { defineTool } from '../tool';
import { readTasks } from './procps';

export const pidof = defineTool({
  name: 'pidof',
  summary: 'find the process ID of a running program',
  help: `Usage: pidof [-s] [-c] [-n] [-x] [-z] [-o omitpid[,omitpid...]] [-o omitpid[,omitpid...]...] [-d sep] program [program...]
`,
  async run(t) {
    let single = false;
    let sep = ' ';
    const omit = new Set<number>([t.pid]);
    const names: string[] = [];
    const args = [...t.args];
    while (args.length > 0) {
      const a = args.shift()!;
      if (a === '-s') single = true;
      else if (a === '-c' || a === '-n' || a === '-x' || a === '-z' || a === '-q') continue;
      else if (a === '-o' || a === '-d') {
        const v = args.shift();
        if (v === undefined) {
          await t.err(`pidof: option requires an argument -- '${a[1]}'\n`);
          return 1;
        }
        if (a === '-d') sep = v;
        else for (const p of v.split(',')) omit.add(p === '%PPID' ? (t.host.kernel.proc(t.pid)?.ppid ?? 0) : Number(p));
      } else if (a.startsWith('-') && a.length > 1) {
        await t.err(`pidof: invalid options on command line!\n\n`);
        return 1;
      } else names.push(a);
    }
    const base = (s: string) => s.slice(s.lastIndexOf('/') + 1);
    const wanted = new Set(names.map(base));
    const pids: number[] = [];
    for (const task of await readTasks(t)) {
      if (omit.has(task.pid) || task.state === 'Z') continue;
      if (wanted.has(task.comm) || (task.argv[0] !== undefined && wanted.has(base(task.argv[0])))) pids.push(task.pid);
    }
    pids.sort((a, b) => b - a);
    if (pids.length === 0) return 1;
    await t.out(`${(single ? pids.slice(0, 1) : pids).join(sep)}\n`);
    return 0;
  },
});
