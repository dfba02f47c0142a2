// `rdma-app`: the RDMA server of kernel.md §6 — opens a file, takes a lease, maps it, registers
// MRs over the mapping and serves, logging each step; options reproduce the seeds' scenarios
// (zombie lease after close, fork-shared context, SCM_RIGHTS hand-off, ignoring SIGTERM).
import type { ProgramContext, ProgramDef } from './program';
import { helper, keeper } from './rdma-keeper';
import { LEASES, parse, USAGE, type Config } from './rdma-app-options';
import * as F from '../abi/fcntl';
import type { Blocking } from '../sim/result';

const hex = (n: number): string => `0x${n.toString(16)}`;

/** One running rdma-app: what it holds, so that SIGTERM and SIGIO can undo it in order. */
class App {
  dataFd = -1;
  ctxFd = -1;
  addr = -1;
  leased = false;
  readonly mrs: Array<{ handle: number; mrn: number }> = [];
  private sock = -1;
  private keeperPid = 0;

  constructor(
    private readonly ctx: ProgramContext,
    private readonly cfg: Config,
  ) {}

  private get length(): number {
    return this.cfg.pages * F.PAGE_SIZE;
  }

  /** Logs `CALL: error text` and exits 1, as the step failed. */
  private fail(call: string, r: Blocking<unknown>): false {
    this.ctx.say(`${call}: ${this.ctx.errText(r)}`);
    this.ctx.exit(1);
    return false;
  }

  start(): void {
    const { ctx, cfg } = this;
    if (cfg.onTerm === 'ignore') ctx.on('SIGTERM', 'ignore');
    else ctx.on('SIGTERM', () => (cfg.onTerm === 'exit' ? this.quit('SIGTERM: exiting without cleanup') : this.cleanup()));
    if (cfg.onSigio === 'ignore') ctx.on('SIGIO', 'ignore');
    else ctx.on('SIGIO', () => this.releaseOnBreak());
    if (cfg.has('handoff') && !this.startKeeper()) return;
    if (this.setUp()) this.afterPin();
  }

  /** Forked before anything is opened, so the keeper holds nothing but what it is sent. */
  private startKeeper(): boolean {
    const sp = this.ctx.sys.socketpair();
    if (!sp.ok) return this.fail('socketpair', sp);
    const [mine, theirs] = sp.value;
    const pid = this.ctx.spawnChild(['rdma-keeper', `--from=${this.ctx.pid}`], keeper(theirs, mine, this.ctx.pid));
    this.ctx.sys.close(theirs);
    this.sock = mine;
    this.keeperPid = pid ?? 0;
    return true;
  }

  /** open, lease, mmap, ibv_open_device, ibv_alloc_pd, ibv_reg_mr: all at once, as a server starts. */
  private setUp(): boolean {
    const { ctx, cfg } = this;
    const readOnly = cfg.lease === 'read';
    const o = ctx.sys.open(cfg.file, readOnly ? F.O_RDONLY : F.O_RDWR);
    if (!o.ok) return this.fail(`open ${cfg.file}`, o);
    this.dataFd = o.value;
    ctx.say(`open ${cfg.file}: fd ${o.value}`);
    const st = ctx.sys.fstat(o.value);
    const lease = LEASES[cfg.lease];
    if (st.ok && st.value.type === 'chr') ctx.say(`${cfg.file} is a character device (device DAX): no lease needed`);
    else if (lease) {
      const l = ctx.sys.fcntl(o.value, F.F_SETLEASE, lease.arg);
      if (!l.ok) return this.fail('F_SETLEASE', l);
      this.leased = true;
      ctx.say(`F_SETLEASE ${lease.text} on fd ${o.value}: ok`);
    }
    const flags = cfg.has('map-direct') ? F.MAP_SHARED_VALIDATE | F.MAP_DIRECT : F.MAP_SHARED;
    const prot = readOnly ? F.PROT_READ : F.PROT_READ | F.PROT_WRITE;
    const m = ctx.sys.mmap({ length: this.length, prot, flags, fd: o.value, offset: cfg.offset * F.PAGE_SIZE });
    if (!m.ok) return this.fail('mmap', m);
    this.addr = m.value;
    ctx.say(`mmap ${cfg.pages} pages of fd ${o.value} from page ${cfg.offset}${cfg.has('map-direct') ? ' with MAP_DIRECT' : ''}: ${hex(m.value)}`);
    const c = ctx.sys.ibv_open_device();
    if (!c.ok) return this.fail('ibv_open_device', c);
    this.ctxFd = c.value;
    ctx.say(`ibv_open_device mlx5_0: fd ${c.value}`);
    const pd = ctx.sys.ibv_alloc_pd(c.value);
    if (!pd.ok) return this.fail('ibv_alloc_pd', pd);
    const rw = F.IBV_ACCESS_LOCAL_WRITE | F.IBV_ACCESS_REMOTE_WRITE | F.IBV_ACCESS_REMOTE_READ;
    const access = (readOnly ? F.IBV_ACCESS_REMOTE_READ : rw) | (cfg.odp ? F.IBV_ACCESS_ON_DEMAND : 0);
    const per = Math.floor(cfg.pages / cfg.mrs);
    for (let i = 0; i < cfg.mrs; i++) {
      const n = i === cfg.mrs - 1 ? cfg.pages - per * i : per;
      const addr = m.value + i * per * F.PAGE_SIZE;
      const r = ctx.sys.ibv_reg_mr(c.value, pd.value, addr, n * F.PAGE_SIZE, access);
      if (!r.ok) return this.fail('ibv_reg_mr', r);
      this.mrs.push({ handle: r.value.handle, mrn: r.value.mrn });
      ctx.say(`ibv_reg_mr ${n} pages at ${hex(addr)}${cfg.odp ? ' (ODP)' : ''}: MR ${r.value.mrn}, lkey ${hex(r.value.lkey)}`);
    }
    return true;
  }

