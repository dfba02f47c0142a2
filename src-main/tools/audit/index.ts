// The admin's audit of long-term RDMA pins on DAX files (issue 5, item 7).
import type { ToolDef } from '../tool';
import { daxRdmaAudit } from './audit';

export const AUDIT_TOOLS: readonly ToolDef[] = [daxRdmaAudit];
