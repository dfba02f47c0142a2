// Jobs of one shell (jobs.c): the table with its current and previous job, job specs, and the
// lines `jobs` and the notices print.

import { commandString } from './command-string';
import { formatProcs, STATUS_WIDTH, type ProcGroup } from './proc-group';
import { signalText } from './signals';

export type JobState = 'Running' | 'Stopped' | 'Done';

export interface Job {
  readonly id: number;
  readonly group: ProcGroup;
  /** The command as typed, without the `&`. */
  readonly text: string;
  /** The first process (the process group leader): `$!`, `jobs -p`. */
  readonly pid: number;
  /** The job's status once its last command is done. */
  readonly done: Promise<number>;
  status: number | null;
  /** What the user was last told about the job. */
  reported: JobState;
  /** Recency, for the current (`+`) and previous (`-`) job. */
  order: number;
}

export class JobTable {
  private jobs: Job[] = [];
  private tick = 0;
  /** The job the terminal's Ctrl-C and Ctrl-Z go to while the shell waits for it. */
  foreground: ProcGroup | undefined;
  /** Without job control (a script) bash does not watch for stops: a stopped job still reads Running. */
  jobControl = true;
  /** Statuses of background pids whose jobs were reported and forgotten (`wait $!` still works). */
  private readonly remembered = new Map<number, number>();

  add(group: ProcGroup, pid: number, text: string, run: Promise<number>, reported: JobState): Job {
    const id = this.jobs.length ? Math.max(...this.jobs.map((j) => j.id)) + 1 : 1;
    const job: Job = { id, group, text: commandString(text), pid, done: run, status: null, reported, order: ++this.tick };
    void run.then((s) => {
      job.status = s;
      this.remembered.set(pid, s);
    });
    this.jobs.push(job);
    return job;
  }

  async inForeground<T>(group: ProcGroup, wait: () => Promise<T>): Promise<T> {
    const prev = this.foreground;
    this.foreground = group;
    try {
      return await wait();
    } finally {
      this.foreground = prev;
    }
  }

  /** Lets the news of processes that just died reach their jobs: promise turns, no clock tick. */
  async settle(): Promise<void> {
    const pending = () => this.jobs.some((j) => j.status === null && j.group.procs.length > 0 && j.group.alive().length === 0);
    for (let k = 0; k < 200 && pending(); k++) await Promise.resolve();
  }

  list(): readonly Job[] {
    return this.jobs;
  }

  state(job: Job): JobState {
    return job.status !== null ? 'Done' : this.jobControl && job.group.stopped() ? 'Stopped' : 'Running';
  }

  /** The job became current: started, stopped, or moved with fg/bg. */
  touch(job: Job): void {
    job.order = ++this.tick;
  }

  /** bash: the most recently stopped job, else the most recent one. */
  current(): Job | undefined {
    return this.ranked()[0];
  }

  previous(): Job | undefined {
    return this.ranked()[1];
  }

  private ranked(): Job[] {
    const rank = (j: Job) => (this.state(j) === 'Stopped' ? 1 : 0);
    return [...this.jobs].sort((a, b) => rank(b) - rank(a) || b.order - a.order);
  }

  /** `%N`, `%+`, `%%`, `%-`, `%name`, `%?text`, or a pid of one of its processes. */
  find(spec: string): Job | undefined {
    if (spec === '%%' || spec === '%+' || spec === '%') return this.current();
    if (spec === '%-') return this.previous();
    if (spec.startsWith('%')) {
      const s = spec.slice(1);
      if (/^[0-9]+$/.test(s)) return this.jobs.find((j) => String(j.id) === s);
      if (s.startsWith('?')) return this.jobs.find((j) => j.text.includes(s.slice(1)));
      return this.jobs.find((j) => j.text.startsWith(s));
    }
    return this.jobs.find((j) => j.group.procs.some((p) => String(p.pid) === spec) || String(j.pid) === spec);
  }

  statusOf(pid: number): number | undefined {
    return this.remembered.get(pid);
  }

  marker(job: Job): string {
    return this.current() === job ? '+' : this.previous() === job ? '-' : ' ';
  }

  /** `Running`, `Stopped`, `Done`, `Exit 2`, `Killed`, `I/O possible`… */
  statusText(job: Job): string {
    const state = this.state(job);
    if (state !== 'Done') return state;
    const killer = job.group.killedBy(job.status!);
    if (killer) return signalText(killer.sig!);
    return job.status === 0 ? 'Done' : `Exit ${job.status}`;
  }

  private tail(job: Job): string {
    const killer = job.status === null ? undefined : job.group.killedBy(job.status);
    return (killer?.core ? '(core dumped) ' : '') + job.text + (this.state(job) === 'Running' ? ' &' : '');
  }

  /** `[1]+  Running                 sleep 9 &`, as `jobs` prints it. */
  format(job: Job): string {
    return `[${job.id}]${this.marker(job)}  ${this.statusText(job).padEnd(STATUS_WIDTH)}${this.tail(job)}\n`;
  }

  /** `jobs -l`: `[1]+  4242 Running                 sleep 9 &`, a line per process of a pipeline. */
  formatLong(job: Job): string {
    const running = this.state(job) === 'Running';
    const procs = job.group.members();
    if (procs.length < 2) return `[${job.id}]${this.marker(job)} ${String(job.pid).padStart(5)} ${this.statusText(job).padEnd(STATUS_WIDTH)}${this.tail(job)}\n`;
    return `[${job.id}]${this.marker(job)} ` + formatProcs(procs, running).replace(/\n$/, running ? ' &\n' : '\n');
  }

  /** Notices for jobs that stopped or ended since the user was last told; ended jobs are forgotten. */
  takeChanged(): string {
    let out = '';
    for (const j of this.jobs) {
      const state = this.state(j);
      if (state === j.reported || state === 'Running') continue;
      out += this.format(j);
      j.reported = state;
    }
    this.jobs = this.jobs.filter((j) => j.reported !== 'Done');
    return out;
  }

  /** Jobs that ended, for a shell without job control: bash reports only the ones killed by a signal. */
  takeEnded(): Job[] {
    const ended = this.jobs.filter((j) => j.status !== null);
    this.jobs = this.jobs.filter((j) => j.status === null);
    return ended;
  }

  remove(job: Job): void {
    this.jobs = this.jobs.filter((j) => j !== job);
  }
}

