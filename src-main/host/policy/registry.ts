// The policies a host can run, by the names the product uses (kernel.md §4). Adding a design is
// adding a strategy file and a line here.
import type { Policy } from './policy';
import { rfcV2 } from './rfc-v2';

const POLICIES: readonly Policy[] = [rfcV2];

export const DEFAULT_POLICY = 'rfc-v2';

export function findPolicy(name: string): Policy | undefined {
  return POLICIES.find((p) => p.name === name);
}

export function policyNames(): string[] {
  return POLICIES.map((p) => p.name);
}
