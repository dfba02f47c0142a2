// The audit's JSON from a script run on a fresh host, as `pinsim script` runs it.
import type { HostSetup } from '../../../../src-main/host';
import { sh } from '../rig';

export { sh };

/** The audit's JSON after `setup` has run; `$?` of the audit as `status`. */
export async function auditJson(setup: string, opts: { policy?: string; setup?: HostSetup } = {}): Promise<AuditJson> {
  const { out } = await sh(`${setup}\ndax-rdma-audit --json > /tmp/audit.json\necho "status $?"\ncat /tmp/audit.json`, opts);
  const at = out.lastIndexOf('status ');
  const status = Number(/^status (\d+)$/m.exec(out.slice(at))![1]);
  return { ...(JSON.parse(out.slice(out.indexOf('\n', at) + 1)) as Omit<AuditJson, 'status'>), status };
}

export interface JsonFinding {
  level: 'UNSAFE' | 'ok' | 'note';
  text: string;
}

export interface AuditJson {
  status: number;
  design: string;
  hca: { device: string; odp: boolean };
  mounts: Array<{ target: string; fstype: string; dax: boolean; reflink: boolean; findings: JsonFinding[] }>;
  mrs: Array<{
    mrn: number;
    pid: number;
    odp: boolean;
    holders: Array<{ pid: number; comm: string; fds: number[] }>;
    segments: Array<{ path: string; first: number; last: number; kind: string; backing: { kind: string; state?: string }; outcome?: { action: string; errno?: string; wchan?: string } }>;
    findings: JsonFinding[];
  }>;
  waiting: Array<{ pid: number; comm: string; wchan: string; findings: JsonFinding[] }>;
  unsafe: string[];
}
