// Commands that exist only in the simulator: why, simctl, man.
import type { ToolDef } from '../tool';
import { why } from './why';
import { simctl } from './simctl';
import { man } from './man';

export const SIM_TOOLS: readonly ToolDef[] = [why, simctl, man];
