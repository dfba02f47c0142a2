// The process tools run as processes of a booted host, next to programs started as `cmd &`.
import type { HostOptions } from '../../../../src-main/host/index';
import { PROCESS_TOOLS } from '../../../../src-main/tools/process/index';
import { toolRig, type Rig } from '../rig';

export type { Ran, Rig } from '../rig';

export const rig = (opts: HostOptions = {}): Rig => toolRig(PROCESS_TOOLS, opts);
