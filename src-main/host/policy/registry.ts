// The policies a host can run, by the names the product uses, in kernel.md §4's order. Adding a
// design is adding a strategy file and a line here.
import type { Policy } from './policy';
import { rfcV2 } from './rfc-v2';
import { longtermDisabled } from './longterm-disabled';
import { legacyHang } from './legacy-hang';
import { closeBlocks } from './close-blocks';
import { fsReject } from './fs-reject';
import { immutable } from './immutable';

const POLICIES: readonly Policy[] = [rfcV2, longtermDisabled, legacyHang, closeBlocks, fsReject, immutable];

export const DEFAULT_POLICY = 'rfc-v2';

export function findPolicy(name: string): Policy | undefined {
  return POLICIES.find((p) => p.name === name);
}

export function policyNames(): string[] {
  return POLICIES.map((p) => p.name);
}
