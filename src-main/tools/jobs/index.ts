// Commands that run or signal other commands: timeout, watch, sudo, and /bin/kill.
import type { ToolDef } from '../tool';
import { kill } from './kill';
import { sudo } from './sudo';
import { timeout } from './timeout';
import { watch } from './watch';

export const JOB_TOOLS: readonly ToolDef[] = [timeout, watch, sudo, kill];
