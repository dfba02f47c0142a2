// `rdma-app`: the RDMA server of kernel.md §6 — opens a file, takes a lease, maps it, registers
// MRs over the mapping and serves; options reproduce the seeds' scenarios (zombie lease after
// close, fork-shared context, SCM_RIGHTS hand-off, ignoring SIGTERM).
import type { ProgramContext, ProgramDef, ProgramMain } from './program';
import { parseArgs } from './program';
import * as F from '../abi/fcntl';
import { fail, type Blocking } from '../sim/result';

const LEASE_ARGS: Record<string, number | null> = {
  exclusive: F.F_RDLCK | F.F_LAYOUT | F.F_EXCLUSIVE,
  layout: F.F_RDLCK | F.F_LAYOUT,
  read: F.F_RDLCK,
  write: F.F_WRLCK,
  none: null,
};

export const RDMA_APP_USAGE =
  'rdma-app [--file PATH] [--lease exclusive|layout|read|write|none] [--pages N] [--offset PAGES] [--mrs N] [--odp] [--map-sync] ' +
  '[--close-after-pin] [--unmap-after-pin] [--fork-helper] [--handoff] [--ignore-term]';

/** The SCM_RIGHTS receiver: polls its socket until the context arrives, then holds it. */
function keeper(sock: number, other: number): ProgramMain {
  return (ctx) => {
    ctx.sys.close(other);
    ctx.idle('unix_stream_read_generic');
    const poll = (): void => {
      const r = ctx.sys.recvmsg(sock);
      if (r.ok && r.value.fds.length > 0) {
        ctx.idle('ep_poll');
        return;
      }
      if (!r.ok && r.errno !== 'EAGAIN') return;
      ctx.after(1_000_000, poll);
    };
    ctx.after(0, poll);
  };
}

const helper: ProgramMain = (ctx) => ctx.idle('ep_poll');

function main(ctx: ProgramContext): void {
  const { opts } = parseArgs(ctx.argv);
  const name = 'rdma-app';
  const file = opts.get('file') ?? '/mnt/pmem/foo';
  const devdax = file.startsWith('/dev/');
  const leaseKind = opts.get('lease') ?? (devdax ? 'none' : 'exclusive');
  const leaseArg = LEASE_ARGS[leaseKind];
  const pages = Math.max(1, Number(opts.get('pages') ?? 256));
  const offset = Number(opts.get('offset') ?? 0) * F.PAGE_SIZE;
  const nMrs = Math.max(1, Math.min(pages, Number(opts.get('mrs') ?? 1)));
  const odp = opts.has('odp');
  const readOnly = leaseKind === 'read';
  const state = { dataFd: -1, ctxFd: -1, pd: -1, addr: -1, mrs: [] as number[], leased: false, sock: -1 };
  const length = pages * F.PAGE_SIZE;

  const die = (what: string, r: Blocking<unknown>): void => {
    ctx.log(`${name}: ${what}: ${ctx.errText(r)}`);
    ctx.exit(1);
  };

  const release = (): void => {
    for (const mr of state.mrs) ctx.sys.ibv_dereg_mr(state.ctxFd, mr);
    state.mrs = [];
    if (state.ctxFd >= 0) ctx.sys.ibv_close_device(state.ctxFd);
    if (state.addr >= 0) ctx.sys.munmap(state.addr, length);
    if (state.leased && state.dataFd >= 0) {
      const u = ctx.sys.fcntl(state.dataFd, F.F_SETLEASE, F.F_UNLCK);
      if (!u.ok) ctx.log(`${name}: F_SETLEASE F_UNLCK: ${ctx.errText(u)}`);
    }
    ctx.exit(0);
  };

  if (opts.has('ignore-term')) ctx.on('SIGTERM', 'ignore');
  else ctx.on('SIGTERM', release);
  ctx.on('SIGIO', release);

  if (opts.has('handoff')) {
    const sp = ctx.sys.socketpair();
    if (!sp.ok) return die('socketpair', sp);
    const [mine, theirs] = sp.value;
    if (ctx.spawnChild(['rdma-keeper', `--from=${ctx.pid}`], keeper(theirs, mine)) === null) return die('fork', fail('EAGAIN'));
    ctx.sys.close(theirs);
    state.sock = mine;
  }

  const o = ctx.sys.open(file, readOnly ? F.O_RDONLY : F.O_RDWR);
  if (!o.ok) return die(`open ${file}`, o);
  state.dataFd = o.value;
  if (leaseArg !== null && leaseArg !== undefined) {
    const l = ctx.sys.fcntl(state.dataFd, F.F_SETLEASE, leaseArg);
    if (!l.ok) return die('F_SETLEASE', l);
    state.leased = true;
  }
  const flags = opts.has('map-sync') ? F.MAP_SHARED_VALIDATE | F.MAP_SYNC : F.MAP_SHARED;
  const m = ctx.sys.mmap({ length, prot: readOnly ? F.PROT_READ : F.PROT_READ | F.PROT_WRITE, flags, fd: state.dataFd, offset });
  if (!m.ok) return die('mmap', m);
  state.addr = m.value;
  const c = ctx.sys.ibv_open_device();
  if (!c.ok) return die('ibv_open_device', c);
  state.ctxFd = c.value;
  const pd = ctx.sys.ibv_alloc_pd(state.ctxFd);
  if (!pd.ok) return die('ibv_alloc_pd', pd);
  state.pd = pd.value;
  const access = (readOnly ? F.IBV_ACCESS_REMOTE_READ : F.IBV_ACCESS_LOCAL_WRITE | F.IBV_ACCESS_REMOTE_WRITE | F.IBV_ACCESS_REMOTE_READ) | (odp ? F.IBV_ACCESS_ON_DEMAND : 0);
  const per = Math.floor(pages / nMrs);
  for (let i = 0; i < nMrs; i++) {
    const n = i === nMrs - 1 ? pages - per * i : per;
    const r = ctx.sys.ibv_reg_mr(state.ctxFd, state.pd, state.addr + i * per * F.PAGE_SIZE, n * F.PAGE_SIZE, access);
    // rc_pingpong's message when registration fails.
    if (!r.ok) return die("Couldn't register MR", r);
    state.mrs.push(r.value.handle);
  }
  if (opts.has('unmap-after-pin')) {
    ctx.sys.munmap(state.addr, length);
    state.addr = -1;
  }
  if (opts.has('close-after-pin')) {
    ctx.sys.close(state.dataFd);
    state.dataFd = -1;
  }
  if (opts.has('fork-helper')) ctx.fork(helper);
  if (state.sock >= 0) {
    const s = ctx.sys.sendmsg(state.sock, { data: 'ctx', fds: [state.ctxFd] });
    if (!s.ok) return die('sendmsg', s);
    ctx.sys.close(state.ctxFd);
    state.ctxFd = -1;
    state.mrs = [];
  }
  ctx.idle('ep_poll');
}

export const rdmaApp: ProgramDef = {
  name: 'rdma-app',
  summary: 'RDMA server: opens a file, takes a lease, maps it, registers MRs and serves',
  usage: RDMA_APP_USAGE,
  main,
};
