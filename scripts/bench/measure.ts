// Timing and memory helpers for the benchmarks (real time here: the faces, not the host).
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

// A collectable heap without `node --expose-gc`, so that `npm run bench` measures settled memory.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

export interface Figure {
  name: string;
  value: number;
  unit: string;
  budget?: string;
  ok?: boolean;
  note?: string;
}

export function time<T>(fn: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

/** Runs `fn` `n` times (after a warm-up) and returns the mean in µs. */
export function perOp(n: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(1000, n); i++) fn(i);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  return ((performance.now() - t0) * 1000) / n;
}

export function gc(): void {
  collect();
  collect();
}

export function rssMb(): number {
  gc();
  return process.memoryUsage().rss / (1024 * 1024);
}

export function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}
