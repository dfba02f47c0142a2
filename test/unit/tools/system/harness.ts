// Runs a shell script on a fresh host as `pinsim script` does, optionally as another user or
// after adjusting the booted host (an HCA without ODP, a relaxed dmesg_restrict).
import { ShellInterpreter } from '../../../../src-main/shell/interpreter';
import { bootHost } from '../../../../src-main/session/boot';
import { login } from '../../../../src-main/session/login';
import type { Host } from '../../../../src-main/host';

export interface Run {
  out: string;
  status: number;
  host: Host;
}

export async function sh(text: string, o: { uid?: number; prepare?: (host: Host) => void } = {}): Promise<Run> {
  const booted = bootHost({ seed: 1 }, 'fast');
  o.prepare?.(booted.host);
  let out = '';
  try {
    const session = login(booted, o.uid ?? 0);
    const stop = session.onTtyOutput((d) => (out += d));
    const shell = new ShellInterpreter({ ...session.shell, interactive: false, scriptName: 'test', args: [], onOutput: (c) => (out += c.data) });
    const status = (await shell.run(text)).exitCode;
    stop();
    return { out, status, host: booted.host };
  } finally {
    booted.clock.dispose();
  }
}

export const OPERATOR = 1000;
