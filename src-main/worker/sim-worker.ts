// Worker-thread entry: the simulation runs here so a busy host never blocks the window's
// process. Messages are validated again on arrival: the worker trusts no sender. Inputs are
// journalled under the state directory (PINSIM_STATE_DIR overrides it) so a crash loses nothing.
import { parentPort, workerData } from 'node:worker_threads';
import { parseClientMessage } from '../protocol/messages';
import { Simulation } from '../session/simulation';
import { SessionStore, stateDir } from '../session/journal/store';
import { CLOSED, SHUTDOWN, type WorkerOptions } from './link';

const port = parentPort;
if (!port) throw new Error('sim-worker must run in a worker thread');

const options = (workerData ?? {}) as WorkerOptions;
let store: SessionStore | undefined;
let storeError = '';
if (options.journal !== false) {
  try {
    store = new SessionStore(stateDir(process.env));
  } catch (e) {
    storeError = `sessions are not journalled: ${e instanceof Error ? e.message : String(e)}`;
  }
}
const { journal: _journal, ...rest } = options;
const sim = new Simulation({ ...rest, store }, (m) => port.postMessage(m));
if (storeError) port.postMessage({ type: 'error', message: storeError });
port.on('message', (raw: unknown) => {
  if (raw === SHUTDOWN) {
    sim.dispose();
    port.postMessage(CLOSED);
    return;
  }
  const parsed = parseClientMessage(raw);
  if (!parsed.ok) port.postMessage({ type: 'error', message: parsed.error });
  else sim.handle(parsed.value);
});
