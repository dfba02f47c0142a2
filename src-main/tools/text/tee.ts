// tee: read from standard input and write to standard output and files (GNU coreutils 9.1).
import { defineTool } from '../tool';
import { strerror, usageError } from '../common';
import { openWrite, writeAll } from './io';
import { parseOpts } from './opts';

const HELP = `Usage: tee [OPTION]... [FILE]...
Copy standard input to each FILE, and also to standard output.

  -a, --append              append to the given FILEs, do not overwrite
  -i, --ignore-interrupts   ignore interrupt signals
  -p                        operate in a more appropriate MODE with pipes.
      --help        display this help and exit
`;

export const tee = defineTool({
  name: 'tee',
  summary: 'read from standard input and write to standard output and files',
  help: HELP,
  async run(t) {
    const p = parseOpts(t.args, { short: 'aip', long: { append: ['a'], 'ignore-interrupts': ['i'], 'output-error': ['p', 'optional'] } });
    if (!p.ok) return usageError(t, p.message);
    const append = p.opts.some(([k]) => k === 'a');
    let status = 0;
    const fds: { name: string; fd: number }[] = [];
    for (const f of p.operands) {
      if (f === '-') continue;
      const o = await openWrite(t, f, append);
      if (!o.ok) {
        await t.err(`tee: ${f}: ${strerror(o.errno)}\n`);
        status = 1;
        continue;
      }
      fds.push({ name: f, fd: o.fd });
    }
    try {
      for (let c = await t.stdin.read(); c !== null; c = await t.stdin.read()) {
        for (const f of [...fds]) {
          const err = await writeAll(t, f.fd, c);
          if (err) {
            await t.err(`tee: ${f.name}: ${strerror(err)}\n`);
            status = 1;
            fds.splice(fds.indexOf(f), 1);
          }
        }
        await t.out(c);
      }
    } finally {
      for (const f of fds) await t.settle(t.sys.close(f.fd));
    }
    return status;
  },
});
