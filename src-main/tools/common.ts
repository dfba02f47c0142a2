// Helpers shared by tools: errno texts, coreutils quoting, reading whole files as a process.
import { strerror, type Errno, type SysResult } from '../host';
import type { ToolRun } from './tool';

export { strerror };

/** coreutils' quoteaf (shell-escape style): 'name' unless the name needs no quoting at all. */
export function quoteaf(name: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(name)) return `'${name}'`;
  return `'${name.replace(/'/g, `'\\''`)}'`;
}

/** coreutils' quotef: the name as it is when it needs no quoting, else as quoteaf quotes it. */
export function quotef(name: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(name) ? name : quoteaf(name);
}

/** Prints `TOOL: MESSAGE` to stderr and returns `status`. */
export async function complain(t: ToolRun, message: string, status = 1): Promise<number> {
  await t.err(`${t.argv[0]}: ${message}\n`);
  return status;
}

/** `Try 'TOOL --help' for more information.` after a usage error; status 1 as coreutils. */
export async function usageError(t: ToolRun, message: string, status = 1): Promise<number> {
  await t.err(`${t.argv[0]}: ${message}\nTry '${t.argv[0]} --help' for more information.\n`);
  return status;
}

export function errnoText(r: { errno: Errno }): string {
  return strerror(r.errno);
}

/** open + read to EOF + close, as this process. */
export async function readWhole(t: ToolRun, path: string, flags = 0): Promise<SysResult<string>> {
  const o = await t.settle(t.sys.open(path, flags));
  if (!o.ok) return o;
  const parts: string[] = [];
  for (;;) {
    const r = t.sys.read(o.value, 1 << 20);
    if (!r.ok) {
      await t.settle(t.sys.close(o.value));
      return r;
    }
    if (r.value === '') break;
    parts.push(r.value);
    if (t.signal.aborted) break;
  }
  await t.settle(t.sys.close(o.value));
  return { ok: true, value: parts.join('') };
}
