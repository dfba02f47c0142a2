// File tools.
import type { ToolDef } from '../tool';
import { cat } from './cat';
import { truncate } from './truncate';

export const FILE_TOOLS: readonly ToolDef[] = [cat, truncate];
