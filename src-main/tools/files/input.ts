// Reading a FILE operand (or `-`, standard input) chunk by chunk as the tool's own process.
import { abi, type Errno } from '../../host';
import type { ToolRun } from '../tool';

/** A chunk, end of file (null), or a read(2) error (EISDIR for a directory). */
export type Chunk = string | null | { errno: Errno };

export interface Input {
  next(): Promise<Chunk>;
  close(): Promise<void>;
}

const CHUNK = 1 << 16;

export async function openInput(t: ToolRun, name: string): Promise<Input | { errno: Errno }> {
  if (name === '-') return { next: () => t.stdin.read(), close: async () => undefined };
  const o = await t.settle(t.sys.open(name, abi.O_RDONLY));
  if (!o.ok) return { errno: o.errno };
  const fd = o.value;
  return {
    async next() {
      if (t.signal.aborted) return null;
      const r = t.sys.read(fd, CHUNK);
      if (!r.ok) return { errno: r.errno };
      return r.value === '' ? null : r.value;
    },
    close: async () => void (await t.settle(t.sys.close(fd))),
  };
}

/** Everything up to end of file, or the read error. */
export async function readAll(input: Input): Promise<string | { errno: Errno }> {
  const parts: string[] = [];
  for (;;) {
    const c = await input.next();
    if (c === null) return parts.join('');
    if (typeof c !== 'string') return c;
    parts.push(c);
  }
}
