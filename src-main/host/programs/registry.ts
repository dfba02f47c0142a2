// Programs a process can run, by the basename of the image it executes.
import type { ProgramDef } from './program';
import { bash, init, sleep } from './basic';
import { rdmaApp } from './rdma-app';
import { alias, backupSim, logrotateSim } from './jobs';
import { dbSim, leaseHold } from './lease-hold';

export const PROGRAMS: readonly ProgramDef[] = [
  init,
  bash,
  sleep,
  rdmaApp,
  logrotateSim,
  backupSim,
  dbSim,
  leaseHold,
  alias(logrotateSim, 'logrotate-job'),
  alias(leaseHold, 'lease-holder'),
];

export function findProgram(name: string): ProgramDef | undefined {
  const base = name.split('/').pop() ?? name;
  return PROGRAMS.find((p) => p.name === base);
}