  /** What the options ask for once the pages are pinned, then serve. */
  private afterPin(): void {
    const { ctx, cfg } = this;
    const rest = (): void => {
      // F_UNLCK with the pages still pinned: rfc-v2 refuses it (EBUSY, 003 #4).
      if (cfg.has('unlock-after-pin') && this.leased) {
        const u = ctx.sys.fcntl(this.dataFd, F.F_SETLEASE, F.F_UNLCK);
        ctx.say(`F_SETLEASE F_UNLCK on fd ${this.dataFd}: ${u.ok ? 'ok' : ctx.errText(u)}`);
        if (u.ok) this.leased = false;
      }
      if (cfg.has('unmap-after-pin')) {
        const u = ctx.sys.munmap(this.addr, this.length);
        ctx.say(`munmap ${hex(this.addr)}: ${u.ok ? 'ok' : ctx.errText(u)}`);
        this.addr = -1;
      }
      if (cfg.has('close-after-pin')) this.closeData();
      if (cfg.has('fork-helper')) {
        const pid = ctx.fork(helper);
        ctx.say(pid === null ? 'fork: failed' : `fork: helper pid ${pid} shares the RDMA context`);
      }
      if (this.sock >= 0) return this.handOff();
      ctx.say('serving');
      ctx.idle('ep_poll');
    };
    if (!cfg.has('truncate-after-pin')) return rest();
    const r = this.dataFd >= 0 ? ctx.sys.ftruncate(this.dataFd, 0) : ctx.sys.truncate(cfg.file, 0);
    if (!r.ok && r.pending) ctx.say(`ftruncate ${cfg.file} to 0 bytes: waiting`);
    ctx.then(r, (res) => {
      ctx.say(`ftruncate ${cfg.file} to 0 bytes: ${res.ok ? 'ok' : ctx.errText(res)}`);
      rest();
    });
  }

  private closeData(): void {
    const r = this.ctx.sys.close(this.dataFd);
    this.ctx.say(`close fd ${this.dataFd}: ${r.ok ? 'ok' : r.pending ? 'waiting' : this.ctx.errText(r)}`);
    this.dataFd = -1;
  }

  private handOff(): void {
    const { ctx } = this;
    const s = ctx.sys.sendmsg(this.sock, { data: 'ctx', fds: [this.ctxFd] });
    if (!s.ok) return void this.fail('sendmsg', s);
    ctx.say(`sendmsg SCM_RIGHTS fd ${this.ctxFd} to rdma-keeper pid ${this.keeperPid}: ok`);
    this.quit('handed off; exiting');
  }

  private quit(message: string): void {
    this.ctx.say(message);
    this.ctx.exit(0);
  }

  /** Deregisters the MRs, unmaps and drops the lease: what a lease break asks of the holder. */
  private release(): void {
    const { ctx } = this;
    for (const mr of this.mrs.splice(0)) {
      const r = ctx.sys.ibv_dereg_mr(this.ctxFd, mr.handle);
      ctx.say(`ibv_dereg_mr MR ${mr.mrn}: ${r.ok ? 'ok' : ctx.errText(r)}`);
    }
    if (this.addr >= 0) ctx.sys.munmap(this.addr, this.length);
    this.addr = -1;
    if (this.leased && this.dataFd >= 0) {
      const u = ctx.sys.fcntl(this.dataFd, F.F_SETLEASE, F.F_UNLCK);
      ctx.say(`F_SETLEASE F_UNLCK on fd ${this.dataFd}: ${u.ok ? 'ok' : ctx.errText(u)}`);
    }
    this.leased = false;
  }

  private releaseOnBreak(): void {
    this.ctx.say('SIGIO: lease break; releasing');
    this.release();
    this.ctx.idle('ep_poll');
  }

  private cleanup(): void {
    this.ctx.say('SIGTERM: cleaning up');
    this.release();
    if (this.ctxFd >= 0) {
      const c = this.ctx.sys.ibv_close_device(this.ctxFd);
      this.ctx.say(`ibv_close_device fd ${this.ctxFd}: ${c.ok ? 'ok' : this.ctx.errText(c)}`);
    }
    this.ctxFd = -1;
    this.quit('exiting');
  }
}

export const rdmaApp: ProgramDef = {
  name: 'rdma-app',
  summary: 'simulated RDMA server: pins a file under a lease and serves until killed',
  usage: USAGE,
  main: (ctx) => {
    const cfg = parse(ctx);
    if (cfg) new App(ctx, cfg).start();
  },
};
