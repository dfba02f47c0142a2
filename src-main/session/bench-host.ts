// Hosts for benchmarking the console (`pinsim serve --bench-host large|flood`, `npm run bench --
// views`): built through syscalls only, as the kernel benchmark builds its large host, so the
// panels see what a real workload would leave behind.
import { abi, type Host, type Syscalls } from '../host';

export const BENCH_HOSTS = ['large', 'flood'] as const;
export type BenchHost = (typeof BENCH_HOSTS)[number];

const PAGE = 4096;
const EXCL = abi.F_RDLCK | abi.F_LAYOUT | abi.F_EXCLUSIVE;
const RW = abi.IBV_ACCESS_LOCAL_WRITE | abi.IBV_ACCESS_REMOTE_WRITE | abi.IBV_ACCESS_REMOTE_READ;
/** The large host: console.md's budget host (10,000 processes, 100,000 MRs, 100,000 pins). */
export const LARGE = { processes: 10_000, mrsEach: 10 };
export const BENCH_DIR = '/mnt/pmem/bench';
/** The flood file: 50 MB of numbered text lines for `cat` to pour into a terminal. */
export const FLOOD = { path: '/root/flood.txt', bytes: 50 * 1024 * 1024 };

function must<T>(what: string, r: { ok: true; value: T } | { ok: false; errno?: string }): T {
  if (!r.ok) throw new Error(`bench host: ${what} failed: ${r.errno ?? 'would sleep'}`);
  return r.value;
}

/**
 * A child of init like `rdma-app --mrs=N`: opens `path`, takes an exclusive layout lease, maps it
 * and registers `mrs` one-page MRs over it. Returns its pid.
 */
export function benchPinner(host: Host, path: string, mrs: number): number {
  const pid = must('fork', host.spawnChild(1, ['rdma-server', path]));
  const sys: Syscalls = host.sys(pid);
  const fd = must('open', sys.open(path, abi.O_RDWR | abi.O_CREAT));
  must('fallocate', sys.fallocate(fd, 0, 0, mrs * PAGE));
  must('F_SETLEASE', sys.fcntl(fd, abi.F_SETLEASE, EXCL));
  const addr = must('mmap', sys.mmap({ length: mrs * PAGE, prot: abi.PROT_READ | abi.PROT_WRITE, flags: abi.MAP_SHARED, fd }));
  const ctx = must('ibv_open_device', sys.ibv_open_device());
  const pd = must('ibv_alloc_pd', sys.ibv_alloc_pd(ctx));
  for (let i = 0; i < mrs; i++) must('ibv_reg_mr', sys.ibv_reg_mr(ctx, pd, addr + i * PAGE, PAGE, RW));
  return pid;
}

function large(host: Host): void {
  must('mkdir', host.sys(1).mkdir(BENCH_DIR));
  for (let i = 0; i < LARGE.processes; i++) benchPinner(host, `${BENCH_DIR}/p${i}`, LARGE.mrsEach);
}

function flood(host: Host): void {
  const sys = host.sys(1);
  const fd = must('open', sys.open(FLOOD.path, abi.O_WRONLY | abi.O_CREAT | abi.O_TRUNC));
  // 64-byte lines, numbered so a reader can tell where a stream stopped.
  const line = (n: number) => `flood ${String(n).padStart(10, '0')} ${'abcdefghijklmnopqrstuvwxyz0123456789abcdefghi'}\n`;
  const perChunk = 16384;
  for (let n = 0; n * 64 < FLOOD.bytes; n += perChunk) {
    let chunk = '';
    for (let i = n; i < n + perChunk && i * 64 < FLOOD.bytes; i++) chunk += line(i);
    must('write', sys.write(fd, chunk));
  }
  must('close', sys.close(fd));
}

/** Fills a freshly booted host for a benchmark. */
export function buildBenchHost(host: Host, kind: BenchHost): void {
  if (kind === 'large') large(host);
  else flood(host);
}
