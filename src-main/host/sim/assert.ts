// assert() is for kernel bugs only; expected failures are errno results (see result.ts).

export class KernelBug extends Error {
  override name = 'KernelBug';
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new KernelBug(message);
}

export function unreachable(x: never, what: string): never {
  throw new KernelBug(`unreachable ${what}: ${JSON.stringify(x)}`);
}
