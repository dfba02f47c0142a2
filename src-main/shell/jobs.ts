// Background jobs of one shell (`cmd &`, $!, wait, jobs) and bash's notices about them.

export interface Job {
  readonly id: number;
  readonly pid: number;
  /** The command as typed, without the `&`. */
  readonly text: string;
  status: number | null;
  readonly done: Promise<number>;
  readonly abort: AbortController;
  /** Reported as Done already. */
  reported: boolean;
}

export class JobTable {
  private jobs: Job[] = [];

  add(pid: number, text: string, run: Promise<number>, abort: AbortController): Job {
    const id = this.jobs.length ? Math.max(...this.jobs.map((j) => j.id)) + 1 : 1;
    const job: Job = { id, pid, text, status: null, done: run, abort, reported: false };
    void run.then((s) => (job.status = s), () => (job.status = 1));
    this.jobs.push(job);
    return job;
  }

  list(): readonly Job[] {
    return this.jobs;
  }

  /** Finds `%N`, `%+`, `%-`, `%%`, or a pid. */
  find(spec: string): Job | undefined {
    if (spec === '%%' || spec === '%+' || spec === '%') return this.jobs[this.jobs.length - 1];
    if (spec === '%-') return this.jobs[this.jobs.length - 2];
    if (spec.startsWith('%')) return this.jobs.find((j) => String(j.id) === spec.slice(1));
    return this.jobs.find((j) => String(j.pid) === spec);
  }

  marker(job: Job): string {
    const n = this.jobs.length;
    return this.jobs[n - 1] === job ? '+' : this.jobs[n - 2] === job ? '-' : ' ';
  }

  /** `[1]+  Running                 sleep 9 &` lines, as `jobs` prints them. */
  format(job: Job): string {
    const state = job.status === null ? 'Running' : job.status === 0 ? 'Done' : `Exit ${job.status}`;
    const text = job.status === null ? job.text + ' &' : job.text;
    return `[${job.id}]${this.marker(job)}  ${state.padEnd(24)}${text}\n`;
  }

  /** Notices for jobs that finished since the last prompt, and forget them. */
  takeFinished(): string {
    let out = '';
    for (const j of this.jobs) {
      if (j.status !== null && !j.reported) {
        out += this.format(j);
        j.reported = true;
      }
    }
    this.jobs = this.jobs.filter((j) => !j.reported);
    return out;
  }

  remove(job: Job): void {
    this.jobs = this.jobs.filter((j) => j !== job);
  }
}
