// `lease-holder`: kernel.md §6's database that holds a breakable lease and answers SIGIO — by
// releasing it, by ignoring the signal (the kernel then revokes the lease after
// fs.lease-break-time), or by dying of it (no handler: "I/O possible").
import type { ProgramContext, ProgramDef } from './program';
import { parseArgs } from './program';
import * as F from '../abi/fcntl';

const TYPES: Record<string, { arg: number; flags: number }> = {
  read: { arg: F.F_RDLCK, flags: F.O_RDONLY },
  write: { arg: F.F_WRLCK, flags: F.O_RDONLY },
  layout: { arg: F.F_RDLCK | F.F_LAYOUT, flags: F.O_RDWR },
};

function main(ctx: ProgramContext): void {
  const { opts } = parseArgs(ctx.argv);
  const file = opts.get('file') ?? '/var/log/app.log';
  const type = TYPES[opts.get('type') ?? 'read'] ?? TYPES.read!;
  const onSigio = opts.get('on-sigio') ?? 'release';
  const o = ctx.sys.open(file, type.flags);
  if (!o.ok) {
    ctx.log(`lease-holder: open ${file}: ${o.pending ? 'interrupted' : ctx.errText(o)}`);
    return ctx.exit(1);
  }
  const fd = o.value;
  const l = ctx.sys.fcntl(fd, F.F_SETLEASE, type.arg);
  if (!l.ok) {
    ctx.log(`lease-holder: F_SETLEASE: ${ctx.errText(l)}`);
    return ctx.exit(1);
  }
  if (onSigio === 'release') ctx.on('SIGIO', () => void ctx.sys.fcntl(fd, F.F_SETLEASE, F.F_UNLCK));
  else if (onSigio === 'ignore') ctx.on('SIGIO', 'ignore');
  ctx.on('SIGTERM', () => ctx.exit(0));
  ctx.idle('do_sigtimedwait');
}

export const leaseHolder: ProgramDef = {
  name: 'lease-holder',
  summary: 'holds a read, write or layout lease and answers SIGIO (release, ignore, or die)',
  usage: 'lease-holder [--file PATH] [--type read|write|layout] [--on-sigio release|ignore|die]',
  main,
};
