// `why FILE`: pinsim's own answer to "why is my truncate failing?" — the chain from the file to
// its leases, pins, MRs, RDMA contexts, fds and processes, the design in force, and the ways out.
// It reads kernel state the way the console's Why? panel does (no procfs file models the chain).
import { explainPath, renderExplanation } from '../../host';
import { defineTool } from '../tool';
import { complain, quoteaf, strerror, usageError } from '../common';

export const why = defineTool({
  name: 'why',
  summary: 'explain why a truncate or hole punch of a file fails or hangs',
  help: `Usage: why FILE...
Explain what a truncate or hole punch of each FILE would meet now, and
why: the file and its filesystem (DAX or page cache), the design in
force, the leases on it (as /proc/locks numbers them), the pinned pages,
the memory regions (MRs) and RDMA contexts that pin them, the processes
and file descriptors that hold those, and the ways out, including what
killing a given process would not fix.

      --help     display this help and exit

Exit status: 0 if every FILE was explained, 1 on a usage error, 2 if a
FILE could not be looked up.
`,
  async run(t) {
    const files: string[] = [];
    for (const a of t.args) {
      if (a.startsWith('-') && a !== '-' && files.length === 0) return usageError(t, a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a.slice(1, 2)}'`);
      files.push(a);
    }
    if (files.length === 0) return usageError(t, 'missing file operand');
    let status = 0;
    let printed = 0;
    for (const f of files) {
      const r = explainPath(t.host, t.pid, f);
      if (!r.ok) {
        status = await complain(t, `cannot access ${quoteaf(f)}: ${strerror(r.errno)}`, 2);
        continue;
      }
      await t.out((printed++ > 0 ? '\n' : '') + renderExplanation(r.value));
    }
    return status;
  },
});
