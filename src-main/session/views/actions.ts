// Admin actions from the window, run on the host as root the way a shell would run them: a child
// of pid 1 named like the command (`kill -KILL 4`, `truncate -s 0 /mnt/pmem/data`) makes the
// syscall and exits, so every action is on the timeline as kernel events.
import { abi, isPending, strerror, type Blocking, type Host, type HostEvent, type SysResult } from '../../host';
import type { ClockDriver } from '../clock';
import type { PanelSignal } from '../../protocol/views';
import type { HostMessage } from '../../protocol/messages';
import type { ViewHub } from './hub';
import type { BlockedEntry } from './blocked';
import { UnwindWatch } from './unwind';

type Result = Extract<HostMessage, { type: 'action.result' }>;

/** Where actions leave their marks: the view hub live, a recorder-only sink in a replay. */
export type ActionNotes = Pick<ViewHub, 'note' | 'watch' | 'mark'>;
/** What Retry needs of a blocked operation. */
export type RetryTarget = Pick<BlockedEntry, 'kind' | 'op' | 'path' | 'offset' | 'length'>;

const FALLOC_MODE: Record<string, number> = {
  punch: abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE,
  zero: abi.FALLOC_FL_ZERO_RANGE,
  collapse: abi.FALLOC_FL_COLLAPSE_RANGE,
  insert: abi.FALLOC_FL_INSERT_RANGE,
  allocate: 0,
};

export class ConsoleActions {
  constructor(
    private readonly host: Host,
    private readonly clock: ClockDriver,
    private readonly hub: ActionNotes,
    private readonly reply: (r: Result) => void,
  ) {}

  signal(pid: number, sig: PanelSignal): void {
    const id = this.hub.note('console.signal', `console: ${sig} to pid ${pid}`, pid);
    if (sig === 'SIGTERM' || sig === 'SIGKILL') this.hub.watch(new UnwindWatch(id, pid, this.host));
    const seen: HostEvent[] = [];
    const sub = this.host.onEvent((e) => void (e.kind === 'signal' && e.pid === pid && seen.push(e)));
    const r = this.asRoot(['kill', `-${sig.slice(3)}`, String(pid)], (sys) => sys.kill(pid, sig));
    sub.dispose();
    void r.then((res) => {
      const how = seen[0]?.kind === 'signal' ? seen[0].action : null;
      const message = !res.ok ? `kill ${pid}: ${strerror(res.errno)}` : how === 'ignore' ? `pid ${pid} ignored ${sig}` : `${sig} sent to pid ${pid}${how ? ` (${how})` : ''}`;
      this.reply({ type: 'action.result', id, action: 'proc.signal', ok: res.ok, message, pid });
    });
  }

  retry(entry: RetryTarget | undefined): void {
    if (!entry || entry.kind !== 'refused' || entry.offset === null || entry.length === null) {
      this.reply({ type: 'action.result', id: 0, action: 'layout.retry', ok: false, message: 'nothing to retry', pid: null });
      return;
    }
    const { op, path, offset, length } = entry;
    const argv = op === 'truncate' ? ['truncate', '-s', String(offset), path] : ['fallocate', `--${op}`, '-o', String(offset), '-l', String(length), path];
    const id = this.hub.note('console.retry', `console: retry ${argv.join(' ')}`, null, path);
    const mode = FALLOC_MODE[op];
    const r = this.asRoot(argv, (sys) => {
      if (op === 'truncate') return sys.truncate(path, offset);
      if (mode === undefined) return { ok: false, errno: 'EOPNOTSUPP' } as const;
      // O_NONBLOCK as coreutils opens: a classic lease to break gives EAGAIN, not a sleep.
      const fd = sys.open(path, abi.O_WRONLY | abi.O_NONBLOCK);
      if (isPending(fd)) return { ok: false, errno: 'EAGAIN' } as const;
      if (!fd.ok) return fd;
      return sys.fallocate(fd.value, mode, offset, length);
    });
    void r.then((res) =>
      this.reply({ type: 'action.result', id, action: 'layout.retry', ok: res.ok, message: res.ok ? `${argv.join(' ')}: done` : `${argv[0]}: ${path}: ${strerror(res.errno)}`, pid: null }),
    );
  }

  setSpeed(speed: number): void {
    this.clock.setSpeed(speed);
    const text = speed === 0 ? 'console: clock paused' : `console: clock at ${speed}×`;
    const id = this.hub.note('console.clock', text, null);
    this.hub.mark('clock');
    this.reply({ type: 'action.result', id, action: 'clock.set', ok: true, message: text.slice(9), pid: null });
  }

  step(): void {
    const next = this.host.nextEventTime();
    const id = this.hub.note('console.clock', next === null ? 'console: step (no timer pending)' : 'console: step to the next timer', null);
    if (next !== null) this.host.advance(Math.max(0, next - this.host.now()));
    this.hub.mark('clock');
    this.reply({ type: 'action.result', id, action: 'clock.step', ok: next !== null, message: next === null ? 'no timer pending' : 'stepped to the next timer', pid: null });
  }

  setPolicy(name: string): void {
    const r = this.host.setPolicy(name);
    const id = this.hub.note('console.policy', `console: policy ${name}${r.ok ? '' : ' refused'}`, null);
    this.hub.mark('clock');
    this.reply({ type: 'action.result', id, action: 'policy.set', ok: r.ok, message: r.ok ? `policy ${name}` : `unknown policy ${name}`, pid: null });
  }

  /** fork from pid 1, exec `argv`, make the call, exit: init reaps at once. */
  private asRoot(argv: string[], call: (sys: ReturnType<Host['sys']>) => Blocking<void> | SysResult<void>): Promise<SysResult<void>> {
    const child = this.host.spawnChild(1, argv);
    if (!child.ok) return Promise.resolve(child);
    const sys = this.host.sys(child.value);
    const r = call(sys);
    const done = isPending(r) ? this.clock.settle(r) : Promise.resolve(r);
    return done.then((res) => {
      if (this.host.kernel.proc(child.value)?.alive) sys.exit(res.ok ? 0 : 1);
      return res;
    });
  }
}

