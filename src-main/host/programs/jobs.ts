// Timer jobs of kernel.md §6: `logrotate-sim` truncates (or punches) a file the way coreutils
// truncate(1) does, `backup-sim` reflinks a file and writes into the copy (a copy-on-write, so a
// layout change: seed 001 "Truncate is a red herring"). Both log their failures to stderr and
// append them to a log file, so a blocked job shows up by itself.
import type { ProgramContext, ProgramDef, OptionSpec } from './program';
import { count, startWith, usageFailure } from './program';
import * as F from '../abi/fcntl';
import { NS_PER_SEC } from '../sim/clock';

/** The job's common shape: options, a log, and a tick every --every seconds (the first one too). */
function job(ctx: ProgramContext, def: ProgramDef, spec: OptionSpec, fallback: string | undefined, tick: (file: string, opts: Map<string, string>, record: (line: string) => void, done: () => void) => void): void {
  const a = startWith(ctx, def, spec);
  if (!a) return;
  const every = count(ctx, a.opts, 'every', 60, 1);
  if (every === null) return;
  if (a.rest.length > 1) return void usageFailure(ctx, `extra operand '${a.rest[1]}'`);
  const file = a.rest[0] ?? a.opts.get('file') ?? fallback;
  if (file === undefined) return void usageFailure(ctx, 'missing FILE operand');
  const logPath = a.opts.get('log') ?? `/var/log/${ctx.name}.log`;
  const record = (line: string): void => {
    ctx.say(line);
    const o = ctx.sys.open(logPath, F.O_WRONLY | F.O_CREAT | F.O_APPEND, 0o644);
    if (!o.ok) return;
    ctx.sys.write(o.value, `${ctx.name}[${ctx.pid}]: ${line}\n`);
    ctx.sys.close(o.value);
  };
  const schedule = (): void => {
    ctx.idle('do_nanosleep');
    ctx.after(every * NS_PER_SEC, () => tick(file, a.opts, record, schedule));
  };
  schedule();
}

const q = (path: string): string => `'${path.replace(/'/g, `'\\''`)}'`;

function rotate(ctx: ProgramContext) {
  return (file: string, opts: Map<string, string>, record: (line: string) => void, done: () => void): void => {
    const size = Number(opts.get('size') ?? 0);
    const punch = opts.has('punch');
    ctx.then(ctx.sys.open(file, F.O_WRONLY | F.O_CREAT | F.O_NONBLOCK, 0o644), (o) => {
      if (!o.ok) {
        record(`cannot open ${q(file)} for writing: ${ctx.errText(o)}`);
        return done();
      }
      const fd = o.value;
      const st = ctx.sys.fstat(fd);
      const len = Math.max(1, st.ok ? st.value.size : 1);
      const change = punch ? ctx.sys.fallocate(fd, F.FALLOC_FL_PUNCH_HOLE | F.FALLOC_FL_KEEP_SIZE, 0, len) : ctx.sys.ftruncate(fd, size);
      ctx.then(change, (r) => {
        if (!r.ok) record(punch ? `fallocate failed: ${ctx.errText(r)}` : `failed to truncate ${q(file)} at ${size} bytes: ${ctx.errText(r)}`);
        ctx.sys.close(fd);
        done();
      });
    });
  };
}

const ROTATE_SPEC: OptionSpec = { values: ['every', 'size', 'log', 'file'], switches: ['punch'] };

export const logrotateSim: ProgramDef = {
  name: 'logrotate-sim',
  summary: 'simulated log rotation: truncates a file on a timer and logs failures',
  usage: `Usage: logrotate-sim [--every=SECONDS] [--size=BYTES] [--punch]
                     [--log=PATH] [FILE]
Every SECONDS (default 60), truncate FILE (default /var/log/app.log) to
BYTES (default 0) as truncate(1) does (open with O_NONBLOCK, then
ftruncate) or, with --punch, punch a hole over its whole length. Each
failure is logged to stderr and appended to the log file (default
/var/log/logrotate-sim.log).

      --help          display this help and exit
`,
  main: (ctx) => job(ctx, logrotateSim, ROTATE_SPEC, '/var/log/app.log', rotate(ctx)),
};

function backup(ctx: ProgramContext) {
  return (file: string, opts: Map<string, string>, record: (line: string) => void, done: () => void): void => {
    const dest = opts.get('to') ?? `${file}.bak`;
    ctx.then(ctx.sys.open(file, F.O_RDONLY), (src) => {
      if (!src.ok) {
        record(`cannot open ${q(file)} for reading: ${ctx.errText(src)}`);
        return done();
      }
      ctx.then(ctx.sys.open(dest, F.O_WRONLY | F.O_CREAT | F.O_TRUNC, 0o644), (d) => {
        if (!d.ok) {
          record(`cannot create regular file ${q(dest)}: ${ctx.errText(d)}`);
          ctx.sys.close(src.value);
          return done();
        }
        const finish = (): void => {
          ctx.sys.close(d.value);
          ctx.sys.close(src.value);
          done();
        };
        ctx.then(ctx.sys.ficlone(d.value, src.value), (c) => {
          if (!c.ok) {
            record(`failed to clone ${q(dest)} from ${q(file)}: ${ctx.errText(c)}`);
            return finish();
          }
          // The copy shares every block with FILE: this write moves one (copy-on-write).
          ctx.then(ctx.sys.pwrite(d.value, `backup of ${file}\n`, 0), (w) => {
            if (!w.ok) record(`error writing ${q(dest)}: ${ctx.errText(w)}`);
            finish();
          });
        });
      });
    });
  };
}

const BACKUP_SPEC: OptionSpec = { values: ['every', 'to', 'log', 'file'], switches: [] };

export const backupSim: ProgramDef = {
  name: 'backup-sim',
  summary: 'simulated backup: reflinks a file and writes into the copy on a timer',
  usage: `Usage: backup-sim [--every=SECONDS] [--to=PATH] [--log=PATH] FILE
Every SECONDS (default 60), copy FILE to PATH (default FILE.bak) by
reflink (ioctl FICLONE, as cp --reflink=always does), then write a
header into the copy, which moves a shared block: a copy-on-write, so a
layout change. Each failure is logged to stderr and appended to the log
file (default /var/log/backup-sim.log).

      --help          display this help and exit
`,
  main: (ctx) => job(ctx, backupSim, BACKUP_SPEC, undefined, backup(ctx)),
};

/** Old names kept working for scripts written against them. */
export function alias(def: ProgramDef, name: string): ProgramDef {
  return { ...def, name, summary: `old name of ${def.name}: ${def.summary}` };
}
