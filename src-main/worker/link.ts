// Starts the simulation in a worker thread and exposes it as a typed message link.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { ClientMessage, HostMessage } from '../protocol/messages';
import type { BenchHost } from '../session/bench-host';

/** What the worker's simulation starts with (plain data: it crosses to the thread). */
export interface WorkerOptions {
  seed?: number | undefined;
  policy?: string | undefined;
  scenario?: string | null | undefined;
  benchHost?: BenchHost | undefined;
  eventLogLimit?: number | undefined;
  /** Restore the newest crashed session at once. */
  restore?: boolean | undefined;
  /** false: nothing goes to disk (no journal, no offer to restore). */
  journal?: boolean | undefined;
}

/** Control words between the link and its worker, outside the protocol. */
export const SHUTDOWN = 'pinsim:shutdown';
export const CLOSED = 'pinsim:closed';
const CLOSE_WAIT_MS = 3000;

export interface SimulationLink {
  send(message: ClientMessage): void;
  onMessage(listener: (message: HostMessage) => void): () => void;
  /** Ends the session cleanly (journal closed, nothing offered back next time), then the thread. */
  close(): Promise<void>;
}

/**
 * `mainDir` is out/main/, where the entry bundles and sim-worker.js sit. It comes from the entry
 * point because this module may be bundled into a shared chunk in a subfolder.
 */
export function startSimulationWorker(mainDir: string, options: WorkerOptions = {}): SimulationLink {
  const worker = new Worker(join(mainDir, 'sim-worker.js'), { workerData: options });
  const listeners = new Set<(m: HostMessage) => void>();
  let closed: (() => void) | undefined;
  let exited = false;
  worker.on('exit', () => {
    exited = true;
    closed?.();
  });
  worker.on('message', (m: HostMessage | typeof CLOSED) => {
    if (m === CLOSED) return closed?.();
    for (const l of listeners) l(m);
  });
  worker.on('error', (err) => {
    const message = `simulation stopped: ${err instanceof Error ? err.message : String(err)}`;
    for (const l of listeners) l({ type: 'error', message });
  });
  return {
    send: (message) => worker.postMessage(message),
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        if (exited) return resolve();
        const timer = setTimeout(resolve, CLOSE_WAIT_MS);
        closed = () => {
          clearTimeout(timer);
          resolve();
        };
        worker.postMessage(SHUTDOWN);
      });
      await worker.terminate();
    },
  };
}
