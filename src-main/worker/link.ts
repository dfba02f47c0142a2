// Starts the simulation in a worker thread and exposes it as a typed message link.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { ClientMessage, HostMessage } from '../protocol/messages';
import type { SimulationOptions } from '../session/simulation';

export interface SimulationLink {
  send(message: ClientMessage): void;
  onMessage(listener: (message: HostMessage) => void): () => void;
  close(): Promise<void>;
}

/**
 * `mainDir` is out/main/, where the entry bundles and sim-worker.js sit. It comes from the entry
 * point because this module may be bundled into a shared chunk in a subfolder.
 */
export function startSimulationWorker(mainDir: string, options: SimulationOptions = {}): SimulationLink {
  const worker = new Worker(join(mainDir, 'sim-worker.js'), { workerData: options });
  const listeners = new Set<(m: HostMessage) => void>();
  worker.on('message', (m: HostMessage) => {
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
      await worker.terminate();
    },
  };
}
