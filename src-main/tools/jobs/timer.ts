// Waiting on the host's virtual clock for tools that time things (timeout, watch): a timer in the
// kernel's timer heap, so a script's clock can jump to it and nothing real is slept.
import type { ToolRun } from '../tool';
import type { StopSignal } from '../../shell/stop';

/**
 * Resolves true after `ns` of virtual time, false if `abort` fires first (the timer is dropped).
 * The process waits meanwhile, so a script's clock may jump to the timer.
 */
export function delay(t: ToolRun, ns: number, abort: StopSignal): Promise<boolean> {
  if (abort.aborted) return Promise.resolve(false);
  const sched = t.host.kernel.sched;
  const elapsed = new Promise<boolean>((resolve) => {
    const onAbort = () => {
      sched.cancel(id);
      resolve(false);
    };
    const id = sched.after(Math.max(0, Math.round(ns)), () => {
      abort.removeEventListener('abort', onAbort);
      resolve(true);
    });
    abort.addEventListener('abort', onAbort, { once: true });
  });
  return t.env.track(elapsed);
}

/** coreutils' DURATION: a floating point number with an optional s, m, h or d suffix; seconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(text);
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
