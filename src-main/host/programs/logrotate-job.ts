// `logrotate-job`: truncates a file on a timer the way coreutils truncate(1) does (open
// O_WRONLY|O_CREAT|O_NONBLOCK, then ftruncate) and appends its failures, in truncate's words, to
// a log file — so a blocked rotation shows up by itself (kernel.md §6).
import type { ProgramContext, ProgramDef } from './program';
import { parseArgs } from './program';
import * as F from '../abi/fcntl';
import { NS_PER_SEC } from '../sim/clock';

function main(ctx: ProgramContext): void {
  const { opts } = parseArgs(ctx.argv);
  const file = opts.get('file') ?? '/var/log/app.log';
  const every = Math.max(1, Number(opts.get('every') ?? 60)) * NS_PER_SEC;
  const size = Number(opts.get('size') ?? 0);
  const logPath = opts.get('log') ?? '/var/log/logrotate-job.log';
  const punch = opts.has('punch');

  const record = (line: string): void => {
    ctx.log(line);
    const o = ctx.sys.open(logPath, F.O_WRONLY | F.O_CREAT | F.O_APPEND, 0o644);
    if (!o.ok) return;
    ctx.sys.write(o.value, `${line}\n`);
    ctx.sys.close(o.value);
  };

  const schedule = (): void => {
    ctx.idle('do_nanosleep');
    ctx.after(every, tick);
  };

  const tick = (): void => {
    ctx.then(ctx.sys.open(file, F.O_WRONLY | F.O_CREAT | F.O_NONBLOCK, 0o644), (o) => {
      if (!o.ok) {
        record(`logrotate-job: cannot open '${file}' for writing: ${ctx.errText(o)}`);
        return schedule();
      }
      const fd = o.value;
      const op = punch ? ctx.sys.fstat(fd) : null;
      const change = punch
        ? ctx.sys.fallocate(fd, F.FALLOC_FL_PUNCH_HOLE | F.FALLOC_FL_KEEP_SIZE, 0, Math.max(1, op?.ok ? op.value.size : 1))
        : ctx.sys.ftruncate(fd, size);
      ctx.then(change, (r) => {
        if (!r.ok) record(punch ? `logrotate-job: fallocate failed: ${ctx.errText(r)}` : `logrotate-job: failed to truncate '${file}' at ${size} bytes: ${ctx.errText(r)}`);
        ctx.sys.close(fd);
        schedule();
      });
    });
  };
  schedule();
}

export const logrotateJob: ProgramDef = {
  name: 'logrotate-job',
  summary: 'truncates a file every N seconds and logs failures like truncate(1)',
  usage: 'logrotate-job [--file PATH] [--every SECONDS] [--size BYTES] [--punch] [--log PATH]',
  main,
};
