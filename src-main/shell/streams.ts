// Byte plumbing between commands: pipes with back-pressure, file and string streams, and the ordered terminal output.

import type { OutputChunk, ShellInput, ShellOutput } from './types';
import type { ShellFile } from './fs';

/** Writing to a pipe nobody reads any more: the writer dies of SIGPIPE (status 141). */
export class BrokenPipe extends Error {
  constructor() {
    super('Broken pipe');
    this.name = 'BrokenPipe';
  }
}

/** One open descriptor of a command: readable, writable, or both. */
export interface Stream {
  read?(): Promise<string | null>;
  write?(data: string): Promise<void>;
}

/** Linux's pipe buffer: a writer that gets this far ahead of its reader waits. */
const PIPE_CAPACITY = 65536;

export class Pipe {
  private chunks: string[] = [];
  private buffered = 0;
  private writerClosed = false;
  private readerClosed = false;
  private wakeReader: (() => void) | null = null;
  private wakeWriter: (() => void) | null = null;

  readonly writer: Stream & { close(): void } = {
    write: async (data: string) => {
      if (this.readerClosed) throw new BrokenPipe();
      if (data === '') return;
      this.chunks.push(data);
      this.buffered += data.length;
      this.wake('reader');
      while (this.buffered > PIPE_CAPACITY && !this.readerClosed) {
        await new Promise<void>((r) => (this.wakeWriter = r));
      }
    },
    close: () => {
      this.writerClosed = true;
      this.wake('reader');
    },
  };

  readonly reader: Stream & { close(): void } = {
    read: async () => {
      while (this.chunks.length === 0 && !this.writerClosed) {
        await new Promise<void>((r) => (this.wakeReader = r));
      }
      const data = this.chunks.length ? this.chunks.join('') : null;
      this.chunks = [];
      this.buffered = 0;
      this.wake('writer');
      return data;
    },
    close: () => {
      this.readerClosed = true;
      this.chunks = [];
      this.wake('writer');
    },
  };

  private wake(who: 'reader' | 'writer'): void {
    const f = who === 'reader' ? this.wakeReader : this.wakeWriter;
    if (who === 'reader') this.wakeReader = null;
    else this.wakeWriter = null;
    f?.();
  }
}

export function stringStream(text: string): Stream {
  let done = text === '';
  return {
    read: async () => {
      if (done) return null;
      done = true;
      return text;
    },
  };
}

export const EMPTY_INPUT: Stream = { read: async () => null };

export function fileStream(f: ShellFile): Stream {
  return { read: async () => f.read(), write: async (d) => f.write(d) };
}

/** Terminal output of one run, in order, stdout and stderr told apart. */
export class OutputLog {
  readonly chunks: OutputChunk[] = [];

  constructor(private readonly listener?: (chunk: OutputChunk) => void) {}

  append(kind: 'stdout' | 'stderr', data: string): void {
    if (data === '') return;
    const last = this.chunks[this.chunks.length - 1];
    if (last && last.stream === kind) last.data += data;
    else this.chunks.push({ stream: kind, data });
    this.listener?.({ stream: kind, data });
  }

  text(kind: 'stdout' | 'stderr'): string {
    return this.chunks.filter((c) => c.stream === kind).map((c) => c.data).join('');
  }
}

/** Collects what a command substitution prints. */
export class Capture implements Stream {
  data = '';
  async write(d: string): Promise<void> {
    this.data += d;
  }
}

/** Input read past a line end by `read`, given back to the next reader of the same stream. */
const pushback = new WeakMap<Stream, string>();

async function readChunk(s: Stream | undefined): Promise<string | null> {
  if (!s) return null;
  const saved = pushback.get(s);
  if (saved !== undefined) {
    pushback.delete(s);
    return saved;
  }
  return s.read ? s.read() : null;
}

/**
 * Reads up to and including `delim` (or `max` characters); `eof` when the input ended first.
 * What was read beyond stays for the next reader, as bash reads a pipe byte by byte.
 */
export async function readUntil(s: Stream | undefined, delim: string, max = Infinity): Promise<{ data: string; eof: boolean }> {
  let data = '';
  for (;;) {
    const chunk = await readChunk(s);
    if (chunk === null) return { data, eof: true };
    data += chunk;
    const at = delim === '' ? -1 : data.indexOf(delim);
    const cut = at >= 0 ? Math.min(at + delim.length, max) : max;
    if (cut <= data.length) {
      if (cut < data.length && s) pushback.set(s, data.slice(cut));
      return { data: data.slice(0, cut), eof: false };
    }
  }
}

export function asInput(s: Stream | undefined): ShellInput {
  const read = async (): Promise<string | null> => readChunk(s);
  return {
    read,
    readAll: async () => {
      let all = '';
      for (let c = await read(); c !== null; c = await read()) all += c;
      return all;
    },
  };
}

export function asOutput(s: Stream | undefined, fdName: string): ShellOutput {
  return {
    write: async (data: string) => {
      if (!s?.write) throw Object.assign(new Error(`${fdName}: Bad file descriptor`), { code: 'EBADF' });
      await s.write(data);
    },
  };
}
