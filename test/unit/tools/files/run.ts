// The file tools run as processes of a host booted with any setup (reflink on, extra files).
import type { HostOptions } from '../../../../src-main/host/index';
import { FILE_TOOLS } from '../../../../src-main/tools/files/index';
import { toolRig, type Rig } from '../rig';

export type { Ran } from '../rig';

export const bootTools = (opts: HostOptions = {}): Rig => toolRig(FILE_TOOLS, opts);
