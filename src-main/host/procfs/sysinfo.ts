// Host-wide accounting files ps, top and free read: /proc/meminfo, /proc/stat, /proc/loadavg. The
// machine is idle (the simulation takes no CPU time) and its memory use is steady, so the numbers
// are those of a quiet 16 GiB, 2-CPU guest — the size devtmpfs's size= option in /proc/mounts implies.
import type { Kernel } from '../kernel';
import { USER_HZ, NS_PER_SEC } from '../sim/clock';

/** KiB of RAM: twice devtmpfs's default size (half of RAM) in /proc/mounts. */
export const MEM_TOTAL_KB = 16290752;
export const NR_CPUS = 2;

const MEMINFO: ReadonlyArray<readonly [string, number]> = [
  ['MemTotal', MEM_TOTAL_KB],
  ['MemFree', 15512436],
  ['MemAvailable', 15780104],
  ['Buffers', 22696],
  ['Cached', 411740],
  ['SwapCached', 0],
  ['Active', 215196],
  ['Inactive', 262024],
  ['Active(anon)', 45112],
  ['Inactive(anon)', 8444],
  ['Active(file)', 170084],
  ['Inactive(file)', 253580],
  ['Unevictable', 0],
  ['Mlocked', 0],
  ['SwapTotal', 0],
  ['SwapFree', 0],
  ['Dirty', 8],
  ['Writeback', 0],
  ['AnonPages', 44376],
  ['Mapped', 61312],
  ['Shmem', 9180],
  ['KReclaimable', 41560],
  ['Slab', 84736],
  ['SReclaimable', 41560],
  ['SUnreclaim', 43176],
  ['KernelStack', 2112],
  ['PageTables', 1244],
  ['NFS_Unstable', 0],
  ['Bounce', 0],
  ['WritebackTmp', 0],
  ['CommitLimit', 8145376],
  ['Committed_AS', 239320],
  ['VmallocTotal', 34359738367],
  ['VmallocUsed', 14656],
  ['VmallocChunk', 0],
  ['Percpu', 1392],
  ['HardwareCorrupted', 0],
  ['AnonHugePages', 0],
  ['ShmemHugePages', 0],
  ['ShmemPmdMapped', 0],
  ['CmaTotal', 0],
  ['CmaFree', 0],
];

/** meminfo_proc_show(): show_val_kb pads the label to 16 columns and the number to 8. */
export function meminfoText(): string {
  const kb = MEMINFO.map(([name, v]) => `${`${name}:`.padEnd(16)}${String(v).padStart(8)} kB\n`).join('');
  const huge = ['HugePages_Total', 'HugePages_Free', 'HugePages_Rsvd', 'HugePages_Surp'].map((n) => `${`${n}:`.padEnd(16)}${'0'.padStart(8)}\n`).join('');
  const tail = [
    ['Hugepagesize', 2048],
    ['Hugetlb', 0],
    ['DirectMap4k', 110452],
    ['DirectMap2M', 16666624],
    ['DirectMap1G', 0],
  ] as const;
  return kb + huge + tail.map(([name, v]) => `${`${name}:`.padEnd(16)}${String(v).padStart(8)} kB\n`).join('');
}

function uptimeTicks(k: Kernel): number {
  return Math.floor((k.clock.now() * USER_HZ) / NS_PER_SEC);
}

function taskCounts(k: Kernel): { running: number; blocked: number; total: number } {
  let running = 0;
  let blocked = 0;
  for (const p of k.procs.values()) {
    if (p.state === 'R') running++;
    if (p.state === 'D') blocked++;
  }
  return { running, blocked, total: k.procs.size };
}

/** show_stat(): every CPU idle since boot; btime is the boot's wall-clock second. */
export function statText(k: Kernel): string {
  const idle = uptimeTicks(k);
  const cpu = (name: string, n: number) => `${name} 0 0 0 ${idle * n} 0 0 0 0 0 0\n`;
  const lines = [cpu('cpu ', NR_CPUS)];
  for (let i = 0; i < NR_CPUS; i++) lines.push(cpu(`cpu${i}`, 1));
  const { running, blocked } = taskCounts(k);
  lines.push(
    'intr 0\n',
    'ctxt 0\n',
    `btime ${Math.floor(k.clock.epochNs / NS_PER_SEC)}\n`,
    `processes ${k.nextPid - 1}\n`,
    `procs_running ${running}\n`,
    `procs_blocked ${blocked}\n`,
    'softirq 0 0 0 0 0 0 0 0 0 0 0\n',
  );
  return lines.join('');
}

/** loadavg_proc_show(): nothing ever waits for a CPU here, so the averages stay at zero. */
export function loadavgText(k: Kernel): string {
  const { running, total } = taskCounts(k);
  return `0.00 0.00 0.00 ${running}/${total} ${k.nextPid - 1}\n`;
}
