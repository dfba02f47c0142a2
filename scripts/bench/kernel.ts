// The kernel benchmarks of issue 3 / console.md "Budgets": syscall rate, truncate decision with
// 1,000,000 pinned pages, unwinding 10,000 MRs, rendering /proc/locks (100,000 leases) and
// file_pins (10,000 files), and memory for 10,000 processes / 100,000 MRs.
import { adminScript } from './shell';
import { viewsSuite } from './views';
import { createHost, abi, type Host, type Syscalls } from '../../src-main/host/index';
import { IntervalTree } from '../../src-main/host/rdma/interval-tree';
import { perOp, rssMb, heapMb, time, type Figure } from './measure';

const PAGE = 4096;
const EXCL = abi.F_RDLCK | abi.F_LAYOUT | abi.F_EXCLUSIVE;
const RW = abi.IBV_ACCESS_LOCAL_WRITE | abi.IBV_ACCESS_REMOTE_WRITE | abi.IBV_ACCESS_REMOTE_READ;

function must<T>(r: { ok: true; value: T } | { ok: false; errno?: string; pending?: unknown }): T {
  if (!r.ok) throw new Error(`bench setup failed: ${r.errno ?? 'sleeping'}`);
  return r.value;
}

function boot(eventLogLimit?: number): { host: Host; shell: number; sh: Syscalls } {
  const host = createHost({ seed: 1, ...(eventLogLimit ? { eventLogLimit } : {}), setup: { defaultFiles: false } });
  const shell = host.spawnShell().pid;
  return { host, shell, sh: host.sys(shell) };
}

/** A process that pins `pages` of `path` with `mrs` MRs under an exclusive layout lease. */
function pinner(host: Host, shell: number, path: string, pages: number, mrs: number, closeData = false): { pid: number; sys: Syscalls } {
  const pid = must(host.spawnChild(shell, ['rdma-server']));
  const sys = host.sys(pid);
  const fd = must(sys.open(path, abi.O_RDWR | abi.O_CREAT));
  must(sys.fallocate(fd, 0, 0, pages * PAGE));
  must(sys.fcntl(fd, abi.F_SETLEASE, EXCL));
  const addr = must(sys.mmap({ length: pages * PAGE, prot: abi.PROT_READ | abi.PROT_WRITE, flags: abi.MAP_SHARED, fd }));
  const ctx = closeData ? ctxOf(sys) : must(sys.ibv_open_device());
  const pd = must(sys.ibv_alloc_pd(ctx));
  const per = Math.floor(pages / mrs);
  for (let i = 0; i < mrs; i++) must(sys.ibv_reg_mr(ctx, pd, addr + i * per * PAGE, per * PAGE, RW));
  if (closeData) {
    must(sys.munmap(addr, pages * PAGE));
    must(sys.close(fd));
  }
  return { pid, sys };
}

const contexts = new Map<number, number>();
function ctxOf(sys: Syscalls): number {
  let c = contexts.get(sys.pid);
  if (c === undefined) contexts.set(sys.pid, (c = must(sys.ibv_open_device())));
  return c;
}

function syscallRate(): Figure[] {
  const { sh } = boot();
  const fd = must(sh.open('/etc/hostname', abi.O_RDONLY));
  const fstat = perOp(200_000, () => void sh.fstat(fd));
  const pread = perOp(200_000, () => void sh.pread(fd, 64, 0));
  const openClose = perOp(50_000, () => {
    const f = must(sh.open('/etc/hostname', abi.O_RDONLY));
    sh.close(f);
  });
  return [
    { name: 'fstat', value: Math.round(1e6 / fstat), unit: 'calls/s' },
    { name: 'pread 64 B', value: Math.round(1e6 / pread), unit: 'calls/s' },
    { name: 'open + close (2 syscalls, 3 events)', value: Math.round(2e6 / openClose), unit: 'calls/s' },
  ];
}

function truncateDecision(): Figure[] {
  const out: Figure[] = [];
  for (const mrs of [1, 1000]) {
    const { host, shell, sh } = boot(10_000);
    pinner(host, shell, '/mnt/pmem/big', 1_000_000, mrs);
    const us = perOp(20_000, () => void sh.truncate('/mnt/pmem/big', 0));
    if (sh.truncate('/mnt/pmem/big', 0).ok) throw new Error('truncate of a pinned file succeeded');
    out.push({ name: `truncate → ETXTBSY, 1,000,000 pinned pages in ${mrs} MR(s)`, value: us, unit: 'µs/decision', budget: 'microseconds', ok: us < 100 });
  }
  // The pin query itself, at its worst: a million single-page pins in one tree.
  const tree = new IntervalTree();
  for (let i = 0; i < 1_000_000; i++) tree.insert(i * 2, i * 2 + 1, i);
  const q = perOp(200_000, (i) => void tree.overlaps((i * 7919) % 2_000_000, ((i * 7919) % 2_000_000) + 1));
  out.push({ name: 'pinned-range query, 1,000,000 single-page pins', value: q, unit: 'µs/query', budget: 'O(log n)', ok: q < 10 });
  return out;
}

