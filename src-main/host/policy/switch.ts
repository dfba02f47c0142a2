// Switching designs at run time (kernel.md §4): the new policy answers every decision from now on,
// the switch is one `policy.switch` event, and pins that were legitimate only under the old
// design's own guard (fs-reject's filesystem, immutable's seal) are left bare — "pins without an
// exclusive lease ... left over after a policy switch": layout changes over them wait for them,
// whatever the policy now in force. Pins held under an exclusive layout lease keep it.
import type { Kernel } from '../kernel';
import type { Policy } from './policy';

export function switchPolicy(k: Kernel, next: Policy): void {
  if (next === k.policy) return;
  const from = k.policy.name;
  k.policy = next;
  k.emit('policy.switch', { from, to: next.name });
  for (const seg of k.segments.values()) seg.guard = null;
}

