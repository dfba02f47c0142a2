// Input and output plumbing of the text tools: files read as this process (or stdin) chunk by
// chunk, split into lines, and output gathered into large writes.
import { abi, strerror, type Errno } from '../../host';
import type { ToolRun } from '../tool';
import { delay } from '../jobs/timer';

const CHUNK = 64 * 1024;

export interface Source {
  /** The name the tool reports ('-' for stdin). */
  readonly name: string;
  read(): Promise<string | null>;
  close(): Promise<void>;
}

export type Opened = { ok: true; src: Source } | { ok: false; errno: Errno };

/** stdin for '-', else open(path, O_RDONLY); read errors (EISDIR) surface on the first read. */
export async function openSource(t: ToolRun, name: string): Promise<Opened> {
  if (name === '-') return { ok: true, src: { name, read: () => t.stdin.read(), close: async () => undefined } };
  const o = await t.settle(t.sys.open(name, abi.O_RDONLY));
  if (!o.ok) return o;
  const fd = o.value;
  let closed = false;
  const src: Source = {
    name,
    read: async () => {
      if (closed || t.signal.aborted) return null;
      const r = t.sys.read(fd, CHUNK);
      if (!r.ok) throw new ReadError(r.errno);
      return r.value === '' ? null : r.value;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await t.settle(t.sys.close(fd));
    },
  };
  return { ok: true, src };
}

/** A failed read(2) of an opened file (a directory gives EISDIR). */
export class ReadError extends Error {
  constructor(readonly errno: Errno) {
    super(strerror(errno));
  }
}

/** Reads a whole source; the tools that must see everything (sort, tac-like work) use it. */
export async function readAll(src: Source): Promise<string> {
  const parts: string[] = [];
  for (let c = await src.read(); c !== null; c = await src.read()) parts.push(c);
  return parts.join('');
}

/**
 * Calls `onLines` with each batch of complete lines (without their '\n'); the last line of the
 * input comes with `lastEol` false when it had no newline. `onLines` returns false to stop early.
 */
export async function eachLines(
  src: Source,
  onLines: (lines: string[], lastEol: boolean) => boolean | void | Promise<boolean | void>,
  sep = '\n',
): Promise<void> {
  let rest = '';
  for (let c = await src.read(); c !== null; c = await src.read()) {
    const text = rest + c;
    const cut = text.lastIndexOf(sep);
    if (cut < 0) {
      rest = text;
      continue;
    }
    rest = text.slice(cut + 1);
    const lines = text.slice(0, cut).split(sep);
    if ((await onLines(lines, true)) === false) return;
  }
  if (rest !== '') await onLines([rest], false);
}

/** Gathers small writes into large ones; `flush` between input chunks keeps pipelines live. */
export class Output {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly sink: (s: string) => Promise<void>) {}

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
  }

  /** Writes now if much is pending (call after each batch); whether it wrote. */
  async maybeFlush(): Promise<boolean> {
    if (this.size < CHUNK) return false;
    await this.flush();
    return true;
  }

  async flush(): Promise<void> {
    if (this.size === 0 && this.parts.length === 0) return;
    const s = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (s !== '') await this.sink(s);
  }
}

/** `open(path, O_WRONLY|O_CREAT|O_TRUNC or O_APPEND)` as this process, for tee, sed w, awk >. */
export async function openWrite(t: ToolRun, path: string, append: boolean): Promise<{ ok: true; fd: number } | { ok: false; errno: Errno }> {
  const flags = abi.O_WRONLY | abi.O_CREAT | (append ? abi.O_APPEND : abi.O_TRUNC);
  const o = await t.settle(t.sys.open(path, flags, 0o666));
  return o.ok ? { ok: true, fd: o.value } : o;
}

/** write(2) of all of `data`; an errno on failure. */
export async function writeAll(t: ToolRun, fd: number, data: string): Promise<Errno | null> {
  let rest = data;
  while (rest !== '') {
    const w = await t.settle(t.sys.write(fd, rest));
    if (!w.ok) return w.errno;
    if (w.value <= 0) return 'EIO';
    rest = rest.slice(w.value);
  }
  return null;
}

/**
 * Lets the rest of the host run (a Ctrl-C, the terminal, a timeout) during output that never has
 * to wait for a reader: the process sleeps 1 ms of the host's time, as the CPU time such work
 * costs, so that even a script's clock moves on while it runs.
 */
export async function breathe(t: ToolRun): Promise<void> {
  await delay(t, 1_000_000, t.signal);
}

/** The process was killed while it computed: stop at once (its status no longer matters). */
export class Killed extends Error {}

/**
 * For loops that may never end (awk's while (1), sed's b): every 4096 rounds, stop if the
 * process was killed and let the host run.
 */
export function busyCheck(t: ToolRun): () => Promise<void> {
  let n = 0;
  return async () => {
    if (++n % 4096 !== 0) return;
    if (t.signal.aborted) throw new Killed();
    await breathe(t);
  };
}
