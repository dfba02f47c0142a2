// What stops a running command (Ctrl-C on its line, its process dying): the part of the DOM's
// AbortController/AbortSignal the shell and the tools use. Node's EventTarget-based AbortSignal
// cost about 10 µs per command to create and listen to, and the shell makes one per process.

/** An AbortSignal fits this too, so callers may pass either. */
export interface StopSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Both the controller and its signal, as listeners run once and only on the first stop. */
export class Stopper implements StopSignal {
  aborted = false;
  private listeners: (() => void)[] | undefined;

  get signal(): StopSignal {
    return this;
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    const listeners = this.listeners;
    this.listeners = undefined;
    if (listeners) for (const l of listeners) l();
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    if (!this.aborted) (this.listeners ??= []).push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const i = this.listeners?.indexOf(listener) ?? -1;
    if (i >= 0) this.listeners!.splice(i, 1);
  }
}

/**
 * A signal that stops when any of `signals` does (AbortSignal.any). AbortSignal.any holds its
 * dependents weakly; here the caller says when it is done with it (`dispose`), or a loop of
 * pipelines on one command line would leave a listener per iteration on the line's signal.
 */
export function stopAny(signals: StopSignal[]): StopSignal & { dispose(): void } {
  const any = new Stopper();
  const stop = () => {
    dispose();
    any.abort();
  };
  const dispose = () => {
    for (const s of signals) s.removeEventListener('abort', stop);
  };
  if (signals.some((s) => s.aborted)) any.abort();
  else for (const s of signals) s.addEventListener('abort', stop);
  return Object.assign(any, { dispose });
}

/** A signal that never stops (a script has no Ctrl-C): nothing to keep for its listeners. */
export const NEVER_STOPS: StopSignal = { aborted: false, addEventListener: () => undefined, removeEventListener: () => undefined };
