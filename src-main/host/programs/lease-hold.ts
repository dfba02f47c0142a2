// `lease-hold` and `db-sim`: processes that hold a lease and answer its break (kernel.md §6's
// database) — by releasing it, by ignoring SIGIO (the kernel then revokes the lease after
// fs.lease-break-time), or by having no handler at all and dying of SIGIO ("I/O possible").
import type { ProgramContext, ProgramDef, OptionSpec } from './program';
import { choice, startWith, usageFailure } from './program';
import * as F from '../abi/fcntl';

const TYPES = {
  read: { arg: F.F_RDLCK, text: 'F_RDLCK', flags: F.O_RDONLY },
  write: { arg: F.F_WRLCK, text: 'F_WRLCK', flags: F.O_RDWR },
  layout: { arg: F.F_RDLCK | F.F_LAYOUT, text: 'F_RDLCK|F_LAYOUT', flags: F.O_RDONLY },
  exclusive: { arg: F.F_RDLCK | F.F_LAYOUT | F.F_EXCLUSIVE, text: 'F_RDLCK|F_LAYOUT|F_EXCLUSIVE', flags: F.O_RDONLY },
} as const;
type LeaseType = keyof typeof TYPES;
type OnSigio = 'release' | 'ignore' | 'default';

/** Opens `file`, takes the lease and holds it; SIGIO is answered as `onSigio` says. */
function hold(ctx: ProgramContext, file: string, type: LeaseType, onSigio: OnSigio, flags: number = TYPES[type].flags): void {
  const t = TYPES[type];
  // The open itself may wait: opening breaks a conflicting lease someone else holds.
  ctx.then(ctx.sys.open(file, flags), (o) => {
    if (!o.ok) {
      ctx.say(`open ${file}: ${ctx.errText(o)}`);
      return ctx.exit(1);
    }
    const fd = o.value;
    const l = ctx.sys.fcntl(fd, F.F_SETLEASE, t.arg);
    if (!l.ok) {
      ctx.say(`F_SETLEASE ${t.text} on ${file}: ${ctx.errText(l)}`);
      return ctx.exit(1);
    }
    ctx.say(`F_SETLEASE ${t.text} on ${file} (fd ${fd}): ok; holding it`);
    if (onSigio === 'release') {
      ctx.on('SIGIO', () => {
        const u = ctx.sys.fcntl(fd, F.F_SETLEASE, F.F_UNLCK);
        ctx.say(`SIGIO: lease broken; F_SETLEASE F_UNLCK: ${u.ok ? 'ok' : ctx.errText(u)}`);
      });
    } else if (onSigio === 'ignore') {
      ctx.on('SIGIO', 'ignore');
    }
    ctx.idle('do_sigtimedwait');
  });
}

function fileOperand(ctx: ProgramContext, rest: string[], opts: Map<string, string>, fallback?: string): string | null {
  if (rest.length > 1) return usageFailure(ctx, `extra operand '${rest[1]}'`);
  const file = rest[0] ?? opts.get('file') ?? fallback;
  return file ?? usageFailure(ctx, 'missing FILE operand');
}

const SIGIO_CHOICES = ['release', 'ignore', 'default'] as const;
const SIGIO_ALIASES = { die: 'default' } as const;

const LEASE_HOLD_SPEC: OptionSpec = { values: ['type', 'on-sigio', 'file'], switches: [] };

export const leaseHold: ProgramDef = {
  name: 'lease-hold',
  summary: 'takes a lease on a file with fcntl(F_SETLEASE) and holds it until killed',
  usage: `Usage: lease-hold [--type=read|write|layout|exclusive]
                  [--on-sigio=release|ignore|default] FILE
Open FILE (read-only, or read-write for a write lease), take a lease on
it with fcntl(F_SETLEASE) and hold it until killed. Failures are
reported with the error text and exit status 1.

  --type=TYPE         read (F_RDLCK, the default), write (F_WRLCK),
                      layout (F_LAYOUT, breakable) or exclusive
                      (F_LAYOUT|F_EXCLUSIVE)
  --on-sigio=ACTION   when the lease is broken (SIGIO): release it with
                      F_UNLCK (the default), ignore the signal (the
                      kernel revokes the lease after
                      fs.lease-break-time), or default (no handler: the
                      process dies of SIGIO)
      --help          display this help and exit
`,
  main: (ctx) => {
    const a = startWith(ctx, leaseHold, LEASE_HOLD_SPEC);
    if (!a) return;
    const type = choice(ctx, a.opts, 'type', ['read', 'write', 'layout', 'exclusive'] as const);
    const onSigio = type && choice(ctx, a.opts, 'on-sigio', SIGIO_CHOICES, SIGIO_ALIASES);
    // The old `lease-holder` name defaulted to the application log.
    const file = onSigio && fileOperand(ctx, a.rest, a.opts, ctx.name === 'lease-holder' ? '/var/log/app.log' : undefined);
    if (type && onSigio && file) hold(ctx, file, type, onSigio);
  },
};

const DB_SPEC: OptionSpec = { values: ['on-sigio'], switches: [] };

export const dbSim: ProgramDef = {
  name: 'db-sim',
  summary: 'simulated database: holds a breakable layout lease and answers SIGIO',
  usage: `Usage: db-sim [--on-sigio=release|ignore|default] FILE
Open FILE read-write and hold a breakable layout lease on it (F_LAYOUT
without F_EXCLUSIVE), as a database that must hear of layout changes
does. A truncate, hole punch or copy-on-write of FILE breaks the lease:
the kernel sends SIGIO and waits up to fs.lease-break-time for it to go.

  --on-sigio=ACTION   release the lease at once (the default), ignore
                      the signal (the kernel revokes the lease when the
                      time runs out), or default (no handler: the
                      process dies of SIGIO)
      --help          display this help and exit
`,
  main: (ctx) => {
    const a = startWith(ctx, dbSim, DB_SPEC);
    if (!a) return;
    const onSigio = choice(ctx, a.opts, 'on-sigio', SIGIO_CHOICES, SIGIO_ALIASES);
    const file = onSigio && fileOperand(ctx, a.rest, a.opts);
    if (onSigio && file) hold(ctx, file, 'layout', onSigio, F.O_RDWR);
  },
};
