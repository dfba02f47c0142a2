// yes: output a string repeatedly until killed, or until the reader of its pipe goes away
// (the write then fails with EPIPE and the process dies of SIGPIPE, status 141).
import { defineTool } from '../tool';
import { breathe } from './io';

const BUFFER = 8192;

export const yes = defineTool({
  name: 'yes',
  summary: 'output a string repeatedly until killed',
  help: `Usage: yes [STRING]...
  or:  yes OPTION
Repeatedly output a line with all specified STRING(s), or 'y'.

      --help        display this help and exit
`,
  async run(t) {
    const args = t.args[0] === '--' ? t.args.slice(1) : t.args;
    const line = (args.length ? args.join(' ') : 'y') + '\n';
    const chunk = line.repeat(Math.max(1, Math.floor(BUFFER / line.length)));
    for (let n = 1; !t.signal.aborted; n++) {
      await t.out(chunk);
      if (n % 64 === 0) await breathe(t);
    }
    return 130;
  },
});
