// Runs a script as `pinsim script` does (fresh host, root in /root) and returns what the terminal
// shows (stdout and stderr merged) with the exit status.
import { runScript } from '../../../../src-main/session/script';

export interface Shown {
  out: string;
  status: number;
}

export async function sh(script: string): Promise<Shown> {
  let out = '';
  const status = await runScript(script, { name: 'test', write: (s) => (out += s), stderr: (s) => (out += s) });
  return { out, status };
}

/** A file with these lines, made by the shell's printf. */
export function file(path: string, ...lines: string[]): string {
  const body = lines.map((l) => l.replace(/\\/g, '\\\\').replace(/'/g, `'\\''`).replace(/%/g, '%%')).join('\\n');
  return `printf '${body}\\n' > ${path}\n`;
}
