// Process and "who holds what" tools: ps, pgrep, pkill, pstree, top, lsof, fuser, lslocks…
import { pidof } from './pidof';
import type { ToolDef } from '../tool';
import { ps } from './ps';
import { pgrep, pkill } from './pgrep';
import { pstree } from './pstree';
import { top } from './top';
import { lsof } from './lsof';
import { fuser } from './fuser';
import { lslocks } from './lslocks';
import { killall } from './killall';

export const PROCESS_TOOLS: readonly ToolDef[] = [ps, pgrep, pkill, pidof, pstree, top, lsof, fuser, lslocks, killall];
