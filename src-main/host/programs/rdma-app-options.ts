// rdma-app's command line: its options, usage text and the validated configuration a run uses.
import type { ProgramContext, OptionSpec } from './program';
import { choice, count, startWith, usageFailure } from './program';
import * as F from '../abi/fcntl';

export const LEASES = {
  exclusive: { arg: F.F_RDLCK | F.F_LAYOUT | F.F_EXCLUSIVE, text: 'F_RDLCK|F_LAYOUT|F_EXCLUSIVE' },
  layout: { arg: F.F_RDLCK | F.F_LAYOUT, text: 'F_RDLCK|F_LAYOUT' },
  read: { arg: F.F_RDLCK, text: 'F_RDLCK' },
  none: null,
} as const;
export type LeaseKind = keyof typeof LEASES;

const SPEC: OptionSpec = {
  values: ['lease', 'pages', 'offset', 'mrs', 'on-term', 'on-sigio', 'file'],
  switches: ['odp', 'map-direct', 'close-after-pin', 'unmap-after-pin', 'unlock-after-pin', 'truncate-after-pin', 'fork-helper', 'handoff', 'ignore-term'],
};

export const USAGE = `Usage: rdma-app [--lease=exclusive|layout|read|none] [--pages=N]
                [--offset=N] [--mrs=N] [--odp] [--map-direct]
                [--close-after-pin] [--unmap-after-pin] [--unlock-after-pin]
                [--truncate-after-pin] [--fork-helper] [--handoff]
                [--on-term=cleanup|ignore|exit]
                [--on-sigio=release|ignore] FILE
Open FILE, take a lease on it, map it, register RDMA memory regions
(MRs) over the mapping and serve until killed. Each step is logged to
stderr as 'rdma-app[PID]: ...'; when a step fails, its error is logged
and the program exits with status 1.

  --lease=KIND          lease taken before pinning: exclusive
                        (F_LAYOUT|F_EXCLUSIVE, the default), layout
                        (breakable), read (classic) or none; a
                        character device such as /dev/dax2.0 gets none
  --pages=N             pages to map and register (default 256)
  --offset=N            first page of FILE to map (default 0)
  --mrs=N               split the pages over N memory regions (default 1)
  --odp                 on-demand-paging MRs: no pages pinned
  --map-direct          map with MAP_DIRECT (block map sealed while
                        mapped)
  --close-after-pin     close FILE once its pages are pinned
  --unmap-after-pin     unmap FILE once its pages are pinned
  --unlock-after-pin    release the lease (F_UNLCK) once pinned, log the result
  --truncate-after-pin  truncate FILE to 0 once pinned, log the result
  --fork-helper         fork a helper child that shares the RDMA context
  --handoff             pass the RDMA context to an rdma-keeper process
                        by SCM_RIGHTS, then exit
  --on-term=ACTION      on SIGTERM: cleanup (deregister, close, unlock,
                        exit 0; the default), ignore, or exit (at once,
                        no cleanup)
  --on-sigio=ACTION     on SIGIO (lease break): release (deregister the
                        MRs and unlock; the default) or ignore
      --help            display this help and exit
`;

export interface Config {
  file: string;
  lease: LeaseKind;
  pages: number;
  offset: number;
  mrs: number;
  odp: boolean;
  onTerm: 'cleanup' | 'ignore' | 'exit';
  onSigio: 'release' | 'ignore';
  has(flag: string): boolean;
}

export function parse(ctx: ProgramContext): Config | null {
  const a = startWith(ctx, { usage: USAGE }, SPEC);
  if (!a) return null;
  const { opts, rest } = a;
  const lease = choice(ctx, opts, 'lease', ['exclusive', 'layout', 'read', 'none'] as const);
  if (!lease) return null;
  const pages = count(ctx, opts, 'pages', 256, 1);
  if (!pages) return null;
  const offset = count(ctx, opts, 'offset', 0);
  if (offset === null) return null;
  const mrs = count(ctx, opts, 'mrs', 1, 1);
  if (!mrs) return null;
  const onTerm = opts.has('ignore-term') ? 'ignore' : choice(ctx, opts, 'on-term', ['cleanup', 'ignore', 'exit'] as const);
  if (!onTerm) return null;
  const onSigio = choice(ctx, opts, 'on-sigio', ['release', 'ignore'] as const);
  if (!onSigio) return null;
  if (rest.length > 1) return usageFailure(ctx, `extra operand '${rest[1]}'`);
  const file = rest[0] ?? opts.get('file');
  if (file === undefined) return usageFailure(ctx, 'missing FILE operand');
  return { file, lease, pages, offset, mrs: Math.min(mrs, pages), odp: opts.has('odp'), onTerm, onSigio, has: (f) => opts.has(f) };
}
