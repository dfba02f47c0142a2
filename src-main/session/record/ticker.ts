// Real time for a recorded session: every 20 ms virtual time moves by the real time elapsed times
// the clock's speed, as the realtime clock driver does, but through the session so that the
// advances that matter to a replay are recorded as inputs.
import type { ClockDriver } from '../clock';

const TICK_MS = 20;

export function startTicker(clock: ClockDriver, now: () => number, advanceTo: (target: number) => void): () => void {
  let last = performance.now();
  const timer = setInterval(() => {
    const real = performance.now();
    const speed = clock.speed();
    if (speed > 0) advanceTo(now() + Math.round((real - last) * speed * 1e6));
    last = real;
  }, TICK_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}
