// Text tools: grep, sed, awk, sort, uniq, wc, cut, tr, xargs, tee, less…
import type { ToolDef } from '../tool';

export const TEXT_TOOLS: readonly ToolDef[] = [];
