// Drives the host's virtual clock. Interactive sessions follow real time (scaled); scripts jump
// straight to the next timer whenever the work is only waiting, so `sleep 60` costs no real time.
// In step mode time moves only when the session says so (recorded sessions and their replays).
import { isPending, type Blocking, type Host, type SysResult } from '../host';

export type ClockMode = 'realtime' | 'fast' | 'step';

export interface ClockDriver {
  readonly mode: ClockMode;
  /** Resolves a syscall that may sleep; the clock moves on while it waits. */
  settle<T>(r: Blocking<T>): Promise<SysResult<T>>;
  /** Keeps the clock moving until `p` settles (a host program the shell waits for). */
  track<T>(p: Promise<T>): Promise<T>;
  /** Virtual seconds per real second in realtime mode; 0 pauses the clock. */
  speed(): number;
  setSpeed(speed: number): void;
  /** Fast mode: called when something waits and nothing on the host will ever wake it. */
  onStall(listener: () => void): void;
  dispose(): void;
}

const TICK_MS = 20;
/**
 * A script that has only waited for a week of virtual time while periodic jobs kept the clock
 * busy waits for something that will not come either: it counts as a hang.
 */
const STALL_NS = 7 * 24 * 3600 * 1e9;

export function createClock(host: Host, mode: ClockMode, speed = 1): ClockDriver {
  let waiting = 0;
  let scheduled = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  const stallListeners: Array<() => void> = [];
  let lastProgress = host.now();
  const stall = () => {
    for (const l of stallListeners) l();
  };

  // Fast mode: only when everything else has run (setImmediate) and something still waits.
  const kick = () => {
    if (mode !== 'fast' || scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (waiting === 0) return;
      const next = host.nextEventTime();
      // Nothing will ever wake the waiter: a real hang, which a script cannot get out of.
      if (next === null || next - lastProgress > STALL_NS) return stall();
      host.advance(Math.max(0, next - host.now()));
      kick();
    });
  };

  if (mode === 'realtime') {
    let last = performance.now();
    timer = setInterval(() => {
      const now = performance.now();
      if (speed > 0) host.advance(Math.round((now - last) * speed * 1e6));
      last = now;
    }, TICK_MS);
    timer.unref?.();
  }

  const track = <T>(p: Promise<T>): Promise<T> => {
    waiting++;
    lastProgress = host.now();
    kick();
    return p.finally(() => {
      waiting--;
      lastProgress = host.now();
    });
  };

  return {
    mode,
    track,
    settle: <T>(r: Blocking<T>) =>
      isPending(r) ? track(new Promise<SysResult<T>>((resolve) => r.pending.onSettle(resolve))) : Promise.resolve(r),
    onStall: (l) => void stallListeners.push(l),
    speed: () => speed,
    setSpeed: (s) => {
      speed = Math.max(0, s);
    },
    dispose: () => {
      if (timer) clearInterval(timer);
    },
  };
}
