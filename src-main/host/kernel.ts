// The kernel object: owns every table (processes, mounts, leases, RDMA objects), the clock, the
// scheduler, the PRNG and the event bus. Behaviour lives in the modules that take it as `k`.
import { Clock } from './sim/clock';
import { Prng } from './sim/prng';
import { Scheduler } from './sim/scheduler';
import { EventBus, type EventKind, type EventPayloads } from './events';
import type { Process } from './task/process';
import type { Inode, SuperBlock } from './vfs/inode';
import type { Lease } from './lease/lease';
import type { Mr, PinSegment, UverbsContext } from './rdma/uverbs';
import type { Policy } from './policy/policy';
import { WaitRegistry } from './task/wait';
import { Kmsg } from './log/kmsg';

export interface User {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly home: string;
  readonly shell: string;
}

export interface KernelOptions {
  seed: number;
  /** Wall-clock time at boot, ns since the epoch (fixed by default: deterministic `ls -l` dates). */
  epochNs: number;
  eventLogLimit: number;
}

type IdKind = 'file' | 'lease' | 'ctx' | 'pd' | 'mr' | 'segment' | 'filepin' | 'wait' | 'breaker' | 'tty';

export class Kernel {
  readonly clock: Clock;
  readonly sched: Scheduler;
  readonly prng: Prng;
  readonly bus: EventBus;
  readonly waits: WaitRegistry;
  /** The kernel log (dmesg): boot lines and mount notices, nothing of the simulator's own. */
  readonly kmsg: Kmsg;
  readonly hostname = 'pinsim';
  readonly release = '5.3.0-rc3-pinsim';
  /** uname -v: the build's `#N SMP date`, also in /proc/version and the boot banner. */
  readonly version = '#1 SMP Fri Aug 9 22:58:33 UTC 2019';
  readonly users: User[] = [
    { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/bash' },
    { name: 'operator', uid: 1000, gid: 1000, home: '/home/operator', shell: '/bin/bash' },
  ];
  readonly sysctl = new Map<string, string>([
    ['fs.lease-break-time', '45'],
    ['fs.leases-enable', '1'],
    // Debian kernels restrict the kernel log to CAP_SYSLOG (CONFIG_SECURITY_DMESG_RESTRICT).
    ['kernel.dmesg_restrict', '1'],
  ]);
  readonly procs = new Map<number, Process>();
  nextPid = 1;
  readonly supers: SuperBlock[] = [];
  root!: Inode;
  /** Unmounted sockfs: where socketpair() inodes live. */
  sockfs!: SuperBlock;
  /** Every live lease, oldest first (/proc/locks lists newest first, as hlist_add_head does). */
  readonly leases = new Map<number, Lease>();
  readonly contexts = new Map<number, UverbsContext>();
  readonly mrs = new Map<number, Mr>();
  readonly segments = new Map<number, PinSegment>();
  /** lkeys in use (lkey == rkey), so a new key is checked in O(1). */
  readonly mrKeys = new Set<number>();
  /** HCA capabilities (ibv_devinfo): ODP support is a host setup option. */
  rdma = { device: 'mlx5_0', odp: true };
  policy!: Policy;
  /** Starts the simulated program named by a process's new image, if one is registered (set by the host). */
  startProgram: (task: Process) => void = () => {};
  /** tty number → listeners for what processes write to /dev/pts/N. */
  readonly ttyListeners = new Map<number, Set<(data: string) => void>>();
  /** procfs inodes by inode number, made on first lookup and dropped when their pid is reaped. */
  readonly procInodes = new Map<number, Inode>();
  private readonly ids: Record<IdKind, number> = { file: 0, lease: 0, ctx: 0, pd: 0, mr: 0, segment: 0, filepin: 0, wait: 0, breaker: 0, tty: -1 };

  constructor(readonly options: KernelOptions) {
    this.clock = new Clock(options.epochNs);
    this.sched = new Scheduler(this.clock);
    this.prng = new Prng(options.seed);
    this.bus = new EventBus(() => this.clock.now(), options.eventLogLimit);
    this.waits = new WaitRegistry(this);
    this.kmsg = new Kmsg(this.clock);
  }

  emit<K extends EventKind>(kind: K, payload: EventPayloads[K]): void {
    this.bus.emit(kind, payload);
  }

  nextId(kind: IdKind): number {
    return ++this.ids[kind];
  }

  proc(pid: number): Process | undefined {
    return this.procs.get(pid);
  }

  user(uid: number): User | undefined {
    return this.users.find((u) => u.uid === uid);
  }

  sysctlNumber(name: string): number {
    return Number(this.sysctl.get(name) ?? '0');
  }
}
