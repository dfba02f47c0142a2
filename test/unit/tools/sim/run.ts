// Runs a script on a fresh host, as `pinsim script` does, and returns what the terminal showed.
import { runScript } from '../../../../src-main/session/script';

export async function sh(text: string, opts: { policy?: string; seed?: number } = {}): Promise<{ out: string; status: number }> {
  let out = '';
  const status = await runScript(text, { ...opts, name: 'test', write: (s) => (out += s), stderr: (s) => (out += s) });
  return { out, status };
}
