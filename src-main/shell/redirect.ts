// Applies a command's redirections to its descriptor table: real opens through ShellFs, dups, here-documents.

import type { Redirect } from './ast';
import type { Expander } from './expand';
import { errorText, resolvePath, type ShellFile, type ShellFs } from './fs';
import { fileStream, stringStream, type Stream } from './streams';

/** A redirection that failed; the message is bash's, without its prefix. */
export class RedirectError extends Error {}

export interface Redirected {
  fds: (Stream | undefined)[];
  /** Files this command opened: closed when it finishes. */
  opened: ShellFile[];
}

const DEFAULT_FD: Record<string, number> = { '<': 0, '<>': 0, '<&': 0, '<<': 0, '<<-': 0, '<<<': 0 };

export async function applyRedirects(
  redirs: readonly Redirect[],
  fds: readonly (Stream | undefined)[],
  ex: Expander,
  fs: ShellFs,
  cwd: string,
  noclobber: boolean,
): Promise<Redirected> {
  const out: Redirected = { fds: [...fds], opened: [] };
  try {
    for (const r of redirs) await applyOne(r, out, ex, fs, cwd, noclobber);
  } catch (e) {
    await closeAll(out.opened);
    throw e;
  }
  return out;
}

export async function closeAll(files: ShellFile[]): Promise<void> {
  for (const f of files) {
    try {
      await f.close();
    } catch {
      // A failing close does not change the command's status in bash.
    }
  }
}

async function applyOne(r: Redirect, out: Redirected, ex: Expander, fs: ShellFs, cwd: string, noclobber: boolean): Promise<void> {
  const fd = r.fd ?? DEFAULT_FD[r.op] ?? 1;
  if (r.op === '<<' || r.op === '<<-') {
    out.fds[fd] = stringStream(await ex.string(r.heredoc ?? []));
    return;
  }
  const target = await ex.string(r.target.parts);
  if (r.op === '<<<') {
    out.fds[fd] = stringStream(target + '\n');
    return;
  }
  if (r.op === '>&' || r.op === '<&') {
    if (target === '-') {
      out.fds[fd] = undefined;
      return;
    }
    if (/^[0-9]+$/.test(target)) {
      const src = out.fds[Number(target)];
      if (!src) throw new RedirectError(`${target}: Bad file descriptor`);
      out.fds[fd] = src;
      return;
    }
    if (r.op === '<&' || r.fd !== undefined) throw new RedirectError(`${target}: ambiguous redirect`);
    // `>&file` is `&>file`.
    const s = await open(target, 'w', out, fs, cwd, noclobber, 1);
    out.fds[1] = s;
    out.fds[2] = s;
    return;
  }
  if (target === '') throw new RedirectError(': No such file or directory');
  const special = devFd(target, out.fds);
  if (special !== null) {
    out.fds[fd] = special;
    if (r.op === '&>' || r.op === '&>>') out.fds[2] = special;
    return;
  }
  switch (r.op) {
    case '<': out.fds[fd] = await open(target, 'r', out, fs, cwd, false, fd); return;
    case '<>': out.fds[fd] = await open(target, 'rw', out, fs, cwd, false, fd); return;
    case '>': out.fds[fd] = await open(target, 'w', out, fs, cwd, noclobber, fd); return;
    case '>|': out.fds[fd] = await open(target, 'w', out, fs, cwd, false, fd); return;
    case '>>': out.fds[fd] = await open(target, 'a', out, fs, cwd, false, fd); return;
    case '&>': case '&>>': {
      const s = await open(target, r.op === '&>' ? 'w' : 'a', out, fs, cwd, r.op === '&>' && noclobber, 1);
      out.fds[1] = s;
      out.fds[2] = s;
      return;
    }
  }
}

/** Bash's own /dev/stdin, /dev/stdout, /dev/stderr and /dev/fd/N. */
function devFd(path: string, fds: (Stream | undefined)[]): Stream | undefined | null {
  const m = /^\/dev\/(?:(stdin)|(stdout)|(stderr)|fd\/([0-9]+))$/.exec(path);
  if (!m) return null;
  const n = m[1] ? 0 : m[2] ? 1 : m[3] ? 2 : Number(m[4]);
  return fds[n];
}

async function open(
  target: string,
  mode: 'r' | 'w' | 'a' | 'rw',
  out: Redirected,
  fs: ShellFs,
  cwd: string,
  noclobber: boolean,
  fd: number,
): Promise<Stream> {
  const path = resolvePath(cwd, target);
  if (noclobber) {
    const exists = await Promise.resolve(fs.stat(path)).then((s) => s.type === 'file', () => false);
    if (exists) throw new RedirectError(`${target}: cannot overwrite existing file`);
  }
  try {
    const f = await fs.open(path, mode);
    out.opened.push(f);
    await f.placeAt?.(fd);
    return fileStream(f);
  } catch (e) {
    throw new RedirectError(`${target}: ${errorText(e)}`);
  }
}
