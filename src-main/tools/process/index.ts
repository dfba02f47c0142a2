// Process and "who holds what" tools: ps, pgrep, pkill, pstree, top, lsof, fuser, lslocks…
import type { ToolDef } from '../tool';

export const PROCESS_TOOLS: readonly ToolDef[] = [];
