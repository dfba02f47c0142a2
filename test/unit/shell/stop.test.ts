import { describe, expect, it } from 'vitest';
import { NEVER_STOPS, Stopper, stopAny } from '../../../src-main/shell/stop';

describe('Stopper', () => {
  it('calls each listener once, on the first stop only', () => {
    const s = new Stopper();
    const calls: string[] = [];
    s.signal.addEventListener('abort', () => calls.push('a'));
    s.signal.addEventListener('abort', () => calls.push('b'));
    expect(s.signal.aborted).toBe(false);
    s.abort();
    s.abort();
    expect(calls).toEqual(['a', 'b']);
    expect(s.signal.aborted).toBe(true);
  });

  it('forgets removed listeners, and those added after the stop never run (as AbortSignal)', () => {
    const s = new Stopper();
    let n = 0;
    const l = () => n++;
    s.addEventListener('abort', l);
    s.removeEventListener('abort', l);
    s.abort();
    s.addEventListener('abort', l);
    expect(n).toBe(0);
  });

  it('stopAny stops with any of its signals, an AbortSignal among them, and leaves the others', () => {
    const a = new Stopper();
    const b = new AbortController();
    const any = stopAny([a, b.signal]);
    let n = 0;
    any.addEventListener('abort', () => n++);
    b.abort();
    expect(any.aborted).toBe(true);
    expect(a.aborted).toBe(false);
    a.abort();
    expect(n).toBe(1);
    expect(stopAny([a]).aborted).toBe(true);
  });

  it('NEVER_STOPS keeps no listener', () => {
    NEVER_STOPS.addEventListener('abort', () => {
      throw new Error('never');
    });
    expect(NEVER_STOPS.aborted).toBe(false);
  });
});

describe('stopAny().dispose', () => {
  it('leaves no listener behind on the signals it watched', () => {
    const line = new Stopper();
    for (let i = 0; i < 1000; i++) stopAny([line]).dispose();
    const listeners = (line as unknown as { listeners?: unknown[] }).listeners;
    expect(listeners ?? []).toHaveLength(0);
    const kept = stopAny([line]);
    line.abort();
    expect(kept.aborted).toBe(true);
  });
});
