// Commands that exist only in the simulator: why, simctl, man.
import type { ToolDef } from '../tool';

export const SIM_TOOLS: readonly ToolDef[] = [];
