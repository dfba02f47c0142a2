// Programs a process can run, by the basename of the image it executes.
import type { ProgramDef } from './program';
import { bash, init, sleep } from './basic';
import { rdmaApp } from './rdma-app';
import { logrotateJob } from './logrotate-job';
import { leaseHolder } from './lease-holder';

export const PROGRAMS: readonly ProgramDef[] = [init, bash, sleep, rdmaApp, logrotateJob, leaseHolder];

export function findProgram(name: string): ProgramDef | undefined {
  const base = name.split('/').pop() ?? name;
  return PROGRAMS.find((p) => p.name === base);
}
