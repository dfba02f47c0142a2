// Virtual time as the window shows it: the host's last word, carried forward at the clock's speed
// between updates so countdowns move smoothly.
import type { ClockInfo } from '../../../src-main/protocol/views';
import type { PinsimApi } from '../../../src-main/protocol/api';

export const SPEEDS = [1, 10, 100] as const;

export class ClockStore {
  info = $state<ClockInfo>({ now: 0, speed: 1, next: null, policy: '', policies: [], scenario: null });
  /** Virtual ns now, extrapolated. */
  now = $state(0);
  private receivedAt = 0;

  constructor(
    private readonly api: PinsimApi,
    private readonly realNow: () => number = () => performance.now(),
  ) {}

  receive(info: ClockInfo): void {
    this.info = info;
    this.receivedAt = this.realNow();
    this.now = info.now;
  }

  /** Moves `now` forward by the real time since the last update; called once per animation frame. */
  tick(): void {
    const elapsedMs = this.realNow() - this.receivedAt;
    this.now = this.info.now + Math.max(0, elapsedMs) * 1e6 * this.info.speed;
  }

  setSpeed(speed: number): void {
    this.api.send({ type: 'clock.set', speed });
  }

  step(): void {
    this.api.send({ type: 'clock.step' });
  }

  /** Switches the host to another kernel design (the `policy.set` action, on the timeline). */
  setPolicy(policy: string): void {
    if (policy && policy !== this.info.policy) this.api.send({ type: 'policy.set', policy });
  }
}

/** Virtual ns as the status bar shows it: `1:02:03.4` or `12.345 s`. */
export function formatTime(ns: number): string {
  const s = ns / 1e9;
  if (s < 60) return `${s.toFixed(3)} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = (s % 60).toFixed(1).padStart(4, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