function unwind(): Figure[] {
  const { host, shell, sh } = boot();
  const p = pinner(host, shell, '/mnt/pmem/mrs', 10_000, 10_000);
  const before = host.events().length;
  const { ms } = time(() => must(sh.kill(p.pid, 'SIGKILL')));
  if (host.kernel.mrs.size !== 0 || host.kernel.leases.size !== 0) throw new Error('unwind incomplete');
  return [{ name: 'kill -9 of a process with 10,000 MRs (full unwind)', value: ms, unit: 'ms', budget: '< 100 ms', ok: ms < 100, note: `${host.events().length - before} events` }];
}

function renderLocks(): Figure[] {
  const { host, shell } = boot(1000);
  for (let p = 0; p < 100; p++) {
    const pid = must(host.spawnChild(shell, ['holder']));
    const sys = host.sys(pid);
    for (let i = 0; i < 1000; i++) {
      const path = `/tmp/l${p}-${i}`;
      const fd = must(sys.open(path, abi.O_RDONLY | abi.O_CREAT));
      must(sys.fcntl(fd, abi.F_SETLEASE, abi.F_RDLCK));
    }
  }
  const { ms, result } = time(() => must(host.vfs.readFile(shell, '/proc/locks')));
  return [{ name: 'render /proc/locks, 100,000 leases', value: ms, unit: 'ms', note: `${(result.length / 1e6).toFixed(1)} MB of text` }];
}

function renderFilePins(): Figure[] {
  const { host, shell } = boot(1000);
  const pid = must(host.spawnChild(shell, ['rdma-server']));
  const sys = host.sys(pid);
  const pd = must(sys.ibv_alloc_pd(ctxOf(sys)));
  for (let i = 0; i < 10_000; i++) {
    const fd = must(sys.open(`/mnt/pmem/f${i}`, abi.O_RDWR | abi.O_CREAT));
    must(sys.fallocate(fd, 0, 0, PAGE));
    must(sys.fcntl(fd, abi.F_SETLEASE, EXCL));
    const addr = must(sys.mmap({ length: PAGE, prot: abi.PROT_READ | abi.PROT_WRITE, flags: abi.MAP_SHARED, fd }));
    must(sys.ibv_reg_mr(ctxOf(sys), pd, addr, PAGE, RW));
    must(sys.munmap(addr, PAGE));
    must(sys.close(fd));
  }
  const { ms, result } = time(() => must(host.vfs.readFile(shell, `/proc/${pid}/file_pins`)));
  return [{ name: 'render file_pins of a process pinning 10,000 files', value: ms, unit: 'ms', note: `${result.split('\n').length - 1} lines` }];
}

function memory(): Figure[] {
  const base = rssMb();
  const baseHeap = heapMb();
  const { host, shell } = boot(10_000);
  for (let i = 0; i < 10_000; i++) pinner(host, shell, `/mnt/pmem/p${i}`, 10, 10);
  const k = host.kernel;
  if (k.procs.size < 10_000 || k.mrs.size !== 100_000) throw new Error(`memory setup: ${k.procs.size} processes, ${k.mrs.size} MRs`);
  const rss = rssMb();
  const heap = heapMb() - baseHeap;
  return [
    { name: 'RSS with 10,000 processes / 100,000 MRs / 100,000 pins', value: rss, unit: 'MB', budget: '< 500 MB', ok: rss < 500, note: `baseline ${base.toFixed(0)} MB, host heap ${heap.toFixed(0)} MB, event log capped at 10,000` },
  ];
}

export async function main(args: string[]): Promise<void> {
  const json = args.includes('--json');
  // Memory first, while the process is fresh: its RSS is then the host's and not earlier garbage.
  const suites: Array<[string, () => Figure[] | Promise<Figure[]>]> = [
    ['memory', memory],
    ['syscalls', syscallRate],
    ['truncate', truncateDecision],
    ['unwind', unwind],
    ['locks', renderLocks],
    ['file_pins', renderFilePins],
    ['shell', adminScript],
    ['views', viewsSuite],
    // The window in a real Chromium (scripts/bench/browser.mjs): frame times, terminal flood.
    ['browser', async () => (await import('./browser.mjs')).browserSuite()],
    // Its terminal flood part alone, when named (`npm run bench -- flood`).
    ['flood', async () => (await import('./browser.mjs')).browserSuite({ panels: false })],
  ];
  const only = args.filter((a) => !a.startsWith('--'));
  const figures: Figure[] = [];
  for (const [name, run] of suites) {
    if (only.length ? !only.includes(name) : name === 'flood') continue;
    for (const f of await run()) {
      figures.push(f);
      if (!json) {
        const v = f.value >= 100 ? f.value.toFixed(0) : f.value.toFixed(2);
        const verdict = f.ok === undefined ? '' : f.ok ? '  ok' : '  OVER BUDGET';
        console.log(`${f.name.padEnd(66)} ${v.padStart(12)} ${f.unit}${f.budget ? ` (budget ${f.budget})` : ''}${verdict}${f.note ? `  [${f.note}]` : ''}`);
      }
    }
  }
  if (json) console.log(JSON.stringify({ node: process.version, figures }, null, 2));
  if (figures.some((f) => f.ok === false)) process.exitCode = 1;
}
