// The Why panel asks the same explain module the shell's `why` prints, as root (pid 1), and gets
// its structured answer: the two can only differ in layout, never in substance.
import { strerror, type Host } from '../../host';
import { explainPath } from '../../host/explain/why';
import type { HostMessage } from '../../protocol/messages';

export function whyMessage(host: Host, path: string): HostMessage {
  const r = explainPath(host, 1, path);
  if (!r.ok) return { type: 'why', path, explanation: null, error: `${path}: ${strerror(r.errno)}` };
  return { type: 'why', path, explanation: r.value, error: null };
}
