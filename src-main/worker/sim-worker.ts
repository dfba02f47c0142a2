// Worker-thread entry: the simulation runs here so a busy host never blocks the window's
// process. Messages are validated again on arrival: the worker trusts no sender.
import { parentPort, workerData } from 'node:worker_threads';
import { parseClientMessage } from '../protocol/messages';
import { Simulation, type SimulationOptions } from '../session/simulation';

const port = parentPort;
if (!port) throw new Error('sim-worker must run in a worker thread');

const sim = new Simulation((workerData ?? {}) as SimulationOptions, (m) => port.postMessage(m));
port.on('message', (raw: unknown) => {
  const parsed = parseClientMessage(raw);
  if (!parsed.ok) port.postMessage({ type: 'error', message: parsed.error });
  else sim.handle(parsed.value);
});
